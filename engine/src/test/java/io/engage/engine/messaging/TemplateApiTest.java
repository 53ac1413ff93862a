package io.engage.engine.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Templates in the database: shipped ones seeded, CRUD through the API, Liquid errors with their line, preview. */
class TemplateApiTest extends EngineTest {

  @LocalServerPort int port;
  MessagingFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new MessagingFixtures(new Api(port));
  }

  @Test
  void shipsEveryJourneyTemplateInChineseAndEnglish() {
    Api.Response list = fixtures.call("marketer", "GET", "/api/templates", null);
    assertThat(list.status()).isEqualTo(200);
    List<String> keys = StreamSupport.stream(list.json().spliterator(), false).map(t -> t.path("key").asText()).toList();
    assertThat(keys).contains("welcome", "first-order-reminder", "birthday-greeting", "win-back-offer",
        "win-back-last-chance", "holiday-greeting", "csat-survey", "complaint-escalated", "complaint-reopened");
    for (JsonNode template : list.json()) {
      assertThat(template.path("locales").toString()).as(template.path("key").asText()).contains("zh-CN", "en");
      assertThat(template.path("fallbackLocale").asText()).isEqualTo("zh-CN");
    }
  }

  @Test
  void createsUpdatesAndDeletesATemplateWithVersions() {
    String key = "test-crud-" + System.nanoTime();
    Map<String, Object> body = Map.of("key", key, "description", "a test",
        "variants", List.of(Map.of("locale", "zh-CN", "subject", "你好 {{ customer.name }}", "text", "正文"),
            Map.of("locale", "en", "text", "Hello {{ customer.name }}")));
    Api.Response created = fixtures.call("marketer", "POST", "/api/templates", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().path("version").asInt()).isEqualTo(1);
    assertThat(created.json().path("updatedBy").asText()).isEqualTo("marketer");
    assertThat(fixtures.call("marketer", "POST", "/api/templates", body).status()).isEqualTo(409);

    Map<String, Object> change = Map.of("version", 1, "variants",
        List.of(Map.of("locale", "zh-CN", "text", "新正文"), Map.of("locale", "zh-CN", "channel", "sms", "text", "短信")));
    Api.Response updated = fixtures.call("admin", "PUT", "/api/templates/" + key, change);
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(updated.json().path("version").asInt()).isEqualTo(2);
    assertThat(updated.json().path("variants")).hasSize(2);
    Api.Response stale = fixtures.call("admin", "PUT", "/api/templates/" + key, change);
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.json().path("errors").get(0).path("field").asText()).isEqualTo("version");

    assertThat(fixtures.call("business", "GET", "/api/templates/" + key, null).status()).isEqualTo(403);
    assertThat(fixtures.call("marketer", "DELETE", "/api/templates/" + key, null).status()).isEqualTo(204);
    assertThat(fixtures.call("marketer", "GET", "/api/templates/" + key, null).status()).isEqualTo(404);
  }

  @Test
  void refusesASyntaxErrorNamingTheVariantPartLineAndColumn() {
    Map<String, Object> body = Map.of("key", "test-broken-" + System.nanoTime(), "variants", List.of(
        Map.of("locale", "zh-CN", "text", "ok"),
        Map.of("locale", "en", "text", "fine", "html", "<p>line one</p>\n<p>{% if customer.name %}unclosed</p>")));
    Api.Response refused = fixtures.call("marketer", "POST", "/api/templates", body);
    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    assertThat(refused.contentType()).contains("application/problem+json");
    JsonNode error = refused.json().path("errors").get(0);
    assertThat(error.path("field").asText()).isEqualTo("variants[1].html");
    assertThat(error.path("line").asInt()).isEqualTo(2);
    assertThat(error.path("column").asInt()).isPositive();
  }

  @Test
  void refusesAnUnknownFilterAndAMissingFallbackVariant() {
    Api.Response unknownFilter = fixtures.call("marketer", "POST", "/api/templates", Map.of("key", "test-f-" + System.nanoTime(),
        "variants", List.of(Map.of("locale", "zh-CN", "text", "{{ customer.name | shout }}"))));
    assertThat(unknownFilter.status()).isEqualTo(422);
    assertThat(unknownFilter.json().path("errors").get(0).path("reason").asText()).contains("shout");

    Api.Response noFallback = fixtures.call("marketer", "POST", "/api/templates", Map.of("key", "test-nf-" + System.nanoTime(),
        "variants", List.of(Map.of("locale", "en", "text", "only English"))));
    assertThat(noFallback.status()).isEqualTo(422);
    assertThat(noFallback.json().path("errors").get(0).path("reason").asText()).contains("fallback locale zh-CN");
  }

  @Test
  void previewsForARealCustomerInTheirLocaleWithoutSending() {
    MessagingFixtures.NewCustomer customer = fixtures.register(MessagingFixtures.NewCustomer.named("preview")
        .locale("en").preferring("sms"));
    Api.Response preview = fixtures.call("marketer", "POST", "/api/templates/win-back-offer/preview",
        Map.of("customerId", customer.id(), "channel", "email", "vars", Map.of("couponCode", "WB-123", "couponValue", 20,
            "couponExpiresAt", "2026-12-15T15:59:59Z")));
    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    assertThat(preview.json().path("locale").asText()).isEqualTo("en");
    assertThat(preview.json().path("subject").asText()).isEqualTo("20 yuan off, just for you");
    assertThat(preview.json().path("text").asText()).contains(customer.name()).contains("WB-123")
        .contains("valid until 2026-12-15");
    assertThat(preview.json().path("html").asText()).contains("<code>WB-123</code>");

    Api.Response chinese = fixtures.call("marketer", "POST", "/api/templates/welcome/preview",
        Map.of("customerId", customer.id(), "locale", "zh-CN"));
    assertThat(chinese.json().path("channel").asText()).isEqualTo("sms");
    assertThat(chinese.json().path("text").asText()).startsWith("【Engage】").contains("退订回T");
    // Registering started onboarding (its welcome); the previews themselves recorded nothing.
    assertThat(fixtures.customer(customer.id()).path("messages").findValuesAsText("template"))
        .doesNotContain("win-back-offer");

    assertThat(fixtures.call("marketer", "POST", "/api/templates/welcome/preview", Map.of("customerId", "nobody"))
        .status()).isEqualTo(404);
  }
}
