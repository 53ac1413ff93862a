package io.engage.engine.loyalty;

import io.engage.engine.customer.Customers;
import io.engage.engine.event.EventHandler;
import io.engage.engine.event.EventType;
import io.engage.engine.event.Events;
import io.engage.engine.event.StoredEvent;
import io.engage.rules.activity.ActivityFact;
import io.engage.rules.activity.ActivityKind;
import io.engage.rules.points.PointsDecision;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Points for reviews (评价积分) and shares (分享积分), within each kind's daily cap. The ledger kind
 * is the activity kind (REVIEW, SHARE), which is how the day's earlier awards are counted.
 */
@Component
class ActivityPoints implements EventHandler {

  private final Events events;
  private final Customers customers;
  private final LoyaltyMapper mapper;
  private final ActiveRuleSets rules;
  private final PointsAccount account;
  private final LoyaltyProperties properties;

  ActivityPoints(Events events, Customers customers, LoyaltyMapper mapper, ActiveRuleSets rules, PointsAccount account,
      LoyaltyProperties properties) {
    this.events = events;
    this.customers = customers;
    this.mapper = mapper;
    this.rules = rules;
    this.account = account;
    this.properties = properties;
  }

  @Override
  public Set<EventType> types() {
    return Set.of(EventType.REVIEW_POSTED, EventType.CONTENT_SHARED);
  }

  @Override
  public void handle(StoredEvent event) {
    ActivityKind kind = ActivityKind.ofEventType(event.type().wireName());
    Instant now = Instant.now();
    customers.lockOrCreate(event.customerId(), now);
    LocalDate day = now.atZone(properties.zone()).toLocalDate();
    long earnedToday = mapper.pointsOfKindBetween(event.customerId(), kind.name(),
        day.atStartOfDay(properties.zone()).toInstant(), day.plusDays(1).atStartOfDay(properties.zone()).toInstant());
    PointsDecision decision = rules.activity().decide(
        new ActivityFact(event.customerId(), events.activityId(event), kind, Math.max(0, earnedToday)));
    LedgerEntry entry = new LedgerEntry(0, event.customerId(), kind.name(), decision.points(), event.eventId(), null,
        decision.ruleSet(), decision.version(), decision.explanation(), decision.rulesFired(), now);
    if (mapper.insertLedgerEntry(entry, "[]", "{}") == 1) {
      account.openAvailableLot(mapper.findLedgerId(event.eventId(), kind.name()), event.customerId(), decision.points(), now);
    }
  }
}
