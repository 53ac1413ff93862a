package io.engage.engine.customer;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface CustomerMapper {

  Customer findById(@Param("id") String id);

  /** Locks the row for the rest of the transaction (tier changes are read-modify-write). */
  Customer findByIdForUpdate(@Param("id") String id);

  /** Ids of live (not merged) profiles whose phone has this lookup key. */
  java.util.List<String> findLiveIdsByPhoneLookup(@Param("phoneLookup") String phoneLookup);

  int insertIfAbsent(Customer customer);

  int updateRegistration(Customer customer);

  int updateTier(@Param("id") String id, @Param("tier") String tier, @Param("now") Instant now);

  List<CustomerSummary> search(@Param("prefix") String prefix, @Param("emailLookup") String emailLookup,
      @Param("phoneLookup") String phoneLookup, @Param("limit") int limit);

  void upsertConsent(Consent consent);

  int insertConsentHistory(Consent consent);

  /** The current decision per channel, and the decision in the history (every change is kept). */
  default void recordConsent(Consent consent) {
    upsertConsent(consent);
    insertConsentHistory(consent);
  }

  List<Consent> findConsentHistory(@Param("customerId") String customerId);

  /** Profiles merged into this one (they keep their own copy of the personal data). */
  List<String> findMergedFrom(@Param("id") String id);

  int eraseProfile(@Param("id") String id, @Param("now") Instant now);

  List<Consent> findConsents(@Param("customerId") String customerId);

  int countByReferralCode(@Param("code") String code);

  int updateContactPoints(@Param("id") String id, @Param("emailLookup") String emailLookup,
      @Param("phoneLookup") String phoneLookup, @Param("emailVerified") Boolean emailVerified,
      @Param("phoneVerified") Boolean phoneVerified);

  CustomerIdentity findIdentity(@Param("id") String id);

  ContactKeys findContactKeys(@Param("id") String id);

  record ContactKeys(String emailLookup, String phoneLookup, boolean emailVerified, boolean phoneVerified) {}

  String findMergedInto(@Param("id") String id);

  int markMerged(@Param("id") String id, @Param("survivorId") String survivorId, @Param("now") Instant now);

  /** Profiles already merged into {@code from} now point at {@code to} directly. */
  int repointMerged(@Param("from") String from, @Param("to") String to);

  /** Groups of live profiles sharing a verified email or phone key: (lookup key, customer id) pairs. */
  List<LookupMatch> findVerifiedDuplicates(@Param("limit") int limit);

  record LookupMatch(String kind, String lookupKey, String customerId, Instant registeredAt) {}

  List<String> findExisting(@Param("ids") java.util.Collection<String> ids);

  record ProfileRow(ImportedProfile profile, String emailLookup, String phoneLookup) {}

  int insertProfiles(@Param("profiles") List<ProfileRow> profiles, @Param("now") Instant now,
      @Param("defaultZone") String defaultZone);

  int insertGuests(@Param("ids") java.util.Collection<String> ids, @Param("zone") String zone, @Param("now") Instant now);

  int insertTag(@Param("customerId") String customerId, @Param("tag") String tag, @Param("source") String source,
      @Param("now") Instant now);

  int deleteTag(@Param("customerId") String customerId, @Param("tag") String tag);

  List<CustomerTag> findTags(@Param("customerId") String customerId);

  int moveTags(@Param("from") String from, @Param("to") String to);

  int deleteTags(@Param("customerId") String customerId);

  int deleteConsents(@Param("customerId") String customerId);

  /** Fills the survivor's empty profile fields from the merged profile. */
  int fillProfileFrom(@Param("from") String from, @Param("to") String to, @Param("now") Instant now);

  List<Customers.ScheduleCandidate> findWithBirthdayOn(@Param("days") List<String> monthDays,
      @Param("afterId") String afterId, @Param("limit") int limit);

  List<Customers.ScheduleCandidate> findOptedIn(@Param("afterId") String afterId, @Param("limit") int limit);
}
