package io.engage.engine.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The delivery policy through the integrators' API: consent per channel, the frequency cap across
 * channels, the preferred channel with fallback, transactional messages bypassing marketing rules,
 * and exactly one message per idempotency key.
 */
class DeliveryPolicyTest extends EngineTest {

  @LocalServerPort int port;
  MessagingFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new MessagingFixtures(new Api(port));
  }

  @Test
  void marketingNeedsConsentOnTheChannelButTransactionalDoesNot() {
    MessagingFixtures.NewCustomer customer = fixtures.register(MessagingFixtures.NewCustomer.named("consent")
        .consents(Map.of("email", false, "sms", false)));
    JsonNode welcome = awaitJourneyMessage(customer.id(), "welcome");
    assertThat(welcome.path("status").asText()).isEqualTo("SUPPRESSED");
    assertThat(welcome.path("reason").asText()).isEqualTo("no consent for email");

    JsonNode marketing = fixtures.sendAndSettle(send(customer.id(), "consent-m", "email", "marketing"));
    assertThat(marketing.path("status").asText()).isEqualTo("SUPPRESSED");
    assertThat(marketing.path("reason").asText()).isEqualTo("no consent for email");

    JsonNode transactional = fixtures.sendAndSettle(send(customer.id(), "consent-t", "email", "transactional"));
    assertThat(transactional.path("status").asText()).isEqualTo("SENT");
    assertThat(emailsTo(customer.email())).isEqualTo(1);
  }

  @Test
  void capsMarketingAtThreePerSevenDaysAcrossChannelsWhileTransactionalStillGoes() {
    MessagingFixtures.NewCustomer customer = fixtures.register(MessagingFixtures.NewCustomer.named("cap"));
    assertThat(awaitJourneyMessage(customer.id(), "welcome").path("status").asText()).isEqualTo("SENT");

    assertThat(fixtures.sendAndSettle(send(customer.id(), "cap-2", "sms", "marketing")).path("status").asText())
        .isEqualTo("SENT");
    assertThat(fixtures.sendAndSettle(send(customer.id(), "cap-3", "email", "marketing")).path("status").asText())
        .isEqualTo("SENT");
    JsonNode fourth = fixtures.sendAndSettle(send(customer.id(), "cap-4", "sms", "marketing"));
    assertThat(fourth.path("status").asText()).isEqualTo("SUPPRESSED");
    assertThat(fourth.path("reason").asText()).startsWith("capped: 3 marketing messages in the last 7 days");
    assertThat(fixtures.sendAndSettle(send(customer.id(), "cap-t", "sms", "transactional")).path("status").asText())
        .isEqualTo("SENT");
  }

  @Test
  void preferredChannelFallsBackToAChannelTheCustomerAgreedTo() {
    MessagingFixtures.NewCustomer customer = fixtures.register(MessagingFixtures.NewCustomer.named("pref")
        .preferring("sms").consents(Map.of("email", true, "sms", false)));
    JsonNode message = fixtures.sendAndSettle(send(customer.id(), "pref-1", "preferred", "marketing"));
    assertThat(message.path("status").asText()).isEqualTo("SENT");
    assertThat(message.path("channel").asText()).isEqualTo("EMAIL");
    assertThat(message.path("requestedChannel").asText()).isEqualTo("preferred");

    MessagingFixtures.NewCustomer unreachable = fixtures.register(MessagingFixtures.NewCustomer.named("pref-none")
        .preferring("sms").consents(Map.of("email", false, "sms", false)));
    JsonNode suppressed = fixtures.sendAndSettle(send(unreachable.id(), "pref-2", "preferred", "marketing"));
    assertThat(suppressed.path("status").asText()).isEqualTo("SUPPRESSED");
    assertThat(suppressed.path("reason").asText()).isEqualTo("no consent for sms");
  }

  @Test
  void aRepeatedRequestSendsNothingTwiceAndAReusedKeyIsRefused() {
    MessagingFixtures.NewCustomer customer = fixtures.register(MessagingFixtures.NewCustomer.named("repeat")
        .consents(Map.of("email", false)));
    Map<String, Object> body = send(customer.id(), "repeat-1", "email", "transactional");
    JsonNode first = fixtures.sendAndSettle(body);
    Api.Response again = fixtures.asIntegration("POST", "/api/messages", body);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("id").asLong()).isEqualTo(first.path("id").asLong());
    assertThat(again.json().path("status").asText()).isEqualTo("SENT");
    assertThat(emailsTo(customer.email())).isEqualTo(1);

    Map<String, Object> other = send(customer.id(), "repeat-1", "sms", "transactional");
    Api.Response conflict = fixtures.asIntegration("POST", "/api/messages", other);
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.json().path("errors").get(0).path("field").asText()).isEqualTo("idempotencyKey");
  }

  @Test
  void badRequestsNameTheFieldAtFault() {
    Api.Response invalid = fixtures.asIntegration("POST", "/api/messages",
        Map.of("customerId", "x", "template", "welcome", "channel", "fax", "category", "spam"));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("idempotencyKey", "channel", "category");
    Api.Response unknown = fixtures.asIntegration("POST", "/api/messages", send("no-such-customer", "k", "email",
        "transactional"));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.json().path("errors").get(0).path("field").asText()).isEqualTo("customerId");
    assertThat(fixtures.call("business", "POST", "/api/messages", send("x", "k", "email", "transactional")).status())
        .isEqualTo(403);
  }

  static Map<String, Object> send(String customerId, String key, String channel, String category) {
    return Map.of("idempotencyKey", key + "-" + customerId, "customerId", customerId, "channel", channel,
        "template", "win-back-offer", "category", category, "vars", Map.of("couponCode", "C-" + key, "couponValue", 10));
  }

  JsonNode awaitJourneyMessage(String customerId, String template) {
    return await().atMost(MessagingFixtures.PATIENCE).until(() -> messages(customerId).stream()
            .filter(m -> m.path("template").asText().equals(template) && !m.path("status").asText().equals("QUEUED"))
            .findFirst().orElse(null), java.util.Objects::nonNull);
  }

  List<JsonNode> messages(String customerId) {
    return StreamSupport.stream(fixtures.customer(customerId).path("messages").spliterator(), false).toList();
  }

  static long emailsTo(String address) {
    return java.util.Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
      try {
        return m.getAllRecipients()[0].toString().equals(address);
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).count();
  }
}
