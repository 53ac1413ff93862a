package io.engage.engine.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Personal data in responses: in clear for the roles that talk to customers, masked for the rest, every clear read audited. */
class PersonalDataMaskingTest extends EngineTest {

  private static final String ID = "mask-1";
  private static final String EMAIL = "mask.person@example.com";
  private static final String PHONE = "+8613800005555";

  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;
  private Api api;

  @BeforeEach
  void customer() {
    api = new Api(port);
    if (api.getAs("admin", "/api/customers/" + ID).status() == 200) {
      return;
    }
    assertThat(api.postEvents("""
        {"eventId":"mask-reg","customerId":"%s","type":"customer.registered","occurredAt":"%s",
         "data":{"name":"Mask Person","email":"%s","phone":"%s","address":"9 Hidden Road","birthday":"1988-04-12","consents":{"email":true}}}"""
        .formatted(ID, Instant.now(), EMAIL, PHONE)).status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(30)).until(() -> api.getAs("admin", "/api/customers/" + ID).status() == 200);
    Api.Response sent = api.send(api.request("/api/messages").header("X-API-Key", Api.DEMO_API_KEY)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
            {"idempotencyKey":"mask-1","customerId":"mask-1","channel":"email","template":"win-back-offer",
             "category":"transactional","vars":{"couponCode":"MASK","couponValue":10}}""")));
    assertThat(sent.status()).as(sent.body()).isEqualTo(202);
    long id = sent.json().path("id").asLong();
    await().atMost(Duration.ofSeconds(30)).until(() -> api.getAs("admin", "/api/messages/" + id).json()
        .path("message").path("recipient").isTextual());
  }

  @ParameterizedTest
  @ValueSource(strings = {"admin", "service", "agent"})
  void rolesThatTalkToCustomersSeeItInClear(String user) {
    JsonNode profile = api.getAs(user, "/api/customers/" + ID).json().path("profile");
    assertThat(profile.path("email").asText()).isEqualTo(EMAIL);
    assertThat(profile.path("phone").asText()).isEqualTo(PHONE);
    assertThat(profile.path("name").asText()).isEqualTo("Mask Person");
    assertThat(profile.path("address").asText()).isEqualTo("9 Hidden Road");
    assertThat(profile.path("birthday").asText()).isEqualTo("1988-04-12");
    assertThat(api.getAs(user, "/api/customers?q=" + EMAIL).json().findValuesAsText("email")).containsExactly(EMAIL);
  }

  @ParameterizedTest
  @ValueSource(strings = {"marketer", "business", "viewer"})
  void otherRolesGetItMasked(String user) {
    Api.Response response = api.getAs(user, "/api/customers/" + ID);
    assertThat(response.status()).isEqualTo(200);
    JsonNode profile = response.json().path("profile");
    assertThat(profile.path("email").asText()).isEqualTo("m***@example.com");
    assertThat(profile.path("phone").asText()).isEqualTo("***5555");
    assertThat(profile.path("name").asText()).isEqualTo("M***");
    assertThat(profile.path("address").asText()).isEqualTo("***");
    assertThat(profile.path("birthday").asText()).as("the year hidden, the day kept").isEqualTo("****-04-12");
    assertThat(response.body()).doesNotContain(EMAIL, PHONE, "Mask Person", "Hidden Road", "1988");
    Api.Response search = api.getAs(user, "/api/customers?q=" + EMAIL);
    assertThat(search.json().findValuesAsText("id")).containsExactly(ID);
    assertThat(search.body()).doesNotContain(EMAIL, "Mask Person");
    long message = jdbc.queryForObject("SELECT MIN(id) FROM message WHERE customer_id = ?", Long.class, ID);
    Api.Response messageView = api.getAs(user, "/api/messages/" + message);
    assertThat(messageView.status()).isEqualTo(200);
    assertThat(messageView.json().path("message").path("recipient").asText()).isEqualTo("***");
  }

  @Test
  void complaintTextsAreMaskedForAViewerAndClearForAnAgent() {
    assertThat(api.postEvents("""
        {"eventId":"mask-cmp","customerId":"%s","type":"complaint.opened","occurredAt":"%s",
         "data":{"complaintId":"MASK-CMP","severity":"low","channel":"APP","description":"ring me on %s"}}"""
        .formatted(ID, Instant.now(), PHONE)).status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(30)).until(() -> api.getAs("agent", "/api/complaints/MASK-CMP").status() == 200);
    assertThat(api.getAs("agent", "/api/complaints/MASK-CMP").body()).contains("ring me on " + PHONE);
    Api.Response viewer = api.getAs("viewer", "/api/complaints/MASK-CMP");
    assertThat(viewer.status()).isEqualTo(200);
    assertThat(viewer.body()).doesNotContain(PHONE).contains("\"description\":\"***\"");
  }

  @Test
  void anIntegrationKeyGetsItMasked() {
    long message = jdbc.queryForObject("SELECT MIN(id) FROM message WHERE customer_id = ?", Long.class, ID);
    Api.Response response = api.send(api.request("/api/messages/" + message).header("X-API-Key", Api.DEMO_API_KEY).GET());
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).doesNotContain(EMAIL).contains("\"recipient\":\"***\"");
  }

  @Test
  void everyClearReadIsAuditedWithoutTheValues() {
    api.getAs("agent", "/api/customers/" + ID);
    api.getAs("marketer", "/api/customers/" + ID);
    JsonNode entries = api.getAs("admin", "/api/admin/audit?action=pii.read&targetId=" + ID).json().path("entries");
    List<String> actors = entries.findValuesAsText("actor");
    assertThat(actors).contains("agent").doesNotContain("marketer");
    JsonNode agentRead = entries.findParents("actor").stream().filter(e -> e.path("actor").asText().equals("agent"))
        .findFirst().orElseThrow();
    assertThat(agentRead.path("targetType").asText()).isEqualTo("customer");
    assertThat(agentRead.path("detail").path("fields").toString()).contains("Customer.email", "Customer.phone");
    assertThat(agentRead.toString()).doesNotContain(EMAIL, PHONE);
  }
}
