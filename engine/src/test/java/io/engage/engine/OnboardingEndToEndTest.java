package io.engage.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.engage.engine.platform.embedded.LoopbackZeebeEngine;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The foundation's whole chain through the REST API on real parts: events in, Drools decides, the
 * ledger records, the onboarding journey runs on Zeebe, the connectors deliver, the 360 shows it.
 */
class OnboardingEndToEndTest extends EngineTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @LocalServerPort int port;
  @Autowired LoopbackZeebeEngine zeebe;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  @Test
  void registrationOrderAndReminderFlowThroughEveryModuleAndReplayChangesNothing() throws Exception {
    List<String> sent = new ArrayList<>();

    // 1. Register: the welcome email reaches the SMTP server.
    String alice = "e2e-alice";
    sent.add(post(registration("e2e-reg-1", alice, "王芳", "alice@example.com", "+8613800000001")));
    MimeMessage welcome = awaitEmailTo("alice@example.com");
    assertThat(welcome.getSubject()).contains("王芳").contains("欢迎");

    // 2. Order: points with their explanation, the tier re-evaluated, the journey ends on the order.
    sent.add(post(order("e2e-ord-1", alice, "o-e2e-1", "2500.00",
        "{\"sku\":\"b-1\",\"category\":\"books\",\"amount\":\"1000.00\",\"quantity\":1},"
            + "{\"sku\":\"e-1\",\"category\":\"electronics\",\"amount\":\"1500.00\",\"quantity\":1}")));
    JsonNode afterOrder = await().atMost(PATIENCE).until(() -> customer(alice),
        c -> c.path("points").path("ledger").size() == 1
            && journeyStatus(c).equals("COMPLETED"));
    JsonNode entry = afterOrder.path("points").path("ledger").get(0);
    assertThat(entry.path("points").asLong()).isEqualTo(3100);
    assertThat(entry.path("explanation").asText()).isEqualTo("+3100: base 2500, books +500, first order +100");
    assertThat(entry.path("ruleSet").asText()).isEqualTo("points");
    assertThat(entry.path("ruleSetVersion").asText()).isEqualTo("1");
    assertThat(afterOrder.path("points").path("balance").asLong()).isEqualTo(3100);
    assertThat(afterOrder.path("profile").path("tier").asText()).isEqualTo("SILVER");
    JsonNode tierChange = afterOrder.path("tierHistory").get(0);
    assertThat(tierChange.path("fromTier").asText()).isEqualTo("BASIC");
    assertThat(tierChange.path("toTier").asText()).isEqualTo("SILVER");
    assertThat(tierChange.path("reason").asText()).contains("2,500.00");
    assertThat(steps(afterOrder)).contains("CustomerRegistered", "SendWelcome", "FirstOrderPlaced",
        "RecordFirstOrderConversion", "Converted", "onboarding").doesNotContain("NoOrderIn3Days");

    // A later order earns at the new tier.
    sent.add(post(order("e2e-ord-2", alice, "o-e2e-2", "100.00", "")));
    JsonNode afterSecond = await().atMost(PATIENCE).until(() -> customer(alice),
        c -> c.path("points").path("ledger").size() == 2);
    assertThat(afterSecond.path("points").path("ledger").get(0).path("explanation").asText())
        .isEqualTo("+120: base 100, SILVER x1.2 +20");

    // 3. A customer who does not order gets the SMS reminder once the engine clock passes 3 days.
    String bob = "e2e-bob";
    sent.add(post(registration("e2e-reg-2", bob, "Bob Lee", "bob@example.com", "+14155550002")));
    awaitEmailTo("bob@example.com");
    await().atMost(PATIENCE).until(() -> steps(customer(bob)).contains("SendWelcome"));
    zeebe.engine().waitForIdleState(PATIENCE);
    assertThat(smsTo("+14155550002")).isEmpty();

    zeebe.increaseTime(Duration.ofDays(3));
    await().atMost(PATIENCE).until(() -> smsTo("+14155550002").size() == 1);
    JsonNode reminded = await().atMost(PATIENCE).until(() -> customer(bob),
        c -> steps(c).contains("SendFirstOrderReminder") && c.path("coupons").size() == 1);
    JsonNode coupon = reminded.path("coupons").get(0);
    assertThat(coupon.path("campaign").asText()).isEqualTo("first-order");
    assertThat(coupon.path("value").decimalValue()).isEqualByComparingTo("20");
    assertThat(coupon.path("status").asText()).isEqualTo("ISSUED");
    // The reminder carries the code the coupon step issued just before it.
    String code = coupon.path("code").asText();
    assertThat(code).isNotBlank();
    assertThat(smsTo("+14155550002").getFirst().path("text").asText()).contains(code).contains("20");
    assertThat(journeyStatus(reminded)).isEqualTo("ACTIVE");

    // Seven more days without an order: tagged for nurture, and the journey ends.
    zeebe.engine().waitForIdleState(PATIENCE);
    zeebe.increaseTime(Duration.ofDays(7));
    JsonNode bobView = await().atMost(PATIENCE).until(() -> customer(bob), c -> journeyStatus(c).equals("COMPLETED"));
    assertThat(steps(bobView)).contains("NoOrderIn3Days", "IssueFirstOrderCoupon", "SendFirstOrderReminder",
        "NoOrderIn7MoreDays", "TagNurture", "Nurtured");
    assertThat(StreamSupport.stream(bobView.path("tags").spliterator(), false).map(t -> t.path("tag").asText()).toList())
        .contains("nurture");
    assertThat(messageStatuses(bobView)).containsExactlyInAnyOrder("EMAIL:SENT", "SMS:SENT");
    assertThat(messageStatuses(customer(alice))).containsExactly("EMAIL:SENT");

    // 4. Replaying every event is accepted as duplicates and changes nothing.
    int emails = SMTP.getReceivedMessages().length;
    String aliceBefore = customer(alice).toString();
    String bobBefore = customer(bob).toString();
    for (String body : sent) {
      Api.Response replay = api.postEvents(body);
      assertThat(replay.status()).isEqualTo(200);
      assertThat(replay.json().path("status").asText()).isEqualTo("duplicate");
    }
    zeebe.engine().waitForIdleState(PATIENCE);
    Thread.sleep(1000); // give any wrongly queued work the chance to show itself
    assertThat(customer(alice).toString()).isEqualTo(aliceBefore);
    assertThat(customer(bob).toString()).isEqualTo(bobBefore);
    assertThat(SMTP.getReceivedMessages()).hasSize(emails);
    assertThat(smsTo("+14155550002")).hasSize(1);
  }

  private String post(String body) {
    Api.Response response = api.postEvents(body);
    assertThat(response.status()).as(response.body()).isEqualTo(202);
    return body;
  }

  private JsonNode customer(String id) {
    Api.Response response = api.getAs("admin", "/api/customers/" + id);
    return response.status() == 200 ? response.json() : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private MimeMessage awaitEmailTo(String address) {
    return await().atMost(PATIENCE).until(() -> java.util.Arrays.stream(SMTP.getReceivedMessages())
        .filter(m -> recipient(m).equals(address)).findFirst().orElse(null), java.util.Objects::nonNull);
  }

  private static String recipient(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<JsonNode> smsTo(String phone) {
    Api.Response response = api.getAs("admin", "/api/sinks/sms");
    return StreamSupport.stream(response.json().spliterator(), false)
        .filter(sms -> sms.path("recipient").asText().equals(phone)).toList();
  }

  private static String journeyStatus(JsonNode customer) {
    JsonNode journeys = customer.path("journeys");
    return journeys.isEmpty() ? "" : journeys.get(0).path("status").asText();
  }

  private static List<String> steps(JsonNode customer) {
    JsonNode journeys = customer.path("journeys");
    if (journeys.isEmpty()) {
      return List.of();
    }
    return StreamSupport.stream(journeys.get(0).path("steps").spliterator(), false)
        .map(step -> step.path("elementId").asText()).toList();
  }

  private static List<String> messageStatuses(JsonNode customer) {
    return StreamSupport.stream(customer.path("messages").spliterator(), false)
        .map(m -> m.path("channel").asText() + ":" + m.path("status").asText()).toList();
  }

  static String registration(String eventId, String customerId, String name, String email, String phone) {
    return """
        {"eventId":"%s","customerId":"%s","type":"customer.registered","occurredAt":"2026-11-20T10:00:00+08:00",
         "data":{"name":"%s","email":"%s","phone":"%s","birthday":"1990-05-17","timeZone":"Asia/Shanghai",
                 "locale":"zh-CN","preferredChannel":"email","consents":{"email":true,"sms":true}}}
        """.formatted(eventId, customerId, name, email, phone);
  }

  static String order(String eventId, String customerId, String orderId, String amount, String lines) {
    return """
        {"eventId":"%s","customerId":"%s","type":"order.placed","occurredAt":"2026-11-21T10:00:00+08:00",
         "data":{"orderId":"%s","amount":"%s","currency":"CNY","channel":"web","lines":[%s]}}
        """.formatted(eventId, customerId, orderId, amount, lines);
  }
}
