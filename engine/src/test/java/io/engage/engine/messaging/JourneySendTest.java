package io.engage.engine.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import io.engage.engine.platform.embedded.LoopbackZeebeEngine;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code engage:send-message} on the in-memory Zeebe engine: the contract's headers and outputs,
 * template vars, quiet hours in two time zones on the engine's virtual clock, and exactly one
 * message when Zeebe delivers a job twice or retries it after its answer was lost.
 */
class JourneySendTest extends EngineTest {

  @LocalServerPort int port;
  @Autowired CamundaClient zeebe;
  @Autowired LoopbackZeebeEngine engine;
  @Autowired SendMessageWorker worker;
  @Autowired Clock clock;
  MessagingFixtures fixtures;
  TestJourneys journeys;

  @BeforeEach
  void setUp() {
    fixtures = new MessagingFixtures(new Api(port));
    journeys = new TestJourneys(zeebe);
  }

  @Test
  void sendsThePreferredChannelWithTemplateVarsAndWritesStatusAndReason() {
    MessagingFixtures.NewCustomer customer = fixtures.register(MessagingFixtures.NewCustomer.named("journey-vars"));
    TestJourneys.Journey journey = journeys.sendThenCapture(Map.of("channel", "preferred", "template", "holiday-greeting",
        "category", "transactional"));
    journeys.start(journey, Map.of("customerId", customer.id(), "holidayName", "双十一", "score", 5,
        "profile", Map.of("ignored", true)));
    Map<String, Object> out = journeys.capture(journey);
    assertThat(out).containsEntry("lastMessageStatus", "SENT").containsEntry("lastMessageReason", "");
    MimeMessage mail = awaitEmail(customer.email(), "双十一");
    assertThat(subject(mail)).isEqualTo("双十一快乐，" + customer.name());

    MessagingFixtures.NewCustomer absent = fixtures.register(MessagingFixtures.NewCustomer.named("journey-noemail")
        .withoutEmail().consents(Map.of("email", true)));
    TestJourneys.Journey emailOnly = journeys.sendThenCapture(Map.of("channel", "email", "template", "holiday-greeting",
        "category", "marketing"));
    journeys.start(emailOnly, Map.of("customerId", absent.id(), "holidayName", "春节"));
    assertThat(journeys.capture(emailOnly)).containsEntry("lastMessageStatus", "SUPPRESSED")
        .containsEntry("lastMessageReason", "no email address");

    journeys.start(emailOnly, Map.of("customerId", "nobody-" + customer.id(), "holidayName", "春节"));
    assertThat(journeys.capture(emailOnly)).containsEntry("lastMessageReason", "unknown customer");
  }

  @Test
  void aMissingTemplateHoldsTheStepUntilItExistsInsteadOfDroppingTheMessage() {
    MessagingFixtures.NewCustomer customer = fixtures.register(MessagingFixtures.NewCustomer.named("journey-missing"));
    String key = "late-" + customer.id();
    TestJourneys.Journey journey = journeys.sendThenCapture(Map.of("channel", "email", "template", key,
        "category", "transactional"));
    journeys.start(journey, Map.of("customerId", customer.id()));
    JsonNode waiting = await().atMost(MessagingFixtures.PATIENCE)
        .until(() -> messages(customer.id(), key), list -> !list.isEmpty()).getFirst();
    assertThat(waiting.path("status").asText()).isEqualTo("QUEUED");
    assertThat(waiting.path("reason").asText()).isEqualTo("no template '" + key + "'");
    assertThat(journeys.hasJob(journey.captureType())).isFalse();

    Api.Response created = fixtures.call("marketer", "POST", "/api/templates", Map.of("key", key,
        "variants", List.of(Map.of("locale", "zh-CN", "subject", "迟到的模板", "text", "你好"))));
    assertThat(created.status()).isEqualTo(201);
    engine.increaseTime(Duration.ofMinutes(2));
    assertThat(journeys.capture(journey)).containsEntry("lastMessageStatus", "SENT");
    assertThat(emails(customer.email(), "迟到的模板")).hasSize(1);
  }

