package io.engage.engine.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.engage.engine.Api;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Customers and API calls for the messaging tests, through the public API only. */
final class MessagingFixtures {

  static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Api api;

  MessagingFixtures(Api api) {
    this.api = api;
  }

  /** A customer registered through the events API; consents as given (e.g. email=true). */
  record NewCustomer(String id, String name, String email, String phone, String timeZone, String locale,
      String preferredChannel, Map<String, Boolean> consents) {

    static NewCustomer named(String prefix) {
      String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
      return new NewCustomer(id, "测试" + id, id + "@example.com", "+86138" + digits(id), "Asia/Shanghai", "zh-CN",
          "email", Map.of("email", true, "sms", true, "push", true, "wechat", true));
    }

    NewCustomer zone(String zone) {
      return new NewCustomer(id, name, email, phone, zone, locale, preferredChannel, consents);
    }

    NewCustomer locale(String value) {
      return new NewCustomer(id, name, email, phone, timeZone, value, preferredChannel, consents);
    }

    NewCustomer preferring(String channel) {
      return new NewCustomer(id, name, email, phone, timeZone, locale, channel, consents);
    }

    NewCustomer consents(Map<String, Boolean> value) {
      return new NewCustomer(id, name, email, phone, timeZone, locale, preferredChannel, value);
    }

    NewCustomer withoutEmail() {
      return new NewCustomer(id, name, null, phone, timeZone, locale, preferredChannel, consents);
    }

    private static String digits(String id) {
      return String.format("%08d", Math.abs(id.hashCode()) % 100_000_000);
    }
  }

  NewCustomer register(NewCustomer customer) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("name", customer.name());
    if (customer.email() != null) {
      data.put("email", customer.email());
    }
    data.put("phone", customer.phone());
    data.put("timeZone", customer.timeZone());
    data.put("locale", customer.locale());
    data.put("preferredChannel", customer.preferredChannel());
    data.put("consents", customer.consents());
    Map<String, Object> event = Map.of("eventId", "reg-" + customer.id(), "customerId", customer.id(),
        "type", "customer.registered", "occurredAt", "2026-11-20T10:00:00+08:00", "data", data);
    Api.Response response = api.postEvents(write(event));
    assertThat(response.status()).as(response.body()).isEqualTo(202);
    await().atMost(PATIENCE).until(() -> api.getAs("admin", "/api/customers/" + customer.id()).status() == 200);
    return customer;
  }

  Api.Response call(String user, String method, String path, Object body) {
    HttpRequest.Builder request = api.request(path).header("Authorization", basic(user))
        .header("Content-Type", "application/json");
    HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : write(body), StandardCharsets.UTF_8);
    return api.send(request.method(method, publisher));
  }

  Api.Response asIntegration(String method, String path, Object body) {
    HttpRequest.Builder request = api.request(path).header("X-API-Key", Api.DEMO_API_KEY)
        .header("Content-Type", "application/json");
    return api.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8)));
  }

  /** Sends through POST /api/messages as the integration key and waits until the message settles. */
  JsonNode sendAndSettle(Map<String, Object> body) {
    Api.Response response = asIntegration("POST", "/api/messages", body);
    assertThat(response.status()).as(response.body()).isIn(200, 202);
    long id = response.json().path("id").asLong();
    return await().atMost(PATIENCE).until(() -> message(id), m -> !m.path("status").asText().equals("QUEUED"));
  }

  JsonNode message(long id) {
    return api.getAs("admin", "/api/messages/" + id).json().path("message");
  }

  JsonNode messageView(long id) {
    return api.getAs("admin", "/api/messages/" + id).json();
  }

  JsonNode customer(String id) {
    return api.getAs("admin", "/api/customers/" + id).json();
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + Api.DEMO_PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
  }
}
