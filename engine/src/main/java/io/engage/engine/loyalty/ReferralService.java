package io.engage.engine.loyalty;

import io.engage.engine.customer.Customer;
import io.engage.engine.customer.Customers;
import io.engage.engine.platform.crypto.Hashes;
import io.engage.rules.referral.ReferralDecision;
import io.engage.rules.referral.ReferralFact;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Referral rewards on a referee's first paid order. The decision, granted or refused with its
 * reason, is stored once per referee; the rewards are ledger entries like any other points.
 */
@Service
class ReferralService {

  static final String REFERRAL = "REFERRAL";
  private final LoyaltyMapper mapper;
  private final Customers customers;
  private final ActiveRuleSets rules;
  private final PointsAccount account;
  private final LoyaltyProperties properties;

  ReferralService(LoyaltyMapper mapper, Customers customers, ActiveRuleSets rules, PointsAccount account,
      LoyaltyProperties properties) {
    this.mapper = mapper;
    this.customers = customers;
    this.rules = rules;
    this.account = account;
    this.properties = properties;
  }

  void onFirstPaidOrder(Customer referee, Order order) {
    if (referee.referredBy() == null || mapper.findReferral(referee.id()) != null) {
      return;
    }
    Instant now = Instant.now();
    String referrerId = mapper.findCustomerIdByReferralCode(referee.referredBy());
    if (referrerId == null) {
      mapper.insertReferralIfAbsent(new Referral(referee.id(), null, referee.referredBy(), "REFUSED",
          "unknown referral code " + referee.referredBy(), 0, 0, "-", order.eventId(), now));
      return;
    }
    Customer referrer = customers.lockOrCreate(referrerId, now);
    LocalDate month = now.atZone(properties.zone()).toLocalDate().withDayOfMonth(1);
    int rewardedThisMonth = mapper.countGrantedReferrals(referrerId, month.atStartOfDay(properties.zone()).toInstant(),
        month.plusMonths(1).atStartOfDay(properties.zone()).toInstant());
    ReferralDecision decision = rules.referral().decide(new ReferralFact(referrerId, referee.id(), true,
        rewardedThisMonth, fingerprints(referrer), fingerprints(referee)));
    String status = decision.refused() ? "REFUSED" : "GRANTED";
    mapper.insertReferralIfAbsent(new Referral(referee.id(), referrerId, referee.referredBy(), status, decision.reason(),
        decision.referrerPoints(), decision.refereePoints(), decision.version(), order.eventId(), now));
    reward(referrerId, "referral:referrer:" + referee.id(), decision.referrerPoints(),
        "+" + decision.referrerPoints() + ": referred " + referee.id(), decision, now);
    reward(referee.id(), "referral:referee:" + referee.id(), decision.refereePoints(),
        "+" + decision.refereePoints() + ": referred by " + referrerId, decision, now);
  }

  private void reward(String customerId, String key, long points, String explanation, ReferralDecision decision,
      Instant now) {
    if (points <= 0) {
      return;
    }
    LedgerEntry entry = new LedgerEntry(0, customerId, REFERRAL, points, key, null, decision.ruleSet(),
        decision.version(), explanation, decision.rulesFired(), now);
    if (mapper.insertLedgerEntry(entry, "[]", "{}") == 1) {
      account.openLot(mapper.findLedgerId(key, REFERRAL), customerId, null, points, now);
    }
  }

  /** Hashes of phone and address: the rules compare them without seeing personal data. */
  static Set<String> fingerprints(Customer customer) {
    Set<String> prints = new HashSet<>();
    for (String value : List.of(nullToEmpty(customer.phone()), nullToEmpty(customer.address()))) {
      if (!value.isBlank()) {
        prints.add(Hashes.sha256Hex(value.replaceAll("\\s+", "").toLowerCase()));
      }
    }
    return prints;
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

}
