package io.engage.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.engage.bpmn.EngageWorkers.EscalationRules;
import io.engage.bpmn.EngageWorkers.Job;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every path of the complaint escalation journey, correlated by complaint id: the SLA as a timer,
 * escalation level by level up to the maximum, the CSAT survey after the resolution, and a poor
 * score reopening the follow-up. The rules here: level 1 to 3, SLA 8h, 4h, 2h.
 */
class ComplaintEscalationJourneyTest extends JourneyTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void decidesTheEscalationFromTheComplaintThenWaitsForTheResolution() {
    long complaint = open("k-1", "c-1");

    assertThat(workers.jobs(Journeys.DECIDE_ESCALATION, complaint)).singleElement().satisfies(decide -> {
      assertThat(decide.variable("complaintId")).isEqualTo("k-1");
      assertThat(decide.variable("customerId")).isEqualTo("c-1");
      assertThat(decide.variable("severity")).isEqualTo("HIGH");
      assertThat(decide.variable("channel")).isEqualTo("APP");
    });
    assertInstance(complaint).isWaitingExactlyAtElements("AwaitResolution")
        .isWaitingForMessages("complaint.resolved").hasVariableWithValue("slaDuration", "PT8H")
        .hasVariableWithValue("level", 1);
    assertThat(workers.steps(complaint)).containsExactly("ComplaintOpened", "DecideEscalation");
  }

  @Test
  void aResolutionWithinTheSlaSendsTheSurveyWithoutEscalating() {
    long complaint = open("k-1", "c-1");
    workers.advance(Duration.ofHours(8).minus(MINUTE));

    resolve("k-1", "c-1");

    assertThat(workers.jobs(Journeys.ESCALATE_COMPLAINT)).isEmpty();
    assertThat(workers.messages(complaint)).containsExactly("preferred:csat-survey:transactional");
    assertThat(workers.jobs(Journeys.SEND_MESSAGE, complaint).getFirst().variable("complaintId")).isEqualTo("k-1");
    assertInstance(complaint).isWaitingExactlyAtElements("AwaitSurveyAnswer").isWaitingForMessages("survey.answered");
    assertThat(workers.steps(complaint)).containsExactly("ComplaintOpened", "DecideEscalation", "ComplaintResolved",
        "SendSurvey");
  }

  @Test
  void aMissedSlaEscalatesToTheNextLevelWithThatLevelsSla() {
    long complaint = open("k-1", "c-1");

    workers.advance(Duration.ofHours(8));
    assertThat(escalatedFrom(complaint)).containsExactly(1);
    assertInstance(complaint).isWaitingExactlyAtElements("AwaitResolution").hasVariableWithValue("level", 2)
        .hasVariableWithValue("slaDuration", "PT4H");

    workers.advance(Duration.ofHours(4).minus(MINUTE));
    assertThat(escalatedFrom(complaint)).containsExactly(1);

    workers.advance(Duration.ofMinutes(2));
    assertThat(escalatedFrom(complaint)).containsExactly(1, 2);
    assertThat(workers.steps(complaint)).containsExactly("ComplaintOpened", "DecideEscalation", "SlaMissed",
        "EscalateComplaint", "SlaMissed", "EscalateComplaint");
  }

  @Test
  void slasMissedAgainAndAgainStopEscalatingAtTheMaximumLevelAndTheJourneyKeepsWaiting() {
    long complaint = open("k-1", "c-1");
    workers.advance(Duration.ofHours(8));
    workers.advance(Duration.ofHours(4));
    assertInstance(complaint).hasVariableWithValue("level", 3).hasVariableWithValue("atMaxLevel", true)
        .isWaitingExactlyAtElements("ResolvedAtMaxLevel");

    for (int day = 0; day < 10; day++) {
      workers.advance(Duration.ofDays(1));
    }

    assertThat(escalatedFrom(complaint)).containsExactly(1, 2);
    assertInstance(complaint).isWaitingExactlyAtElements("ResolvedAtMaxLevel");

    resolve("k-1", "c-1");
    assertThat(workers.messages(complaint)).containsExactly("preferred:csat-survey:transactional");
    assertThat(workers.steps(complaint)).endsWith("EscalateComplaint", "ResolvedAtMaxLevel", "SendSurvey");
  }

  @Test
  void aResolutionThatArrivesWhileTheEscalationRunsIsKeptForTheNextWait() {
    long complaint = open("k-1", "c-1");
    engine.increaseTime(Duration.ofHours(8));
    workers.idle();
    assertInstance(complaint).isNotWaitingForMessages("complaint.resolved");

    // The engine publishes with a time to live, so the message waits for the subscription.
    resolve("k-1", "c-1");

    assertThat(escalatedFrom(complaint)).containsExactly(1);
    assertThat(workers.messages(complaint)).containsExactly("preferred:csat-survey:transactional");
    assertInstance(complaint).isWaitingExactlyAtElements("AwaitSurveyAnswer");
  }

  @Test
  void aComplaintThatStartsAtTheMaximumLevelIsNeverEscalated() {
    workers.escalation = new EscalationRules(3, 3, List.of(Duration.ofHours(8), Duration.ofHours(4),
        Duration.ofHours(1)));
    long complaint = open("k-1", "c-1");

    workers.advance(Duration.ofDays(5));

    assertThat(workers.jobs(Journeys.ESCALATE_COMPLAINT)).isEmpty();
    assertInstance(complaint).isWaitingExactlyAtElements("ResolvedAtMaxLevel");
  }

  @ParameterizedTest(name = "score {0} closes the complaint")
  @ValueSource(ints = {3, 5})
  void aGoodScoreClosesTheComplaint(int score) {
    long complaint = resolvedAndSurveyed("k-1", "c-1");

    answer("k-1", "c-1", score);

    assertThat(workers.jobs(Journeys.REOPEN_COMPLAINT)).isEmpty();
    assertInstance(complaint).isCompleted();
    assertThat(workers.steps(complaint)).endsWith("SendSurvey", "SurveyAnswered", "Closed", "complaint-escalation");
  }

  @ParameterizedTest(name = "score {0} reopens the follow-up")
  @ValueSource(ints = {1, 2})
  void aPoorScoreReopensTheFollowUpAndWaitsForTheResolutionAgain(int score) {
    long complaint = resolvedAndSurveyed("k-1", "c-1");

    answer("k-1", "c-1", score);

    assertThat(workers.jobs(Journeys.REOPEN_COMPLAINT, complaint)).singleElement().satisfies(reopen -> {
      assertThat(reopen.variable("complaintId")).isEqualTo("k-1");
      assertThat(reopen.variable("score")).isEqualTo(score);
    });
    assertInstance(complaint).isWaitingExactlyAtElements("AwaitResolution").isWaitingForMessages("complaint.resolved");
    assertThat(workers.steps(complaint)).endsWith("SurveyAnswered", "ReopenComplaint");
  }

  @Test
  void noAnswerWithinThreeDaysClosesTheComplaintWithoutAScore() {
    long complaint = resolvedAndSurveyed("k-1", "c-1");

    workers.advance(Duration.ofDays(3).minus(MINUTE));
    assertInstance(complaint).isWaitingExactlyAtElements("AwaitSurveyAnswer");

    workers.advance(Duration.ofMinutes(2));
    assertInstance(complaint).isCompleted();
    assertThat(workers.jobs(Journeys.REOPEN_COMPLAINT)).isEmpty();
    assertThat(workers.steps(complaint)).endsWith("SendSurvey", "NoSurveyAnswerIn3Days", "ClosedWithoutScore",
        "complaint-escalation");
  }

  @Test
  void anAnswerJustBeforeThreeDaysStillCounts() {
    long complaint = resolvedAndSurveyed("k-1", "c-1");
    workers.advance(Duration.ofDays(3).minus(MINUTE));

    answer("k-1", "c-1", 1);

    assertThat(workers.jobs(Journeys.REOPEN_COMPLAINT)).hasSize(1);
    assertInstance(complaint).isWaitingExactlyAtElements("AwaitResolution");
  }

  @Test
  void aScoreOfTwoReopensThenASecondResolutionAndAGoodScoreCloseTheComplaint() {
    long complaint = resolvedAndSurveyed("k-1", "c-1");
    answer("k-1", "c-1", 2);

    resolve("k-1", "c-1");
    assertThat(workers.messages(complaint))
        .containsExactly("preferred:csat-survey:transactional", "preferred:csat-survey:transactional");
    answer("k-1", "c-1", 4);

    assertThat(workers.jobs(Journeys.REOPEN_COMPLAINT)).hasSize(1);
    assertInstance(complaint).isCompleted();
    assertThat(workers.steps(complaint)).containsExactly("ComplaintOpened", "DecideEscalation", "ComplaintResolved",
        "SendSurvey", "SurveyAnswered", "ReopenComplaint", "ComplaintResolved", "SendSurvey", "SurveyAnswered",
        "Closed", "complaint-escalation");
  }

  @Test
  void aReopenedComplaintEscalatesOnFromItsLevelWhenTheSlaIsMissedAgain() {
    long complaint = open("k-1", "c-1");
    workers.advance(Duration.ofHours(8));
    resolve("k-1", "c-1");
    answer("k-1", "c-1", 1);

    workers.advance(Duration.ofHours(4));

    assertThat(escalatedFrom(complaint)).containsExactly(1, 2);
    assertInstance(complaint).isWaitingExactlyAtElements("ResolvedAtMaxLevel");
  }

  @Test
  void twoComplaintsOfTheSameCustomerRunIndependently() {
    long first = open("k-1", "c-1");
    long second = open("k-2", "c-1");
    assertThat(first).isNotEqualTo(second);

    resolve("k-1", "c-1");
    assertThat(workers.messages(first)).hasSize(1);
    assertThat(workers.messages(second)).isEmpty();
    assertInstance(second).isWaitingExactlyAtElements("AwaitResolution");

    workers.advance(Duration.ofHours(8));
    assertThat(escalatedFrom(first)).isEmpty();
    assertThat(escalatedFrom(second)).containsExactly(1);

    answer("k-1", "c-1", 5);
    assertInstance(first).isCompleted();
    assertInstance(second).isWaitingExactlyAtElements("AwaitResolution");
    assertThat(workers.jobs(Journeys.ESCALATE_COMPLAINT)).extracting(j -> j.variable("complaintId"))
        .containsExactly("k-2");
  }

  private long open(String complaintId, String customerId) {
    long key = start(Journeys.COMPLAINT_ESCALATION, "complaint.opened", complaintId, "open-" + complaintId,
        vars("customerId", customerId, "eventId", "open-" + complaintId, "complaintId", complaintId,
            "severity", "HIGH", "channel", "APP"));
    workers.workOff();
    return key;
  }

  private long resolvedAndSurveyed(String complaintId, String customerId) {
    long key = open(complaintId, customerId);
    resolve(complaintId, customerId);
    assertInstance(key).isWaitingExactlyAtElements("AwaitSurveyAnswer");
    return key;
  }

  private int resolutions;

  private void resolve(String complaintId, String customerId) {
    String eventId = "resolve-" + complaintId + "-" + (++resolutions);
    publish("complaint.resolved", complaintId, eventId,
        vars("customerId", customerId, "eventId", eventId, "complaintId", complaintId));
    workers.workOff();
  }

  private int answers;

  private void answer(String complaintId, String customerId, int score) {
    String eventId = "survey-" + complaintId + "-" + (++answers);
    publish("survey.answered", complaintId, eventId,
        vars("customerId", customerId, "eventId", eventId, "complaintId", complaintId, "score", score));
    workers.workOff();
  }

  /** The levels each escalation of a complaint started from. */
  private List<Integer> escalatedFrom(long complaint) {
    return workers.jobs(Journeys.ESCALATE_COMPLAINT, complaint).stream()
        .map(Job::variables).map(v -> ((Number) v.get("level")).intValue()).toList();
  }
}