  @Test
  void triggerScopeSendsOncePerTriggerAcrossJourneyInstances() {
    MessagingFixtures.NewCustomer customer = fixtures.register(MessagingFixtures.NewCustomer.named("journey-trigger"));
    TestJourneys.Journey journey = journeys.sendThenCapture(Map.of("channel", "email", "template", "holiday-greeting",
        "category", "transactional", "idempotencyScope", "trigger"));
    for (int i = 0; i < 2; i++) {
      journeys.start(journey, Map.of("customerId", customer.id(), "triggerId", "holiday:mid-autumn:2026",
          "holidayName", "中秋节"));
      assertThat(journeys.capture(journey)).containsEntry("lastMessageStatus", "SENT");
    }
    journeys.start(journey, Map.of("customerId", customer.id(), "triggerId", "holiday:mid-autumn:2027",
        "holidayName", "中秋节"));
    assertThat(journeys.capture(journey)).containsEntry("lastMessageStatus", "SENT");
    assertThat(emails(customer.email(), "中秋节")).hasSize(2);
  }

  @Test
  void aJobDeliveredTwiceAtOnceSendsOneMessage() throws Exception {
    MessagingFixtures.NewCustomer customer = fixtures.register(MessagingFixtures.NewCustomer.named("journey-twice"));
    String sendType = "test:send-" + customer.id();
    TestJourneys.Journey journey = journeys.manualSendThenCapture(sendType, Map.of("channel", "email",
        "template", "holiday-greeting", "category", "transactional"));
    journeys.start(journey, Map.of("customerId", customer.id(), "holidayName", "元旦"));
    ActivatedJob job = journeys.activate(sendType, Duration.ofMinutes(5));

    CompletableFuture<SendMessageWorker.Outcome> first = CompletableFuture.supplyAsync(() -> worker.handle(job));
    CompletableFuture<SendMessageWorker.Outcome> second = CompletableFuture.supplyAsync(() -> worker.handle(job));
    assertThat(first.get().variables()).containsEntry("lastMessageStatus", "SENT");
    assertThat(second.get().variables()).containsEntry("lastMessageStatus", "SENT");
    assertThat(emails(customer.email(), "元旦")).hasSize(1);
    assertThat(messages(customer.id(), "holiday-greeting")).hasSize(1);
  }

  @Test
  void aJobRetriedAfterItsAnswerWasLostSendsNothingAgain() {
    MessagingFixtures.NewCustomer customer = fixtures.register(MessagingFixtures.NewCustomer.named("journey-lost"));
    String sendType = "test:send-" + customer.id();
    TestJourneys.Journey journey = journeys.manualSendThenCapture(sendType, Map.of("channel", "email",
        "template", "holiday-greeting", "category", "transactional"));
    journeys.start(journey, Map.of("customerId", customer.id(), "holidayName", "端午节"));
    ActivatedJob first = journeys.activate(sendType, Duration.ofSeconds(10));
    assertThat(worker.handle(first).variables()).containsEntry("lastMessageStatus", "SENT"); // the answer is lost
    awaitEmail(customer.email(), "端午节");

    engine.increaseTime(Duration.ofSeconds(15)); // the job times out and Zeebe hands it out again
    ActivatedJob again = journeys.activate(sendType, Duration.ofSeconds(30));
    assertThat(again.getKey()).isEqualTo(first.getKey());
    worker.send(zeebe, again);

    assertThat(journeys.capture(journey)).containsEntry("lastMessageStatus", "SENT");
    assertThat(emails(customer.email(), "端午节")).hasSize(1);
    assertThat(messages(customer.id(), "holiday-greeting")).singleElement()
        .satisfies(m -> assertThat(m.path("attempts").asInt()).isEqualTo(1));
  }

