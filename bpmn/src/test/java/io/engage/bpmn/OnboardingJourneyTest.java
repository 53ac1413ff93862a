package io.engage.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.engage.bpmn.EngageWorkers.Job;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Every path of the onboarding journey: welcome on the preferred channel, three days for a first
 * order, a first-order coupon and a reminder carrying it, seven more days, the nurture tag; the first
 * order at any point exits at once as a {@code first-order} conversion.
 */
class OnboardingJourneyTest extends JourneyTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void welcomesOnThePreferredChannelThenWaitsForTheFirstOrder() {
    long onboarding = register("c-1");

    assertThat(workers.messages(onboarding)).containsExactly("preferred:welcome:marketing");
    assertThat(workers.steps(onboarding)).containsExactly("CustomerRegistered", "SendWelcome");
    assertInstance(onboarding).isWaitingExactlyAtElements("NoOrderIn3Days").isWaitingForMessages("order.placed");
  }

  @Test
  void aFirstOrderWithinThreeDaysExitsAtOnceAsAFirstOrderConversion() {
    long onboarding = register("c-1");
    workers.advance(Duration.ofDays(3).minus(MINUTE));

    order("c-1", "o-1");

    assertConvertedOnce(onboarding, "c-1", "o-1");
    assertThat(workers.jobs(Journeys.ISSUE_COUPON)).isEmpty();
    assertThat(workers.messages(onboarding)).containsExactly("preferred:welcome:marketing");
    assertThat(workers.steps(onboarding)).containsExactly("CustomerRegistered", "SendWelcome", "FirstOrderPlaced",
        "RecordFirstOrderConversion", "Converted", "FirstOrderExit", "onboarding");

    workers.advance(Duration.ofDays(30));
    assertThat(workers.jobs(Journeys.ISSUE_COUPON)).isEmpty();
    assertThat(workers.jobs(Journeys.TAG_CUSTOMER)).isEmpty();
  }

  @Test
  void anOrderBeforeTheWelcomeIsSentCancelsTheWelcome() {
    long onboarding = start("c-1");

    order("c-1", "o-1");

    assertConvertedOnce(onboarding, "c-1", "o-1");
    assertThat(workers.jobs(Journeys.SEND_MESSAGE)).isEmpty();
    assertThat(workers.steps(onboarding)).doesNotContain("SendWelcome");
  }

  @Test
  void noOrderInThreeDaysIssuesAFirstOrderCouponAndRemindsWithIt() {
    long onboarding = register("c-1");

    workers.advance(Duration.ofDays(3).minus(MINUTE));
    assertThat(workers.jobs(Journeys.ISSUE_COUPON)).isEmpty();

    workers.advance(Duration.ofMinutes(2));
    Job coupon = workers.jobs(Journeys.ISSUE_COUPON, onboarding).getFirst();
    assertThat(coupon.headers()).containsEntry("coupon", "first-order").containsEntry("value", "20")
        .containsEntry("minSpend", "99").containsEntry("validDays", "7");
    assertThat(coupon.variable("customerId")).isEqualTo("c-1");

    assertThat(workers.messages(onboarding))
        .containsExactly("preferred:welcome:marketing", "sms:first-order-reminder:marketing");
    Job reminder = workers.jobs(Journeys.SEND_MESSAGE, onboarding).getLast();
    assertThat(reminder.variable("couponCode")).isEqualTo("FIRST-ORDER-1");
    assertThat(reminder.variable("couponValue")).isEqualTo("20");
    assertThat(reminder.variables()).containsKey("couponExpiresAt");
    assertInstance(onboarding).isWaitingExactlyAtElements("NoOrderIn7MoreDays");
  }

  @Test
  void aFirstOrderInTheSevenMoreDaysExitsAtOnce() {
    long onboarding = register("c-1");
    workers.advance(Duration.ofDays(3));
    workers.advance(Duration.ofDays(7).minus(MINUTE));

    order("c-1", "o-9");

    assertConvertedOnce(onboarding, "c-1", "o-9");
    assertThat(workers.jobs(Journeys.TAG_CUSTOMER)).isEmpty();
    assertThat(workers.steps(onboarding)).containsSubsequence("SendFirstOrderReminder", "FirstOrderPlaced",
        "RecordFirstOrderConversion", "Converted", "onboarding").doesNotContain("NoOrderIn7MoreDays");
  }

  @Test
  void noOrderInTenDaysTagsTheCustomerNurture() {
    long onboarding = register("c-1");
    workers.advance(Duration.ofDays(3));

    workers.advance(Duration.ofDays(7).minus(MINUTE));
    assertThat(workers.jobs(Journeys.TAG_CUSTOMER)).isEmpty();

    workers.advance(Duration.ofMinutes(2));
    assertThat(workers.jobs(Journeys.TAG_CUSTOMER, onboarding)).singleElement()
        .satisfies(tag -> assertThat(tag.headers()).containsEntry("tag", "nurture"));
    assertThat(workers.jobs(Journeys.RECORD_CONVERSION)).isEmpty();
    assertThat(workers.jobs(Journeys.ISSUE_COUPON)).hasSize(1);
    assertThat(workers.messages(onboarding)).hasSize(2);
    assertInstance(onboarding).isCompleted();
    assertThat(workers.steps(onboarding)).containsExactly("CustomerRegistered", "SendWelcome", "NoOrderIn3Days",
        "IssueFirstOrderCoupon", "SendFirstOrderReminder", "NoOrderIn7MoreDays", "TagNurture", "Nurtured",
        "onboarding");
  }

  @Test
  void anOrderOfAnotherCustomerDoesNotEndTheJourney() {
    long onboarding = register("c-1");

    order("c-2", "o-2");
    workers.workOff();
    assertThat(workers.jobs(Journeys.RECORD_CONVERSION)).isEmpty();
    assertInstance(onboarding).isWaitingExactlyAtElements("NoOrderIn3Days");

    workers.advance(Duration.ofDays(3));
    assertThat(workers.messages(onboarding))
        .containsExactly("preferred:welcome:marketing", "sms:first-order-reminder:marketing");
  }

  @Test
  void eachCustomerHasTheirOwnOnboarding() {
    long first = register("c-1");
    long second = register("c-2");

    order("c-2", "o-2");

    assertInstance(second).isCompleted();
    assertInstance(first).isWaitingExactlyAtElements("NoOrderIn3Days");
    workers.advance(Duration.ofDays(3));
    assertThat(workers.jobs(Journeys.ISSUE_COUPON)).extracting(Job::instanceKey).containsExactly(first);
  }

  private long register(String customerId) {
    long key = start(customerId);
    workers.workOff();
    return key;
  }

  private long start(String customerId) {
    return start(Journeys.ONBOARDING, "customer.registered", customerId, "reg-" + customerId,
        vars("customerId", customerId, "eventId", "reg-" + customerId));
  }

  private void order(String customerId, String orderId) {
    publish("order.placed", customerId, "ord-" + orderId,
        vars("customerId", customerId, "eventId", "ord-" + orderId, "orderId", orderId, "amount", "199.00"));
    workers.workOff();
  }

  private void assertConvertedOnce(long onboarding, String customerId, String orderId) {
    assertThat(workers.jobs(Journeys.RECORD_CONVERSION)).singleElement().satisfies(conversion -> {
      assertThat(conversion.instanceKey()).isEqualTo(onboarding);
      assertThat(conversion.headers()).containsEntry("goal", "first-order");
      assertThat(conversion.variable("customerId")).isEqualTo(customerId);
      assertThat(conversion.variable("orderId")).isEqualTo(orderId);
    });
    assertInstance(onboarding).isCompleted();
  }
}
