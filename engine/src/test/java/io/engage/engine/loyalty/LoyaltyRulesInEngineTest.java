package io.engage.engine.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Referral, activity points and manual tier overrides, through the API on MariaDB. */
class LoyaltyRulesInEngineTest extends EngineTest {

  @LocalServerPort int port;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  @Test
  void aRefereesFirstPaidOrderRewardsBothSides() {
    register("ref-a", "REFALICE", null, "+8613900000001");
    await().until(() -> customer("ref-a").path("profile").path("referralCode").asText().equals("REFALICE"));
    register("ref-b", null, "REFALICE", "+8613900000002");
    order("ref-b", "ref-b-o1", "50.00");
    JsonNode referee = awaitCustomer("ref-b", c -> !c.path("referral").isMissingNode());
    assertThat(referee.path("referral").path("status").asText()).isEqualTo("GRANTED");
    assertThat(referee.path("referral").path("referrerId").asText()).isEqualTo("ref-a");
    assertThat(points("ref-a").path("balance").asLong()).isEqualTo(500);
    assertThat(points("ref-b").path("entries").findValuesAsText("explanation")).contains("+200: referred by ref-a");
  }

  @Test
  void aReferralSharingThePhoneIsRefusedWithTheReason() {
    register("ref-c", "REFCAROL", null, "+8613900000003");
    await().until(() -> customer("ref-c").path("profile").path("referralCode").asText().equals("REFCAROL"));
    register("ref-d", null, "REFCAROL", "+8613900000003");
    order("ref-d", "ref-d-o1", "50.00");
    JsonNode referee = awaitCustomer("ref-d", c -> !c.path("referral").isMissingNode());
    assertThat(referee.path("referral").path("status").asText()).isEqualTo("REFUSED");
    assertThat(referee.path("referral").path("reason").asText()).contains("fingerprint");
    assertThat(points("ref-c").path("balance").asLong()).isZero();
  }

  @Test
  void reviewsEarnPointsUpToTheirDailyCap() {
    for (int i = 1; i <= 6; i++) {
      assertThat(api.postEvents("""
          {"eventId":"rev-%d","customerId":"act-1","type":"review.posted","occurredAt":"2026-11-20T10:00:00Z",
           "data":{"reviewId":"r-%d","rating":5}}""".formatted(i, i)).status()).isEqualTo(202);
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> points("act-1").path("entries").size() == 6);
    assertThat(points("act-1").path("balance").asLong()).isEqualTo(100); // 20 each, capped at 100 a day
  }

  @Test
  void aManualOverrideIsExplicitAndVisible() {
    order("ovr-1", "ovr-1-o1", "10.00");
    awaitCustomer("ovr-1", c -> c.path("orders").size() == 1);
    Api.Response set = send("business", "PUT", "/api/customers/ovr-1/tier-override",
        "{\"tier\":\"GOLD\",\"until\":\"" + LocalDate.now().plusDays(30) + "\",\"reason\":\"VIP complaint goodwill\"}");
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    JsonNode view = customer("ovr-1");
    assertThat(view.path("profile").path("tier").asText()).isEqualTo("GOLD");
    assertThat(view.path("tierOverride").path("reason").asText()).isEqualTo("VIP complaint goodwill");
    assertThat(view.path("tierHistory").get(0).path("reason").asText()).contains("manual override to GOLD");
    assertThat(send("marketer", "PUT", "/api/customers/ovr-1/tier-override",
        "{\"tier\":\"PLUS\",\"until\":\"2099-01-01\",\"reason\":\"x\"}").status()).isEqualTo(403);
    assertThat(send("business", "PUT", "/api/customers/ovr-1/tier-override",
        "{\"tier\":\"DIAMOND\",\"until\":\"2099-01-01\",\"reason\":\"x\"}").status()).isEqualTo(400);

    assertThat(send("business", "DELETE", "/api/customers/ovr-1/tier-override", null).status()).isEqualTo(204);
    JsonNode after = customer("ovr-1");
    assertThat(after.path("tierOverride").isMissingNode()).isTrue();
    assertThat(after.path("profile").path("tier").asText())
        .as("the rules decide again; the override date counts as the last upgrade, so the grace period holds GOLD")
        .isEqualTo("GOLD");
    assertThat(after.path("tierHistory").size()).isEqualTo(1);
  }

  private void register(String id, String code, String referredBy, String phone) {
    String data = "{\"name\":\"R\",\"phone\":\"" + phone + "\""
        + (code == null ? "" : ",\"referralCode\":\"" + code + "\"")
        + (referredBy == null ? "" : ",\"referredBy\":\"" + referredBy + "\"") + "}";
    assertThat(api.postEvents("""
        {"eventId":"reg-%s","customerId":"%s","type":"customer.registered","occurredAt":"2026-11-20T10:00:00Z","data":%s}"""
        .formatted(id, id, data)).status()).isEqualTo(202);
  }

  private void order(String customerId, String orderId, String amount) {
    assertThat(api.postEvents("""
        {"eventId":"ev-%s","customerId":"%s","type":"order.placed","occurredAt":"2026-11-21T10:00:00Z",
         "data":{"orderId":"%s","amount":"%s"}}""".formatted(orderId, customerId, orderId, amount)).status()).isEqualTo(202);
  }

  private JsonNode customer(String id) {
    Api.Response response = api.getAs("admin", "/api/customers/" + id);
    return response.status() == 200 ? response.json() : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private JsonNode awaitCustomer(String id, Predicate<JsonNode> condition) {
    return await().atMost(Duration.ofSeconds(20)).until(() -> customer(id), c -> !c.isMissingNode() && condition.test(c));
  }

  private JsonNode points(String id) {
    return api.getAs("admin", "/api/customers/" + id + "/points").json();
  }

  private Api.Response send(String user, String method, String path, String body) {
    return api.send(api.request(path)
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
  }
}
