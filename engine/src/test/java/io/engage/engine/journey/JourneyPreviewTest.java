package io.engage.engine.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Previews run a journey on an isolated engine with a virtual clock and send nothing. */
class JourneyPreviewTest extends EngineTest {

  @LocalServerPort int port;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  @Test
  void thirtyDaysOfOnboardingWithoutAnOrderShowEveryStepAtItsSimulatedTime() {
    String customer = registered("pv-quiet");
    int emails = SMTP.getReceivedMessages().length;
    JsonNode timeline = preview("onboarding", "{\"customerId\":\"%s\",\"days\":30}".formatted(customer));
    assertThat(timeline.path("completed").asBoolean()).isTrue();
    // Simulated time: the real time the preview took never shows (it did as PT1.2S on a busy machine).
    assertThat(at(timeline, "message", "SendWelcome")).isEqualTo("PT0S");
    assertThat(detail(timeline, "message", "SendWelcome").path("template").asText()).isEqualTo("welcome");
    assertThat(detail(timeline, "message", "SendWelcome").path("channel").asText()).isEqualTo("EMAIL");
    assertThat(at(timeline, "timer", "NoOrderIn3Days")).isEqualTo("PT72H");
    assertThat(at(timeline, "coupon", "IssueFirstOrderCoupon")).isEqualTo("PT72H");
    assertThat(detail(timeline, "coupon", "IssueFirstOrderCoupon").path("value").asText()).isEqualTo("20.00");
    assertThat(detail(timeline, "message", "SendFirstOrderReminder").path("channel").asText()).isEqualTo("SMS");
    // Rendered with what the coupon step would have issued just before.
    assertThat(detail(timeline, "message", "SendFirstOrderReminder").path("text").asText()).contains("PREVIEW1");
    assertThat(at(timeline, "timer", "NoOrderIn7MoreDays")).isEqualTo("PT240H");
    assertThat(at(timeline, "tag", "TagNurture")).isEqualTo("PT240H");
    assertThat(PreviewKinds.of(timeline)).contains("end");

    // Nothing happened for real.
    assertThat(SMTP.getReceivedMessages()).hasSize(emails);
    assertThat(api.getAs("admin", "/api/customers/" + customer + "/coupons").json()).isEmpty();
  }

  @Test
  void anInjectedOrderOnDayTwoExitsTheJourney() {
    String customer = registered("pv-buyer");
    JsonNode timeline = preview("onboarding", """
        {"customerId":"%s","days":30,"events":[{"type":"order.placed","day":2,"data":{"orderId":"o-pv","amount":"88.00"}}]}
        """.formatted(customer));
    assertThat(at(timeline, "step", "FirstOrderPlaced")).isEqualTo("PT48H");
    assertThat(at(timeline, "conversion", "RecordFirstOrderConversion")).isEqualTo("PT48H");
    assertThat(PreviewKinds.of(timeline)).doesNotContain("coupon");
    assertThat(timeline.path("completed").asBoolean()).isTrue();
  }

  @Test
  void aComplaintPreviewEscalatesOnTheRulesSlaUntilResolved() {
    String customer = registered("pv-complaint");
    JsonNode timeline = preview("complaint-escalation", """
        {"customerId":"%s","days":3,"start":{"severity":"HIGH","channel":"APP"},
         "events":[{"type":"complaint.resolved","at":"PT20H"},{"type":"survey.answered","at":"PT21H","data":{"score":5}}]}
        """.formatted(customer));
    List<JsonNode> escalations = entries(timeline, "escalation");
    assertThat(escalations).hasSize(3);
    assertThat(escalations.get(0).path("detail").path("slaHours").asInt()).isEqualTo(8);
    assertThat(escalations.get(1).path("after").asText()).startsWith("PT8H");
    assertThat(escalations.get(2).path("detail").path("level").asInt()).isEqualTo(3);
    assertThat(at(timeline, "message", "SendSurvey")).startsWith("PT20H");
    assertThat(timeline.path("completed").asBoolean()).isTrue();
  }

  @Test
  void aPreviewBeyondTheLimitIsRefusedNamingTheField() {
    Api.Response response = api.postJsonAs("marketer", "/api/journeys/onboarding/preview",
        "{\"customerId\":\"x\",\"days\":999,\"events\":[{\"type\":\"order.exploded\",\"day\":1}]}");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("days").contains("events[0].type");
  }

