package io.engage.engine.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What comes back from sent messages through their signed links (unsubscribe, open pixel, click
 * redirect), the staff notifications other features use, and the push and WeChat addresses
 * integrators register.
 */
class LinksAndStaffTest extends EngineTest {

  private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+/t/[uoc]\\?t=[A-Za-z0-9_.\\-]+");

  @LocalServerPort int port;
  @Autowired StaffNotifications staff;
  @Autowired CamundaClient zeebe;
  MessagingFixtures fixtures;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    fixtures = new MessagingFixtures(api);
  }

  @Test
  void marketingMailCarriesOneClickUnsubscribeThatWithdrawsConsentAtOnce() throws Exception {
    MessagingFixtures.NewCustomer customer = fixtures.register(MessagingFixtures.NewCustomer.named("unsub").locale("en"));
    JsonNode sent = fixtures.sendAndSettle(DeliveryPolicyTest.send(customer.id(), "unsub-1", "email", "marketing"));
    assertThat(sent.path("status").asText()).isEqualTo("SENT");
    MimeMessage mail = JourneySendTest.emails(customer.email(), "yuan off").getFirst();
    String header = mail.getHeader("List-Unsubscribe", ",");
    assertThat(header).contains("<mailto:unsubscribe@engage.local?subject=unsubscribe%20").contains("/t/u?t=");
    assertThat(mail.getHeader("List-Unsubscribe-Post", ",")).isEqualTo("List-Unsubscribe=One-Click");
    String oneClick = local(header.substring(header.lastIndexOf('<') + 1, header.lastIndexOf('>')));

    Api.Response page = api.getAnonymous(oneClick);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("<form method=\"post\"");
    assertThat(consent(customer.id(), "EMAIL").path("granted").asBoolean()).isTrue(); // a GET changes nothing

    Api.Response forged = api.send(api.request(oneClick.replace("t=", "t=x")).POST(form()));
    assertThat(forged.status()).isEqualTo(404);
    Api.Response done = api.send(api.request(oneClick).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(form()));
    assertThat(done.status()).isEqualTo(200);
    JsonNode consent = consent(customer.id(), "EMAIL");
    assertThat(consent.path("granted").asBoolean()).isFalse();
    assertThat(consent.path("source").asText()).isEqualTo("unsubscribe:message-" + sent.path("id").asLong());
    assertThat(fixtures.messageView(sent.path("id").asLong()).path("events").findValuesAsText("type"))
        .contains("consent.withdrawn");

    JsonNode next = fixtures.sendAndSettle(DeliveryPolicyTest.send(customer.id(), "unsub-2", "email", "marketing"));
    assertThat(next.path("status").asText()).isEqualTo("SUPPRESSED");
    assertThat(next.path("reason").asText()).isEqualTo("unsubscribed from email");
    TestJourneys journeys = new TestJourneys(zeebe);
    TestJourneys.Journey journey = journeys.sendThenCapture(Map.of("channel", "email", "template", "holiday-greeting",
        "category", "marketing"));
    journeys.start(journey, Map.of("customerId", customer.id(), "holidayName", "Spring Festival"));
    assertThat(journeys.capture(journey)).containsEntry("lastMessageStatus", "SUPPRESSED")
        .containsEntry("lastMessageReason", "unsubscribed from email");
    assertThat(fixtures.sendAndSettle(DeliveryPolicyTest.send(customer.id(), "unsub-3", "email", "transactional"))
        .path("status").asText()).isEqualTo("SENT");
  }

  @Test
  void opensAndClicksAreRecordedAndClicksRedirectOnlyToTheSignedUrl() throws Exception {
    MessagingFixtures.NewCustomer customer = fixtures.register(MessagingFixtures.NewCustomer.named("track"));
    JsonNode sent = fixtures.sendAndSettle(DeliveryPolicyTest.send(customer.id(), "track-1", "email", "transactional"));
    MimeMessage mail = JourneySendTest.emails(customer.email(), "回归礼").getFirst();
    assertThat(mail.getHeader("List-Unsubscribe")).isNull(); // transactional mail has none
    String html = html(mail);
    String pixel = local(first(html, "/t/o?"));
    String click = local(first(html, "/t/c?"));

    Api.Response gif = api.getAnonymous(pixel);
    assertThat(gif.status()).isEqualTo(200);
    assertThat(gif.contentType()).isEqualTo("image/gif");
    var redirect = java.net.http.HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + click)).GET().build(),
        java.net.http.HttpResponse.BodyHandlers.discarding());
    assertThat(redirect.statusCode()).isEqualTo(302);
    assertThat(redirect.headers().firstValue("Location")).hasValue("https://shop.example.com");
    List<String> events = fixtures.messageView(sent.path("id").asLong()).path("events").findValuesAsText("type");
    assertThat(events).containsExactly("message.opened", "message.clicked");
    assertThat(fixtures.customer(customer.id()).path("messageEvents").findValuesAsText("type"))
        .containsExactly("message.clicked", "message.opened");

    String token = click.substring(click.indexOf("t=") + 2);
    String payload = new String(java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
        java.nio.charset.StandardCharsets.UTF_8).replace("https://shop.example.com", "https://evil.example");
    String tampered = "/t/c?t=" + java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + token.substring(token.indexOf('.'));
    Api.Response refused = api.getAnonymous(tampered);
    assertThat(refused.status()).isEqualTo(404);
    assertThat(fixtures.messageView(sent.path("id").asLong()).path("events")).hasSize(2);
  }

  @Test
  void staffNotificationsReachEveryoneWithTheRoleOnceAndNoCustomerPolicyApplies() {
    Map<String, Object> vars = Map.of("complaintId", "C-42", "level", 2, "severity", "HIGH", "customerId", "c-9");
    List<Message> first = staff.notify("SERVICE_MANAGER", "complaint-escalated", vars, "complaint:C-42:level:2");
    assertThat(first).singleElement().satisfies(m -> {
      assertThat(m.audience()).isEqualTo("STAFF");
      assertThat(m.staffRole()).isEqualTo("SERVICE_MANAGER");
      assertThat(m.category()).isEqualTo("transactional");
    });
    JsonNode sent = await().atMost(MessagingFixtures.PATIENCE)
        .until(() -> fixtures.message(first.getFirst().id()), m -> !m.path("status").asText().equals("QUEUED"));
    assertThat(sent.path("status").asText()).isEqualTo("SENT");
    List<MimeMessage> mails = JourneySendTest.emails("service@engage.local", "C-42");
    assertThat(mails).hasSize(1);
    assertThat(JourneySendTest.subject(mails.getFirst())).isEqualTo("【投诉升级】C-42 第 2 级");

    List<Message> again = staff.notify("SERVICE_MANAGER", "complaint-escalated", vars, "complaint:C-42:level:2");
    assertThat(again).extracting(Message::id).containsExactly(first.getFirst().id());
    assertThat(JourneySendTest.emails("service@engage.local", "C-42")).hasSize(1);
    assertThatThrownBy(() -> staff.notify("JANITOR", "complaint-escalated", vars, "k"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void integratorsRegisterDevicesAndWechatOpenidsThatPushAndWechatSendsUse() {
    MessagingFixtures.NewCustomer customer = fixtures.register(MessagingFixtures.NewCustomer.named("devices")
        .consents(Map.of("email", true)));
    String devices = "/api/customers/" + customer.id() + "/devices";
    Api.Response bad = fixtures.asIntegration("POST", devices, Map.of("platform", "BLACKBERRY", "token", "a b"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("platform", "token");
    Api.Response registered = fixtures.asIntegration("POST", devices,
        Map.of("platform", "fcm", "token", "fcm-token-0123456789abcdef", "pushConsent", true));
    assertThat(registered.status()).isEqualTo(201);
    assertThat(registered.json().path("token").asText()).isEqualTo("fcm-…cdef");
    assertThat(fixtures.call("marketer", "POST", devices, Map.of("platform", "FCM", "token", "x")).status())
        .isEqualTo(403);
    assertThat(fixtures.call("agent", "GET", devices, null).json().findValuesAsText("status")).containsExactly("ACTIVE");

    JsonNode push = fixtures.sendAndSettle(Map.of("idempotencyKey", "push-" + customer.id(), "customerId", customer.id(),
        "channel", "push", "template", "holiday-greeting", "category", "marketing", "vars", Map.of("holidayName", "元宵节")));
    assertThat(push.path("status").asText()).isEqualTo("SENT");
    assertThat(push.path("recipient").asText()).isEqualTo("device:" + registered.json().path("id").asLong());
    JsonNode inSink = StreamSupport.stream(fixtures.call("admin", "GET", "/api/sinks/push", null).json().spliterator(),
        false).filter(m -> m.path("recipient").asText().equals("fcm-token-0123456789abcdef")).findFirst().orElseThrow();
    assertThat(inSink.path("subject").asText()).contains("元宵节");

    JsonNode noOpenid = fixtures.sendAndSettle(Map.of("idempotencyKey", "wx0-" + customer.id(), "customerId",
        customer.id(), "channel", "wechat", "template", "holiday-greeting", "category", "transactional",
        "vars", Map.of("holidayName", "元宵节")));
    assertThat(noOpenid.path("reason").asText()).isEqualTo("no WeChat openid");
    Api.Response bound = fixtures.asIntegration("PUT", "/api/customers/" + customer.id() + "/wechat",
        Map.of("openid", "oEngageTest123456", "appId", "wx-app"));
    assertThat(bound.status()).as(bound.body()).isEqualTo(200);
    assertThat(bound.json().path("openid").asText()).isEqualTo("oEng…56");
    JsonNode wechat = fixtures.sendAndSettle(Map.of("idempotencyKey", "wx1-" + customer.id(), "customerId",
        customer.id(), "channel", "wechat", "template", "holiday-greeting", "category", "transactional",
        "vars", Map.of("holidayName", "元宵节")));
    assertThat(wechat.path("status").asText()).isEqualTo("SENT");
    JsonNode template = StreamSupport.stream(fixtures.call("admin", "GET", "/api/sinks/wechat", null).json()
        .spliterator(), false).filter(m -> m.path("recipient").asText().equals("oEngageTest123456")).findFirst()
        .orElseThrow();
    assertThat(template.path("templateId").asText()).isEqualTo("test-wechat-template");
    assertThat(template.path("data").path("first").asText()).contains("元宵节");
  }

  private JsonNode consent(String customerId, String channel) {
    return StreamSupport.stream(fixtures.customer(customerId).path("consents").spliterator(), false)
        .filter(c -> c.path("channel").asText().equals(channel)).findFirst().orElseThrow();
  }

  /** A link as the engine wrote it (public-url), as a path on the engine under test. */
  private static String local(String url) {
    URI uri = URI.create(url.replace("&amp;", "&"));
    return uri.getRawPath() + "?" + uri.getRawQuery();
  }

  private static String first(String html, String part) {
    Matcher matcher = LINK.matcher(html);
    while (matcher.find()) {
      if (matcher.group().contains(part)) {
        return matcher.group();
      }
    }
    throw new AssertionError("no " + part + " link in " + html);
  }

  private static HttpRequest.BodyPublisher form() {
    return HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click");
  }

  private static String html(MimeMessage mail) throws Exception {
    jakarta.mail.Multipart parts = (jakarta.mail.Multipart) mail.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      if (parts.getBodyPart(i).isMimeType("text/html")) {
        return String.valueOf(parts.getBodyPart(i).getContent());
      }
    }
    throw new AssertionError("no HTML part");
  }
}
