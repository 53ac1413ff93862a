package io.engage.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.engage.bpmn.EngageWorkers.Job;
import org.junit.jupiter.api.Test;

/**
 * The birthday care journey: the birthday gift points from the birthday rules, then a greeting on
 * the preferred channel, both keyed by the trigger so a journey restarted for the same birthday
 * awards and sends nothing twice.
 */
class BirthdayCareJourneyTest extends JourneyTest {

  @Test
  void awardsTheBirthdayGiftThenGreetsOnThePreferredChannel() {
    long birthday = birthday("c-1", "birthday:2026");

    assertThat(workers.jobs(Journeys.AWARD_POINTS, birthday)).singleElement().satisfies(points -> {
      assertThat(points.headers()).containsEntry("reason", "birthday-gift")
          .containsEntry(Journeys.IDEMPOTENCY_SCOPE_HEADER, "trigger").doesNotContainKey("points");
      assertThat(points.variable("customerId")).isEqualTo("c-1");
      assertThat(points.variable("triggerId")).isEqualTo("birthday:2026");
    });
    assertThat(workers.messages(birthday)).containsExactly("preferred:birthday-greeting:marketing");
    Job greeting = workers.jobs(Journeys.SEND_MESSAGE, birthday).getFirst();
    assertThat(greeting.headers()).containsEntry(Journeys.IDEMPOTENCY_SCOPE_HEADER, "trigger");
    assertThat(greeting.variable("triggerId")).isEqualTo("birthday:2026");
    assertThat(greeting.variable("pointsAwarded")).isEqualTo(300);
    assertInstance(birthday).isCompleted();
    assertThat(workers.steps(birthday)).containsExactly("BirthdayToday", "AwardBirthdayPoints",
        "SendBirthdayGreeting", "BirthdayCared", "birthday-care");
  }

  @Test
  void everyBirthdayIsCaredForOnceWithItsOwnTrigger() {
    long thisYear = birthday("c-1", "birthday:2026");
    long nextYear = birthday("c-1", "birthday:2027");
    long someoneElse = birthday("c-2", "birthday:2026");

    assertThat(workers.jobs(Journeys.AWARD_POINTS)).extracting(j -> j.variable("customerId") + "/"
        + j.variable("triggerId")).containsExactly("c-1/birthday:2026", "c-1/birthday:2027", "c-2/birthday:2026");
    for (long instance : new long[] {thisYear, nextYear, someoneElse}) {
      assertThat(workers.messages(instance)).hasSize(1);
      assertInstance(instance).isCompleted();
    }
  }

  private long birthday(String customerId, String triggerId) {
    long key = start(Journeys.BIRTHDAY_CARE, "birthday.today", customerId, triggerId + ":" + customerId,
        vars("customerId", customerId, "triggerId", triggerId));
    workers.workOff();
    return key;
  }
}
