package io.engage.engine.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The customer feature's part of a merge: profile fields the survivor lacks, contact points and
 * their verification, consent and tags.
 *
 * <p>Consent: per channel the most recent decision wins, because both profiles are one verified
 * person and the latest choice is what they want now; on equal times a refusal wins. The merged
 * profile's row is kept (marked merged) so its id keeps redirecting; its consents and tags move.
 */
@Component
@Order(0)
class ProfileMergeStep implements CustomerMergeStep {

  private final CustomerMapper mapper;
  private final Clock clock;

  ProfileMergeStep(CustomerMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "profile";
  }

  @Override
  public Map<String, Object> move(String mergedId, String survivorId) {
    Instant now = clock.instant();
    Map<String, Object> moved = new LinkedHashMap<>();
    CustomerMapper.ContactKeys survivor = mapper.findContactKeys(survivorId);
    CustomerMapper.ContactKeys merged = mapper.findContactKeys(mergedId);
    mapper.fillProfileFrom(mergedId, survivorId, now);
    String emailKey = survivor.emailLookup() != null ? survivor.emailLookup() : merged.emailLookup();
    String phoneKey = survivor.phoneLookup() != null ? survivor.phoneLookup() : merged.phoneLookup();
    boolean emailVerified = survivor.emailVerified() || (merged.emailVerified() && emailKey != null && emailKey.equals(merged.emailLookup()));
    boolean phoneVerified = survivor.phoneVerified() || (merged.phoneVerified() && phoneKey != null && phoneKey.equals(merged.phoneLookup()));
    mapper.updateContactPoints(survivorId, emailKey, phoneKey, emailVerified, phoneVerified);

    List<Consent> survivorConsents = mapper.findConsents(survivorId);
    int consentsTaken = 0;
    for (Consent theirs : mapper.findConsents(mergedId)) {
      Consent ours = survivorConsents.stream().filter(c -> c.channel().equals(theirs.channel())).findFirst().orElse(null);
      boolean takeTheirs = ours == null || theirs.updatedAt().isAfter(ours.updatedAt())
          || (theirs.updatedAt().equals(ours.updatedAt()) && !theirs.granted() && ours.granted());
      if (takeTheirs) {
        mapper.recordConsent(new Consent(survivorId, theirs.channel(), theirs.granted(), abbreviate("merge:" + mergedId + ":" + theirs.source()),
            theirs.updatedAt()));
        consentsTaken++;
      }
    }
    moved.put("consentsTakenFromMerged", consentsTaken);
    moved.put("consentsKept", survivorConsents.size());
    mapper.deleteConsents(mergedId);
    moved.put("tagsAdded", mapper.moveTags(mergedId, survivorId));
    mapper.deleteTags(mergedId);
    mapper.repointMerged(mergedId, survivorId);
    mapper.markMerged(mergedId, survivorId, now);
    return moved;
  }

  private static String abbreviate(String source) {
    return source.length() <= 64 ? source : source.substring(0, 64);
  }
}