  @Test
  void quietHoursHoldAMarketingSendUntilNineInTheCustomersZoneAndSendItOnce() {
    MessagingFixtures.NewCustomer shanghai = fixtures.register(MessagingFixtures.NewCustomer.named("quiet-sh")
        .zone("Asia/Shanghai"));
    MessagingFixtures.NewCustomer losAngeles = fixtures.register(MessagingFixtures.NewCustomer.named("quiet-la")
        .zone("America/Los_Angeles").locale("en"));
    TestJourneys.Journey journey = journeys.sendThenCapture(Map.of("channel", "email", "template", "holiday-greeting",
        "category", "marketing"));
    setQuietHours(true);
    try {
      // 06:00 UTC: 14:00 in Shanghai (open), 22:00 or 23:00 the evening before in Los Angeles (quiet).
      moveClockTo(LocalTime.of(6, 0));
      Instant sentAt = clock.instant();
      journeys.start(journey, Map.of("customerId", shanghai.id(), "holidayName", "冬至"));
      journeys.start(journey, Map.of("customerId", losAngeles.id(), "holidayName", "Winter Solstice"));
      assertThat(journeys.capture(journey)).containsEntry("lastMessageStatus", "SENT");
      awaitEmail(shanghai.email(), "冬至");

      ZonedDateTime nineInLa = sentAt.atZone(ZoneId.of("America/Los_Angeles")).plusDays(1)
          .with(LocalTime.of(9, 0));
      if (nineInLa.minusDays(1).toInstant().isAfter(sentAt)) {
        nineInLa = nineInLa.minusDays(1);
      }
      JsonNode waiting = await().atMost(MessagingFixtures.PATIENCE)
          .until(() -> messages(losAngeles.id(), "holiday-greeting"), list -> !list.isEmpty()).getFirst();
      assertThat(waiting.path("status").asText()).isEqualTo("QUEUED");
      assertThat(waiting.path("reason").asText()).startsWith("quiet hours until " + nineInLa.toLocalDate() + " 09:00 America/Los_Angeles");
      assertThat(Instant.parse(waiting.path("nextAttemptAt").asText())).isEqualTo(nineInLa.toInstant());

      engine.increaseTime(Duration.between(clock.instant(), nineInLa.toInstant()).minusMinutes(2));
      assertThat(journeys.hasJob(journey.captureType())).isFalse();
      assertThat(emails(losAngeles.email(), "Winter Solstice")).isEmpty();

      engine.increaseTime(Duration.ofMinutes(3));
      Map<String, Object> out = journeys.capture(journey);
      assertThat(out).containsEntry("lastMessageStatus", "SENT");
      assertThat(emails(losAngeles.email(), "Winter Solstice")).hasSize(1);
      JsonNode sent = messages(losAngeles.id(), "holiday-greeting").getFirst();
      assertThat(Instant.parse(sent.path("sentAt").asText())).isBetween(nineInLa.toInstant(),
          nineInLa.toInstant().plus(Duration.ofMinutes(2)));
      String metrics = fixtures.call("admin", "GET", "/actuator/prometheus", null).body();
      assertThat(metrics).contains("engage_message_deferrals_total{reason=\"quiet-hours\"")
          .contains("engage_messages_total{channel=\"email\",status=\"SENT\"")
          .contains("engage_message_attempts_total{outcome=\"SENT\",provider=\"smtp\"");
    } finally {
      setQuietHours(false);
    }
  }

