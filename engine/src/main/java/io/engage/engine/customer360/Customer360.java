package io.engage.engine.customer360;

import io.engage.engine.complaint.Complaint;
import io.engage.engine.coupon.Coupon;
import io.engage.engine.customer.Consent;
import io.engage.engine.customer.Customer;
import io.engage.engine.customer.CustomerIdentity;
import io.engage.engine.customer.CustomerTag;
import io.engage.engine.lifecycle.CustomerStage;
import io.engage.engine.lifecycle.StageHistoryEntry;
import io.engage.engine.rfm.CustomerRfm;
import io.engage.engine.journey.JourneyInstance;
import io.engage.engine.loyalty.LedgerEntry;
import io.engage.engine.loyalty.Order;
import io.engage.engine.loyalty.Referral;
import io.engage.engine.loyalty.TierChange;
import io.engage.engine.loyalty.TierOverride;
import io.engage.engine.messaging.Message;
import io.engage.engine.messaging.MessageEvent;
import java.util.List;

/** Everything Engage knows about one customer, for integrators and the admin UI; {@code rfm.clv} is the lifetime value estimate. */
record Customer360(
    Customer profile,
    List<Consent> consents,
    TierOverride tierOverride,
    List<TierChange> tierHistory,
    Referral referral,
    Points points,
    List<Order> orders,
    List<JourneyInstance> journeys,
    List<Message> messages,
    List<MessageEvent> messageEvents,
    CustomerIdentity identity,
    List<CustomerTag> tags,
    CustomerRfm rfm,
    CustomerStage lifecycle,
    List<StageHistoryEntry> lifecycleHistory,
    List<String> segments,
    List<Complaint> complaints,
    List<Coupon> coupons) {

  record Points(long balance, List<LedgerEntry> ledger) {}
}