  @Test
  void previewedMessagesAreRenderedAndTheFrequencyCapCountsRealAndPreviewedSends() {
    String customer = registered("pv-capped");
    await().atMost(Duration.ofSeconds(30)).until(() -> api.getAs("admin", "/api/customers/" + customer).json()
        .path("messages").path(0).path("status").asText().matches("SENT|DELIVERED"));
    setPolicy(Map.of("frequencyCapMaxMessages", 2, "frequencyCapPeriod", "P7D", "quietHoursEnabled", false,
        "quietHoursStart", "21:00", "quietHoursEnd", "09:00"));
    try {
      JsonNode timeline = preview("onboarding", "{\"customerId\":\"%s\",\"days\":30}".formatted(customer));
      JsonNode welcome = detail(timeline, "message", "SendWelcome");
      assertThat(welcome.path("wouldBe").asText()).isEqualTo("SENT");
      assertThat(welcome.path("summary").asText()).isEqualTo("would be sent by email");
      assertThat(welcome.path("subject").asText()).isNotBlank();
      assertThat(welcome.path("text").asText()).isNotBlank();
      // The real welcome at registration and the previewed one fill the cap of 2 in 7 days.
      JsonNode reminder = detail(timeline, "message", "SendFirstOrderReminder");
      assertThat(reminder.path("wouldBe").asText()).isEqualTo("SUPPRESSED");
      assertThat(reminder.path("summary").asText()).startsWith("would be suppressed: capped: 2 marketing messages");
      assertThat(reminder.has("text")).isFalse();
    } finally {
      setPolicy(null);
    }
  }

  @Test
  void quietHoursInTheCustomersZoneShowWhenAPreviewedMessageWouldGoOut() {
    String customer = registered("pv-quiet-hours");
    // A window around the customer's local time now, so the preview's start falls inside it.
    java.time.LocalTime local = java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).toLocalTime()
        .withSecond(0).withNano(0);
    java.time.LocalTime end = local.plusHours(2);
    setPolicy(Map.of("frequencyCapMaxMessages", 0, "frequencyCapPeriod", "P7D", "quietHoursEnabled", true,
        "quietHoursStart", local.minusHours(1).toString(), "quietHoursEnd", end.toString()));
    try {
      JsonNode timeline = preview("onboarding", "{\"customerId\":\"%s\",\"days\":30}".formatted(customer));
      JsonNode welcome = detail(timeline, "message", "SendWelcome");
      assertThat(welcome.path("wouldBe").asText()).isEqualTo("QUEUED");
      assertThat(welcome.path("summary").asText()).startsWith("would wait (quiet hours until ")
          .contains(end + " Asia/Shanghai").endsWith("then be sent by email");
      java.time.ZonedDateTime sendsAt = java.time.Instant.parse(welcome.path("sendsAt").asText())
          .atZone(java.time.ZoneId.of("Asia/Shanghai"));
      assertThat(sendsAt.toLocalTime()).isEqualTo(end);
      assertThat(welcome.path("subject").asText()).isNotBlank();
    } finally {
      setPolicy(null);
    }
  }

  private void setPolicy(Map<String, Object> policy) {
    Api.Response response = policy == null ? api.deleteAs("admin", "/api/messaging/policy")
        : api.putJsonAs("admin", "/api/messaging/policy", json(policy));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
  }

  private static String json(Map<String, Object> value) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String registered(String customerId) {
    Api.Response response = api.postEvents("""
        {"eventId":"reg-%1$s","customerId":"%1$s","type":"customer.registered","occurredAt":"2026-11-20T10:00:00+08:00",
         "data":{"email":"%1$s@example.com","phone":"%2$s","timeZone":"Asia/Shanghai","preferredChannel":"email",
                 "consents":{"email":true,"sms":true}}}
        """.formatted(customerId, phoneOf(customerId)));
    assertThat(response.status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(30)).until(() -> SMTP.getReceivedMessages().length > 0
        && api.getAs("admin", "/api/customers/" + customerId + "/journeys").json().path("instances").size() > 0
        && api.getAs("admin", "/api/customers/" + customerId).json().path("messages").size() > 0);
    return customerId;
  }

  /**
   * A number of this customer's own: the preview applies the delivery policy, and a number shared
   * with other tests (one of them makes the SMPP test server refuse +8613900000000) would be blocked.
   */
  private static String phoneOf(String customerId) {
    return "+86137" + String.format("%08d", Math.floorMod(customerId.hashCode(), 100_000_000));
  }

  private JsonNode preview(String journey, String body) {
    Api.Response response = api.postJsonAs("marketer", "/api/journeys/" + journey + "/preview", body);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static List<JsonNode> entries(JsonNode timeline, String kind) {
    return StreamSupport.stream(timeline.path("entries").spliterator(), false)
        .filter(e -> e.path("kind").asText().equals(kind)).toList();
  }

  private static JsonNode entry(JsonNode timeline, String kind, String elementId) {
    return entries(timeline, kind).stream().filter(e -> e.path("elementId").asText().equals(elementId)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " at " + elementId + " in " + timeline));
  }

  private static String at(JsonNode timeline, String kind, String elementId) {
    return entry(timeline, kind, elementId).path("after").asText();
  }

  private static JsonNode detail(JsonNode timeline, String kind, String elementId) {
    return entry(timeline, kind, elementId).path("detail");
  }

  /** The kinds of a timeline's entries. */
  static final class PreviewKinds {
    static List<String> of(JsonNode timeline) {
      return StreamSupport.stream(timeline.path("entries").spliterator(), false).map(e -> e.path("kind").asText()).toList();
    }
  }
}
