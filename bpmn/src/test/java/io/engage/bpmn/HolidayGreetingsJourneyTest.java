package io.engage.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.engage.bpmn.EngageWorkers.Job;
import org.junit.jupiter.api.Test;

/**
 * The holiday greetings journey: one marketing greeting on the preferred channel per holiday
 * trigger, with the holiday's key and name offered to the template.
 */
class HolidayGreetingsJourneyTest extends JourneyTest {

  @Test
  void greetsOnThePreferredChannelOncePerTrigger() {
    long holiday = holiday("c-1", "double-11", "双11");

    assertThat(workers.messages(holiday)).containsExactly("preferred:holiday-greeting:marketing");
    Job greeting = workers.jobs(Journeys.SEND_MESSAGE, holiday).getFirst();
    assertThat(greeting.headers()).containsEntry(Journeys.IDEMPOTENCY_SCOPE_HEADER, "trigger");
    assertThat(greeting.variables()).containsEntry("customerId", "c-1")
        .containsEntry("triggerId", "holiday:double-11:2026").containsEntry("holiday", "double-11")
        .containsEntry("holidayName", "双11");
    assertInstance(holiday).isCompleted();
    assertThat(workers.steps(holiday)).containsExactly("HolidayToday", "SendHolidayGreeting", "HolidayGreeted",
        "holiday-greetings");
  }

  @Test
  void eachHolidayIsItsOwnGreeting() {
    long singlesDay = holiday("c-1", "double-11", "双11");
    long springFestival = holiday("c-1", "spring-festival", "春节");

    assertThat(workers.jobs(Journeys.SEND_MESSAGE)).extracting(j -> j.variable("triggerId"))
        .containsExactly("holiday:double-11:2026", "holiday:spring-festival:2026");
    assertInstance(singlesDay).isCompleted();
    assertInstance(springFestival).isCompleted();
  }

  private long holiday(String customerId, String holiday, String name) {
    String triggerId = "holiday:" + holiday + ":2026";
    long key = start(Journeys.HOLIDAY_GREETINGS, "holiday.greeting", customerId, triggerId + ":" + customerId,
        vars("customerId", customerId, "triggerId", triggerId, "holiday", holiday, "holidayName", name));
    workers.workOff();
    return key;
  }
}