  @Test
  void aMessageWaitingForQuietHoursIsSuppressedWhenItsJourneyEnds() throws Exception {
    MessagingFixtures.NewCustomer customer = fixtures.register(MessagingFixtures.NewCustomer.named("ended-la")
        .zone("America/Los_Angeles").locale("en"));
    String id = "ends-while-queued-" + customer.id().hashCode();
    zeebe.newDeployResourceCommand().addResourceBytes("""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="https://engage.io/test">
          <bpmn:message id="Stop" name="test.stop-%1$s">
            <bpmn:extensionElements><zeebe:subscription correlationKey="=customerId" /></bpmn:extensionElements>
          </bpmn:message>
          <bpmn:process id="%1$s" isExecutable="true">
            <bpmn:extensionElements><zeebe:executionListeners>
              <zeebe:executionListener eventType="end" type="engage:journey-step" />
            </zeebe:executionListeners></bpmn:extensionElements>
            <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:serviceTask id="Send"><bpmn:extensionElements>
                <zeebe:taskDefinition type="engage:send-message" retries="5" />
                <zeebe:taskHeaders><zeebe:header key="channel" value="email" />
                  <zeebe:header key="template" value="holiday-greeting" /><zeebe:header key="category" value="marketing" />
                </zeebe:taskHeaders></bpmn:extensionElements>
              <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:serviceTask>
            <bpmn:boundaryEvent id="Stopped" attachedToRef="Send"><bpmn:outgoing>F3</bpmn:outgoing>
              <bpmn:messageEventDefinition messageRef="Stop" /></bpmn:boundaryEvent>
            <bpmn:endEvent id="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
            <bpmn:endEvent id="Left"><bpmn:incoming>F3</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Send" />
            <bpmn:sequenceFlow id="F2" sourceRef="Send" targetRef="End" />
            <bpmn:sequenceFlow id="F3" sourceRef="Stopped" targetRef="Left" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(id).getBytes(java.nio.charset.StandardCharsets.UTF_8), id + ".bpmn").send().join();
    setQuietHours(true);
    try {
      // 06:00 UTC is 22:00 or 23:00 in Los Angeles: the greeting waits for 09:00 there.
      moveClockTo(LocalTime.of(6, 0));
      long instance = zeebe.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
          .variables(Map.of("customerId", customer.id(), "holidayName", "Thanksgiving")).send().join()
          .getProcessInstanceKey();
      await().atMost(MessagingFixtures.PATIENCE).until(() -> messages(customer.id(), "holiday-greeting"),
          list -> !list.isEmpty() && list.getFirst().path("status").asText().equals("QUEUED"));

      // The customer leaves the journey (as an order ends onboarding) while the greeting waits.
      zeebe.newPublishMessageCommand().messageName("test.stop-" + id).correlationKey(customer.id())
          .messageId("stop-" + instance).send().join();

      JsonNode suppressed = await().atMost(MessagingFixtures.PATIENCE)
          .until(() -> messages(customer.id(), "holiday-greeting").getFirst(),
              m -> m.path("status").asText().equals("SUPPRESSED"));
      assertThat(suppressed.path("reason").asText()).isEqualTo("journey-ended");
      engine.increaseTime(Duration.ofHours(12));
      engine.engine().waitForIdleState(MessagingFixtures.PATIENCE);
      assertThat(messages(customer.id(), "holiday-greeting")).singleElement()
          .satisfies(m -> assertThat(m.path("status").asText()).isEqualTo("SUPPRESSED"));
      assertThat(emails(customer.email(), "Thanksgiving")).isEmpty();
    } finally {
      setQuietHours(false);
    }
  }

  private void setQuietHours(boolean enabled) {
    Api.Response response = enabled
        ? fixtures.call("admin", "PUT", "/api/messaging/policy", Map.of("frequencyCapMaxMessages", 3,
            "frequencyCapPeriod", "P7D", "quietHoursEnabled", true, "quietHoursStart", "21:00", "quietHoursEnd", "09:00"))
        : fixtures.call("admin", "DELETE", "/api/messaging/policy", null);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
  }

  /** Moves the engine's (and so the application's) clock forward to the next time of day in UTC. */
  private void moveClockTo(LocalTime utc) {
    Instant now = clock.instant();
    ZonedDateTime target = now.atZone(ZoneOffset.UTC).with(utc);
    if (!target.toInstant().isAfter(now)) {
      target = target.plusDays(1);
    }
    engine.increaseTime(Duration.between(now, target.toInstant()));
  }

  private List<JsonNode> messages(String customerId, String template) {
    return StreamSupport.stream(fixtures.customer(customerId).path("messages").spliterator(), false)
        .filter(m -> m.path("template").asText().equals(template)).toList();
  }

  private MimeMessage awaitEmail(String address, String subjectPart) {
    return await().atMost(MessagingFixtures.PATIENCE)
        .until(() -> emails(address, subjectPart).stream().findFirst().orElse(null), java.util.Objects::nonNull);
  }

  static List<MimeMessage> emails(String address, String subjectPart) {
    return Arrays.stream(SMTP.getReceivedMessages())
        .filter(m -> recipient(m).equals(address) && subject(m).contains(subjectPart)).toList();
  }

  static String recipient(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
