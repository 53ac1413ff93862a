package io.engage.engine.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * lifecycle.changed to at-risk reaches Zeebe as the message lifecycle.at-risk and starts win-back:
 * a coupon and an email; an order exits at once and records a win-back conversion.
 */
class WinBackEndToEndTest extends EngineTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @LocalServerPort int port;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  @Test
  void anAtRiskCustomerGetsTheOfferAndAnOrderWinsThemBack() {
    String customer = "wb-e2e-1";
    post("""
        {"eventId":"wb-reg","customerId":"%1$s","type":"customer.registered","occurredAt":"2026-01-20T10:00:00+08:00",
         "data":{"email":"%1$s@example.com","timeZone":"Asia/Shanghai","preferredChannel":"email","consents":{"email":true}}}
        """.formatted(customer));
    await().atMost(PATIENCE).until(() -> api.getAs("admin", "/api/customers/" + customer).status() == 200);
    Api.Response active = api.putJsonAs("marketer", "/api/customers/" + customer + "/lifecycle", "{\"stage\":\"active\"}");
    assertThat(active.status()).as(active.body()).isEqualTo(200);
    Api.Response atRisk = api.putJsonAs("marketer", "/api/customers/" + customer + "/lifecycle",
        "{\"stage\":\"at-risk\",\"reason\":\"no order for 90 days\"}");
    assertThat(atRisk.status()).as(atRisk.body()).isEqualTo(200);

    await().atMost(PATIENCE).until(() -> steps(customer).contains("SendWinBackEmail"));
    JsonNode coupons = api.getAs("admin", "/api/customers/" + customer + "/coupons").json();
    assertThat(coupons).hasSize(1);
    assertThat(coupons.get(0).path("campaign").asText()).isEqualTo("win-back");
    assertThat(coupons.get(0).path("value").decimalValue()).isEqualByComparingTo("30");

    post("""
        {"eventId":"wb-order","customerId":"%s","type":"order.placed","occurredAt":"2026-11-21T10:00:00+08:00",
         "data":{"orderId":"wb-o-1","amount":"260.00"}}
        """.formatted(customer));
    await().atMost(PATIENCE).until(() -> status(customer).equals("COMPLETED"));
    assertThat(steps(customer)).contains("OrderPlaced", "RecordWinBackConversion", "WonBack")
        .doesNotContain("IssueLargerWinBackCoupon");
    JsonNode report = api.getAs("marketer", "/api/journeys/win-back/experiments").json();
    assertThat(report.path("conversionsByGoal").path("win-back").asInt()).isGreaterThanOrEqualTo(1);
  }

  private JsonNode winBack(String customer) {
    JsonNode instances = api.getAs("admin", "/api/customers/" + customer + "/journeys").json().path("instances");
    return StreamSupport.stream(instances.spliterator(), false).filter(i -> i.path("journey").asText().equals("win-back"))
        .findFirst().orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
  }

  private List<String> steps(String customer) {
    return StreamSupport.stream(winBack(customer).path("steps").spliterator(), false)
        .map(s -> s.path("elementId").asText()).toList();
  }

  private String status(String customer) {
    return winBack(customer).path("status").asText();
  }

  private void post(String body) {
    Api.Response response = api.postEvents(body);
    assertThat(response.status()).as(response.body()).isEqualTo(202);
  }
}
