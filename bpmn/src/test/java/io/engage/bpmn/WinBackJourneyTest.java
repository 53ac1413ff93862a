package io.engage.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.engage.bpmn.EngageWorkers.Job;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Every path of the win-back journey: a coupon by email, seven days, a larger coupon by SMS,
 * fourteen days, stage churned; any order on the way exits at once as a {@code win-back} conversion.
 */
class WinBackJourneyTest extends JourneyTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void anAtRiskCustomerGetsACouponByEmailThenTheJourneyWaitsForAnOrder() {
    long winBack = atRisk("c-1");

    Job coupon = workers.jobs(Journeys.ISSUE_COUPON, winBack).getFirst();
    assertThat(coupon.headers()).containsEntry("coupon", "win-back").containsEntry("value", "30")
        .containsEntry("minSpend", "199").containsEntry("validDays", "7");
    assertThat(workers.messages(winBack)).containsExactly("email:win-back-offer:marketing");
    assertThat(workers.jobs(Journeys.SEND_MESSAGE, winBack).getFirst().variable("couponCode"))
        .isEqualTo("WIN-BACK-1");
    assertThat(workers.steps(winBack))
        .containsExactly("CustomerAtRisk", "IssueWinBackCoupon", "SendWinBackEmail");
    assertInstance(winBack).isWaitingExactlyAtElements("NoOrderIn7Days");
  }

  @Test
  void anOrderWithinSevenDaysExitsAtOnceAsAWinBack() {
    long winBack = atRisk("c-1");
    workers.advance(Duration.ofDays(7).minus(MINUTE));

    order("c-1", "o-1");

    assertWonBackOnce(winBack, "o-1");
    assertThat(workers.jobs(Journeys.ISSUE_COUPON)).hasSize(1);
    assertThat(workers.steps(winBack)).endsWith("OrderPlaced", "RecordWinBackConversion", "WonBack", "OrderExit",
        "win-back");
    workers.advance(Duration.ofDays(30));
    assertThat(workers.jobs(Journeys.SET_LIFECYCLE_STAGE)).isEmpty();
  }

  @Test
  void noOrderInSevenDaysSendsALargerCouponBySms() {
    long winBack = atRisk("c-1");

    workers.advance(Duration.ofDays(7).minus(MINUTE));
    assertThat(workers.jobs(Journeys.ISSUE_COUPON)).hasSize(1);

    workers.advance(Duration.ofMinutes(2));
    Job larger = workers.jobs(Journeys.ISSUE_COUPON, winBack).getLast();
    assertThat(larger.elementId()).isEqualTo("IssueLargerWinBackCoupon");
    assertThat(larger.headers()).containsEntry("coupon", "win-back").containsEntry("value", "50")
        .containsEntry("validDays", "14");
    assertThat(Integer.parseInt(larger.header("value")))
        .isGreaterThan(Integer.parseInt(workers.jobs(Journeys.ISSUE_COUPON).getFirst().header("value")));
    assertThat(workers.messages(winBack))
        .containsExactly("email:win-back-offer:marketing", "sms:win-back-last-chance:marketing");
    assertThat(workers.jobs(Journeys.SEND_MESSAGE, winBack).getLast().variable("couponCode"))
        .isEqualTo("WIN-BACK-2");
    assertInstance(winBack).isWaitingExactlyAtElements("NoOrderIn14Days");
  }

  @Test
  void anOrderWithinTheFourteenDaysExitsAtOnce() {
    long winBack = atRisk("c-1");
    workers.advance(Duration.ofDays(7));
    workers.advance(Duration.ofDays(14).minus(MINUTE));

    order("c-1", "o-7");

    assertWonBackOnce(winBack, "o-7");
    assertThat(workers.jobs(Journeys.SET_LIFECYCLE_STAGE)).isEmpty();
    assertThat(workers.steps(winBack)).contains("SendWinBackSms").doesNotContain("NoOrderIn14Days");
  }

  @Test
  void noOrderAtAllSetsTheStageChurned() {
    long winBack = atRisk("c-1");
    workers.advance(Duration.ofDays(7));

    workers.advance(Duration.ofDays(14).minus(MINUTE));
    assertThat(workers.jobs(Journeys.SET_LIFECYCLE_STAGE)).isEmpty();

    workers.advance(Duration.ofMinutes(2));
    assertThat(workers.jobs(Journeys.SET_LIFECYCLE_STAGE, winBack)).singleElement().satisfies(stage -> {
      assertThat(stage.headers()).containsEntry("stage", "churned").containsKey("reason");
      assertThat(stage.variable("customerId")).isEqualTo("c-1");
    });
    assertThat(workers.jobs(Journeys.RECORD_CONVERSION)).isEmpty();
    assertInstance(winBack).isCompleted();
    assertThat(workers.steps(winBack)).containsExactly("CustomerAtRisk", "IssueWinBackCoupon", "SendWinBackEmail",
        "NoOrderIn7Days", "IssueLargerWinBackCoupon", "SendWinBackSms", "NoOrderIn14Days", "SetStageChurned",
        "Churned", "win-back");
  }

  @Test
  void anOrderOfAnotherCustomerDoesNotEndTheJourney() {
    long winBack = atRisk("c-1");

    order("c-2", "o-2");

    assertThat(workers.jobs(Journeys.RECORD_CONVERSION)).isEmpty();
    assertInstance(winBack).isWaitingExactlyAtElements("NoOrderIn7Days");
    workers.advance(Duration.ofDays(7));
    assertThat(workers.messages(winBack)).hasSize(2);
  }

  @Test
  void anotherLifecycleStageDoesNotStartTheJourney() {
    publish("lifecycle.churned", "c-1", "lc-1", vars("customerId", "c-1", "stage", "churned",
        "previousStage", "at-risk"));
    publish("lifecycle.active", "c-1", "lc-2", vars("customerId", "c-1", "stage", "active",
        "previousStage", "new"));

    assertThat(instancesOf(Journeys.WIN_BACK)).isEmpty();
  }

  private long atRisk(String customerId) {
    long key = start(Journeys.WIN_BACK, "lifecycle.at-risk", customerId, "lc-" + customerId,
        vars("customerId", customerId, "eventId", "lc-" + customerId, "stage", "at-risk", "previousStage",
            "active"));
    workers.workOff();
    return key;
  }

  private void order(String customerId, String orderId) {
    publish("order.placed", customerId, "ord-" + orderId,
        vars("customerId", customerId, "eventId", "ord-" + orderId, "orderId", orderId, "amount", "259.00"));
    workers.workOff();
  }

  private void assertWonBackOnce(long winBack, String orderId) {
    assertThat(workers.jobs(Journeys.RECORD_CONVERSION)).singleElement().satisfies(conversion -> {
      assertThat(conversion.instanceKey()).isEqualTo(winBack);
      assertThat(conversion.headers()).containsEntry("goal", "win-back");
      assertThat(conversion.variable("orderId")).isEqualTo(orderId);
    });
    assertInstance(winBack).isCompleted();
  }
}
