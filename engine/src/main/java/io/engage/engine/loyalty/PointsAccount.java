package io.engage.engine.loyalty;

import io.engage.engine.platform.web.ApiProblemException;
import io.engage.engine.platform.web.FieldError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The lot arithmetic of a customer's points: earning opens a lot, and redemption, expiry and refund
 * reversal take from lots oldest-expiring first. Callers hold the transaction; lots are locked.
 */
@Component
class PointsAccount {

  static final String REDEEM = "REDEEM";
  static final String EXPIRE = "EXPIRE";
  static final String REVERSAL = "REVERSAL";
  static final String POLICY = "ledger-policy";
  static final String POLICY_VERSION = "1";

  private final LoyaltyMapper mapper;
  private final LoyaltyProperties properties;

  PointsAccount(LoyaltyMapper mapper, LoyaltyProperties properties) {
    this.mapper = mapper;
    this.properties = properties;
  }

  /** Opens the lot for an earn entry: pending through the return window, then usable until expiry. */
  void openLot(long earnLedgerId, String customerId, String orderId, long points, Instant earnedAt) {
    if (points <= 0) {
      return;
    }
    mapper.insertLot(new PointsLot(0, customerId, earnLedgerId, orderId, points, points,
        earnedAt.plus(properties.returnWindow()), expiryOf(earnedAt)));
  }

  /** Opens a lot usable at once (activity points: nothing to return). */
  void openAvailableLot(long ledgerId, String customerId, long points, Instant now) {
    if (points > 0) {
      mapper.insertLot(new PointsLot(0, customerId, ledgerId, null, points, points, now, expiryOf(now)));
    }
  }

  /** End of the calendar year N years after the year of earning, in the business time zone. */
  Instant expiryOf(Instant earnedAt) {
    int year = earnedAt.atZone(properties.zone()).getYear() + properties.expiryYearsAfterEarning();
    return ZonedDateTime.of(LocalDate.of(year + 1, 1, 1).atStartOfDay(), properties.zone()).toInstant();
  }

  /** Redeems from available points, oldest-expiring lots first; refuses when there are not enough. */
  long redeem(String customerId, String key, long points, String reason, Instant now) {
    List<PointsLot> lots = mapper.lockAvailableLots(customerId, now);
    long available = lots.stream().mapToLong(PointsLot::pointsRemaining).sum();
    if (available < points) {
      throw new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "Not enough points",
          "Customer " + customerId + " has " + available + " available points; " + points + " were asked for",
          List.of(new FieldError("points", "exceeds the " + available + " available points")));
    }
    long ledgerId = insert(customerId, REDEEM, -points, "redeem:" + key, null,
        "-" + points + ": redeemed" + (reason == null ? "" : " (" + reason + ")"), now);
    takeFifo(lots, ledgerId, points);
    return ledgerId;
  }

  /**
   * Reverses points of a refunded order: first from the order's own lot, then from the customer's
   * other available lots. What cannot be covered leaves the balance negative rather than vanishing.
   */
  void reverse(String customerId, String orderId, String eventId, long points, String explanation, Instant now) {
    if (points <= 0) {
      return;
    }
    long ledgerId = insert(customerId, REVERSAL, -points, eventId, orderId, explanation, now);
    long left = points;
    PointsLot own = mapper.lockLotOfOrder(orderId);
    if (own != null && own.pointsRemaining() > 0) {
      long take = Math.min(left, own.pointsRemaining());
      mapper.takeFromLot(own.id(), take);
      mapper.insertAllocation(ledgerId, own.id(), take);
      left -= take;
    }
    if (left > 0) {
      takeFifo(mapper.lockAvailableLots(customerId, now), ledgerId, left);
    }
  }

  /** Expires what is left in lots past their expiry; returns how many lots were expired. */
  int expireDue(Instant now, int limit) {
    List<PointsLot> lots = mapper.lockExpiredLots(now, limit);
    for (PointsLot lot : lots) {
      long ledgerId = insert(lot.customerId(), EXPIRE, -lot.pointsRemaining(), "expire:lot:" + lot.id(), lot.orderId(),
          "-" + lot.pointsRemaining() + ": expired (earned " + lot.pointsEarned() + ", expired " + lot.expiresAt() + ")", now);
      mapper.takeFromLot(lot.id(), lot.pointsRemaining());
      mapper.insertAllocation(ledgerId, lot.id(), lot.pointsRemaining());
    }
    return lots.size();
  }

  private void takeFifo(List<PointsLot> lots, long ledgerId, long points) {
    long left = points;
    for (PointsLot lot : lots) {
      if (left == 0) {
        break;
      }
      long take = Math.min(left, lot.pointsRemaining());
      if (take > 0) {
        mapper.takeFromLot(lot.id(), take);
        mapper.insertAllocation(ledgerId, lot.id(), take);
        left -= take;
      }
    }
  }

  private long insert(String customerId, String kind, long points, String sourceKey, String orderId,
      String explanation, Instant now) {
    LedgerEntry entry = new LedgerEntry(0, customerId, kind, points, sourceKey, orderId, POLICY, POLICY_VERSION,
        explanation, List.of(kind), now);
    if (mapper.insertLedgerEntry(entry, "[\"" + kind + "\"]", "{}") == 0) {
      throw new IllegalStateException(kind + " " + sourceKey + " is already in the ledger");
    }
    return mapper.findLedgerId(sourceKey, kind);
  }
}
