package io.engage.engine.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.engage.connectors.Channel;
import io.engage.connectors.sms.LocalSmsSink;
import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import io.engage.engine.customer.Consent;
import io.engage.engine.customer.Customers;
import io.engage.engine.platform.embedded.LoopbackZeebeEngine;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine's sending core (policy, attempts, statuses, receipts, dead addresses) over providers
 * configured by the documented {@code engage.channels.*} keys and reached through their real
 * protocols: an SMSC over SMPP (jSMPP server session), an HTTP SMS gateway and a JPush-style API
 * (local HTTP stubs), SMTP servers (GreenMail, and one that bounces every mailbox). The shared
 * context keeps its local sinks; each test builds its routes from its own keys.
 */
class ProviderRoutesTest extends EngineTest {

  static TestSmsc smsc;
  static StubProviders stubs;
  static GreenMail secondarySmtp;
  static BouncingSmtpServer bouncer;

  @LocalServerPort int port;
  @Autowired MessageMapper mapper;
  @Autowired Customers customers;
  @Autowired DeliveryPolicy policy;
  @Autowired ChannelAddresses addresses;
  @Autowired TemplateStore templates;
  @Autowired MessageRenderer renderer;
  @Autowired MessageLinks links;
  @Autowired MessagingMetrics metrics;
  @Autowired MessagingProperties messaging;
  @Autowired TransactionTemplate transactions;
  @Autowired ObjectMapper json;
  @Autowired Clock clock;
  @Autowired DeliveryReceipts receipts;
  @Autowired SmsReplies replies;
  @Autowired MessageDispatcher dispatcher;
  @Autowired LoopbackZeebeEngine engine;
  MessagingFixtures fixtures;
  ChannelProviders providers;

  @BeforeAll
  static void startPeers() throws Exception {
    smsc = new TestSmsc();
    stubs = new StubProviders();
    secondarySmtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    secondarySmtp.start();
    bouncer = new BouncingSmtpServer();
  }

  @AfterAll
  static void stopPeers() throws Exception {
    smsc.close();
    stubs.close();
    secondarySmtp.stop();
    bouncer.close();
  }

  @BeforeEach
  void setUp() {
    fixtures = new MessagingFixtures(new Api(port));
    stubs.gatewayAnswer.set(null);
  }

  @AfterEach
  void closeProviders() {
    if (providers != null) {
      providers.close();
    }
  }

  @Test
  void smsOverSmppIsDeliveredWhenTheSmscReceiptArrives() {
    MessageService service = sender(smpp(Map.of("engage.channels.sms.provider", "smpp")), messaging);
    MessagingFixtures.NewCustomer customer = register("smpp", "+8613800001234", "en");
    Message sent = service.send(sms(customer.id(), "transactional"));
    assertThat(sent.status()).isEqualTo(Message.SENT);
    assertThat(sent.provider()).isEqualTo("smpp-test");
    assertThat(smsc.submitted).anySatisfy(s -> {
      assertThat(s.destination()).isEqualTo("+8613800001234");
      assertThat(s.id()).isEqualTo(sent.providerMessageId());
    });
    Message delivered = awaitStatus(sent, Message.DELIVERED);
    assertThat(delivered.deliveredAt()).isNotNull();
    assertThat(mapper.findEventsByMessage(sent.id())).extracting(MessageEvent::type).contains(MessageEvent.DELIVERED);

    MessagingFixtures.NewCustomer unlucky = register("smpp-undeliv", TestSmsc.UNDELIVERABLE, "en");
    Message undelivered = awaitStatus(service.send(sms(unlucky.id(), "transactional")), Message.FAILED);
    assertThat(undelivered.reason()).isEqualTo("UNDELIV err=013");
  }

  @Test
  void anInvalidNumberIsAHardBounceThatWithdrawsConsentAndBlocksTheNumber() {
    MessageService service = sender(smpp(Map.of("engage.channels.sms.provider", "smpp")), messaging);
    MessagingFixtures.NewCustomer customer = register("smpp-invalid", TestSmsc.INVALID, "en");
    Message failed = service.send(sms(customer.id(), "marketing"));
    assertThat(failed.status()).isEqualTo(Message.FAILED);
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.reason()).doesNotContain(TestSmsc.INVALID.substring(1));
    Consent sms = customers.consents(customer.id()).stream().filter(c -> c.channel().equals("SMS")).findFirst().orElseThrow();
    assertThat(sms.granted()).isFalse();
    assertThat(sms.source()).isEqualTo("bounce:message-" + failed.id());
    assertThat(mapper.findEventsByMessage(failed.id())).extracting(MessageEvent::type).contains(MessageEvent.BOUNCED);

    int submitted = smsc.submitted.size();
    Message next = service.send(sms(customer.id(), "transactional"));
    assertThat(next.status()).isEqualTo(Message.SUPPRESSED);
    assertThat(next.reason()).startsWith("invalid address:");
    assertThat(smsc.submitted).hasSize(submitted);
  }

  @Test
  void aProviderErrorFailsOverToTheSecondaryInTheSameRound() {
    stubs.gatewayAnswer.set(new StubProviders.Answer(503, "{\"code\":\"UNAVAILABLE\"}"));
    MessageService service = sender(smpp(gateway(Map.of("engage.channels.sms.provider", "http",
        "engage.channels.sms.secondary", "smpp"))), messaging);
    MessagingFixtures.NewCustomer customer = register("failover", "+8613800005678", "en");
    Message sent = service.send(sms(customer.id(), "transactional"));
    assertThat(sent.status()).isEqualTo(Message.SENT);
    assertThat(sent.provider()).isEqualTo("smpp-test");
    assertThat(sent.attempts()).isEqualTo(1);
    assertThat(mapper.findAttempts(sent.id())).extracting(MessageAttempt::provider, MessageAttempt::outcome,
        MessageAttempt::failure, MessageAttempt::attempt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("http-sms-test", "TRANSIENT_FAILURE", "PROVIDER_ERROR", 1),
            org.assertj.core.groups.Tuple.tuple("smpp-test", "SENT", "NONE", 1));
  }

  @Test
  void transientFailuresAreRetriedWithBackoffUpToTheLimitThenFailWithTheProvidersReason() {
    stubs.gatewayAnswer.set(new StubProviders.Answer(503, "{\"code\":\"UNAVAILABLE\",\"message\":\"SMSC down\"}"));
    MessageService service = sender(gateway(Map.of("engage.channels.sms.provider", "http",
        "engage.channels.sms.secondary", "")), messaging);
    MessagingFixtures.NewCustomer customer = register("retry", "+8613800009999", "en");
    SendRequest request = sms(customer.id(), "transactional");
    Message message = service.send(request);
    Instant previousDue = null;
    while (!message.settled()) {
      assertThat(message.reason()).startsWith("retrying after provider error");
      assertThat(message.nextAttemptAt()).isAfter(clock.instant().minusSeconds(1));
      if (previousDue != null) {
        assertThat(message.nextAttemptAt()).isAfterOrEqualTo(previousDue);
      }
      previousDue = message.nextAttemptAt();
      // Not due yet: a second wake-up before the backoff sends nothing.
      int calls = stubs.gatewayCalls.get();
      if (message.nextAttemptAt().isAfter(clock.instant().plusSeconds(1))) {
        assertThat(service.send(request).attempts()).isEqualTo(message.attempts());
        assertThat(stubs.gatewayCalls.get()).isEqualTo(calls);
      }
      engine.increaseTime(Duration.between(clock.instant(), message.nextAttemptAt()).plusSeconds(1));
      message = service.send(request);
    }
    assertThat(message.status()).isEqualTo(Message.FAILED);
    assertThat(message.attempts()).isEqualTo(messaging.retry().maxAttempts());
    assertThat(message.reason()).startsWith("gave up after " + messaging.retry().maxAttempts() + " attempts:")
        .contains("SMSC down");
    assertThat(mapper.findAttempts(message.id())).hasSize(messaging.retry().maxAttempts());

    stubs.gatewayAnswer.set(new StubProviders.Answer(400, "{\"code\":\"CONTENT_REJECTED\"}"));
    Message rejected = service.send(sms(customer.id(), "transactional"));
    assertThat(rejected.status()).isEqualTo(Message.FAILED);
    assertThat(rejected.attempts()).isEqualTo(1);
    assertThat(rejected.reason()).contains("CONTENT_REJECTED");
  }

  @Test
  void aGatewayCallbackMarksTheMessageDeliveredAndAForgedOneIsRefused() throws Exception {
    MessageService service = sender(gateway(Map.of("engage.channels.sms.provider", "http",
        "engage.channels.sms.secondary", "")), messaging);
    MessagingFixtures.NewCustomer customer = register("callback", "+8613800004321", "zh-CN");
    Message sent = service.send(sms(customer.id(), "transactional"));
    assertThat(sent.status()).isEqualTo(Message.SENT);
    assertThat(stubs.gatewayAccepted.getLast().path("callbackUrl").asText())
        .isEqualTo("http://localhost:8080/api/receipts/sms/http-sms-test");
    String webhook = "http://127.0.0.1:" + port + "/api/receipts/sms/http-sms-test";
    assertThat(stubs.callback(webhook, sent.providerMessageId(), "DELIVERED")).isEqualTo(204);
    assertThat(mapper.findById(sent.id()).status()).isEqualTo(Message.DELIVERED);

    Api.Response forged = new Api(port).send(new Api(port).request("/api/receipts/sms/http-sms-test")
        .header("Content-Type", "application/json").header("X-Engage-Timestamp", "1").header("X-Engage-Nonce", "n")
        .header("X-Engage-Signature", "bad")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"messageId\":\"x\",\"status\":\"FAILED\"}")));
    assertThat(forged.status()).isEqualTo(401);
  }

  @Test
  void aReplyOfTdOverSmppWithdrawsSmsConsentOfTheCustomerWithThatNumber() throws Exception {
    MessageService service = sender(smpp(Map.of("engage.channels.sms.provider", "smpp")), messaging);
    MessagingFixtures.NewCustomer customer = register("reply-smpp", "+8613800005555", "zh-CN");
    MessagingFixtures.NewCustomer other = register("reply-other", "+8613800005556", "zh-CN");
    assertThat(customers.hasConsent(customer.id(), "SMS")).isTrue();
    assertThat(service.send(sms(customer.id(), "transactional")).status()).isEqualTo(Message.SENT);

    smsc.sendMobileOriginated("8613800005556", "hello, when does my order come?");
    smsc.sendMobileOriginated("8613800005555", " td ");

    // deliver_sm returns once Engage acknowledged it, i.e. after the consent was written.
    assertThat(customers.hasConsent(customer.id(), "SMS")).isFalse();
    assertThat(customers.consents(customer.id())).filteredOn(c -> c.channel().equals("SMS"))
        .singleElement().satisfies(c -> assertThat(c.source()).isEqualTo("unsubscribe:sms-reply"));
    assertThat(customers.hasConsent(other.id(), "SMS")).as("not a keyword").isTrue();
    Message next = service.send(sms(customer.id(), "marketing"));
    assertThat(next.status()).isEqualTo(Message.SUPPRESSED);
    assertThat(next.reason()).isEqualTo("unsubscribed from sms");

    smsc.sendMobileOriginated("8613800005556", "退订");
    assertThat(customers.hasConsent(other.id(), "SMS")).isFalse();
  }

  @Test
  void aSignedReplyToTheGatewaysWebhookWithdrawsSmsConsentAndAForgedOneIsRefused() throws Exception {
    MessagingFixtures.NewCustomer customer = register("reply-http", "+8613800006666", "en");
    String webhook = "http://127.0.0.1:" + port + "/api/receipts/sms/http-sms-test/replies";

    assertThat(stubs.reply(webhook, "+8613800006666", "thanks!")).isEqualTo(204);
    assertThat(customers.hasConsent(customer.id(), "SMS")).isTrue();
    assertThat(stubs.reply(webhook, "+8613800006666", "STOP")).isEqualTo(204);
    assertThat(customers.hasConsent(customer.id(), "SMS")).isFalse();

    Api.Response forged = new Api(port).send(new Api(port).request("/api/receipts/sms/http-sms-test/replies")
        .header("Content-Type", "application/json").header("X-Engage-Timestamp", "1").header("X-Engage-Nonce", "n")
        .header("X-Engage-Signature", "bad")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"from\":\"+8613800005555\",\"text\":\"T\"}")));
    assertThat(forged.status()).isEqualTo(401);
  }

  @Test
  void aRetryAfterTheGatewaysLostAnswerSendsNothingTwice() {
    MessageService service = sender(gateway(Map.of("engage.channels.sms.provider", "http",
        "engage.channels.sms.secondary", "", "engage.channels.sms.http.request-timeout", "PT0.5S")), messaging);
    MessagingFixtures.NewCustomer customer = register("lost-answer", "+8613800007777", "en");
    SendRequest request = sms(customer.id(), "transactional");
    stubs.stallAfterAccepting.set(true);
    int calls = stubs.gatewayCalls.get();
    Message first = service.send(request);
    stubs.stallAfterAccepting.set(false);
    assertThat(first.status()).isIn(Message.QUEUED, Message.SENT);
    if (!first.settled()) {
      assertThat(first.reason()).startsWith("retrying after timeout");
      engine.increaseTime(Duration.between(clock.instant(), first.nextAttemptAt()).plusSeconds(1));
    }
    Message sent = first.settled() ? first : service.send(request);
    assertThat(sent.status()).isEqualTo(Message.SENT);
    assertThat(stubs.gatewayCalls.get() - calls).isGreaterThanOrEqualTo(2); // retried, on the same provider
    assertThat(stubs.gatewayAccepted.stream()
        .filter(r -> r.path("to").asText().equals("+8613800007777"))).hasSize(1);
  }

  @Test
  void aProviderOverItsRateLimitIsThrottledAndTheMessageWaitsForARetry() {
    MessagingProperties noWait = new MessagingProperties(messaging.frequencyCap(), messaging.quietHours(),
        new MessagingProperties.Retry(messaging.retry().maxAttempts(), messaging.retry().initialDelay(),
            messaging.retry().maxDelay(), Duration.ZERO, Duration.ZERO),
        messaging.publicUrl(), messaging.linkSecrets(), messaging.unsubscribeMailto(), messaging.dispatcher(),
        messaging.staff(), messaging.locales(), messaging.site());
    MessageService service = sender(gateway(Map.of("engage.channels.sms.provider", "http",
        "engage.channels.sms.secondary", "", "engage.channels.sms.http.rate-limit", "0.01")), noWait);
    MessagingFixtures.NewCustomer customer = register("rate", "+8613800003333", "en");
    assertThat(service.send(sms(customer.id(), "transactional")).status()).isEqualTo(Message.SENT);
    Message held = service.send(sms(customer.id(), "transactional"));
    assertThat(held.status()).isEqualTo(Message.QUEUED);
    assertThat(held.reason()).startsWith("retrying after throttled: local rate limit");
    assertThat(mapper.findAttempts(held.id())).singleElement()
        .satisfies(a -> assertThat(a.failure()).isEqualTo("THROTTLED"));
  }

  @Test
  void aDeadPushTokenIsMarkedAndNeverUsedAgain() {
    MessageService service = sender(Map.of("engage.channels.push.jpush.enabled", "true",
        "engage.channels.push.jpush.name", "jpush-test", "engage.channels.push.jpush.base-url", stubs.baseUrl(),
        "engage.channels.push.jpush.app-key", "app", "engage.channels.push.jpush.master-secret", "secret"), messaging);
    MessagingFixtures.NewCustomer customer = register("push", "+8613800002222", "zh-CN");
    long dead = device(customer.id(), StubProviders.DEAD_REGISTRATION_PREFIX + "1a2b3c");
    device(customer.id(), "good-4d5e6f");
    int calls = stubs.pushCalls.get();
    Message sent = service.send(push(customer.id()));
    assertThat(sent.status()).isEqualTo(Message.SENT);
    assertThat(sent.provider()).isEqualTo("jpush-test");
    assertThat(stubs.pushCalls.get()).isEqualTo(calls + 2);
    assertThat(addresses.device(dead).orElseThrow().status()).isEqualTo(DeviceToken.DEAD);
    assertThat(addresses.device(dead).orElseThrow().deadReason()).contains("1011");

    Message again = service.send(push(customer.id()));
    assertThat(again.status()).isEqualTo(Message.SENT);
    assertThat(stubs.pushCalls.get()).isEqualTo(calls + 3);
    assertThat(mapper.findAttempts(again.id())).singleElement()
        .satisfies(a -> assertThat(a.recipientRef()).isNotEqualTo("device:" + dead));

    MessagingFixtures.NewCustomer onlyDead = register("push-dead", "+8613800002223", "zh-CN");
    device(onlyDead.id(), StubProviders.DEAD_REGISTRATION_PREFIX + "7a8b9c");
    Message failed = service.send(push(onlyDead.id()));
    assertThat(failed.status()).isEqualTo(Message.FAILED);
    assertThat(failed.attempts()).isEqualTo(1);
    Message suppressed = service.send(push(onlyDead.id()));
    assertThat(suppressed.status()).isEqualTo(Message.SUPPRESSED);
    assertThat(suppressed.reason()).isEqualTo("no active device for push");
  }

  @Test
  void wechatTemplateMessagesGoToTheOpenidAndTheirReceiptArrivesAtTheServerUrl() throws Exception {
    MessageService service = sender(Map.of("engage.channels.wechat.provider", "official-account",
        "engage.channels.wechat.templates.holiday-greeting", "TPL-HOLIDAY",
        "engage.channels.wechat.official-account.name", "wechat-test",
        "engage.channels.wechat.official-account.base-url", stubs.baseUrl(),
        "engage.channels.wechat.official-account.app-id", "wx-app",
        "engage.channels.wechat.official-account.app-secret", "wx-secret"), messaging);
    MessagingFixtures.NewCustomer customer = register("wechat", "+8613800006666", "zh-CN");
    assertThat(fixtures.asIntegration("PUT", "/api/customers/" + customer.id() + "/wechat",
        Map.of("openid", "oWechatCustomer01", "consent", true)).status()).isEqualTo(200);
    Message sent = service.send(request(customer.id(), "wechat", "holiday-greeting", "marketing"));
    assertThat(sent.status()).isEqualTo(Message.SENT);
    assertThat(sent.provider()).isEqualTo("wechat-test");
    var body = stubs.wechatMessages.getLast();
    assertThat(body.path("touser").asText()).isEqualTo("oWechatCustomer01");
    assertThat(body.path("template_id").asText()).isEqualTo("TPL-HOLIDAY");
    assertThat(body.path("data").path("first").path("value").asText()).contains("春节");

    String serverUrl = "http://127.0.0.1:" + port + "/api/receipts/wechat/wechat-test";
    assertThat(StubProviders.wechatReceipt(serverUrl, "test-wechat-callback-token", sent.providerMessageId(),
        "success")).isEqualTo(200);
    assertThat(mapper.findById(sent.id()).status()).isEqualTo(Message.DELIVERED);
    assertThat(StubProviders.wechatReceipt(serverUrl, "wrong-token", sent.providerMessageId(), "success"))
        .isEqualTo(401);

    MessagingFixtures.NewCustomer gone = register("wechat-dead", "+8613800006667", "zh-CN");
    fixtures.asIntegration("PUT", "/api/customers/" + gone.id() + "/wechat", Map.of("openid", "oDeadOpenid0001"));
    Message failed = service.send(request(gone.id(), "wechat", "holiday-greeting", "transactional"));
    assertThat(failed.status()).isEqualTo(Message.FAILED);
    assertThat(failed.reason()).contains("40003");
    assertThat(service.send(request(gone.id(), "wechat", "holiday-greeting", "transactional")).reason())
        .isEqualTo("no WeChat openid");
  }

  @Test
  void emailFailsOverToTheSecondaryRelayWhenThePrimaryRefusesConnections() throws Exception {
    MessageService service = sender(Map.of("engage.channels.email.port", String.valueOf(freePort()),
        "engage.channels.email.secondary.host", "127.0.0.1",
        "engage.channels.email.secondary.port", String.valueOf(secondarySmtp.getSmtp().getPort())), messaging);
    MessagingFixtures.NewCustomer customer = register("mail-failover", "+8613800001111", "en");
    Message sent = service.send(email(customer.id(), "transactional"));
    assertThat(sent.status()).isEqualTo(Message.SENT);
    assertThat(sent.provider()).isEqualTo("smtp-secondary");
    assertThat(mapper.findAttempts(sent.id())).extracting(MessageAttempt::provider, MessageAttempt::failure)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("smtp", "CONNECTION"),
            org.assertj.core.groups.Tuple.tuple("smtp-secondary", "NONE"));
    assertThat(java.util.Arrays.stream(secondarySmtp.getReceivedMessages())
        .filter(m -> JourneySendTest.recipient(m).equals(customer.email()))).hasSize(1);
  }

  @Test
  void aMailboxThatDoesNotExistIsAHardBounce() {
    MessageService service = sender(Map.of("engage.channels.email.port", String.valueOf(bouncer.port()),
        "engage.channels.email.max-connections", "0"), messaging);
    MessagingFixtures.NewCustomer customer = register("bounce", "+8613800001112", "en");
    Message bounced = service.send(email(customer.id(), "transactional"));
    assertThat(bounced.status()).isEqualTo(Message.FAILED);
    assertThat(bounced.reason()).contains("5.1.1").doesNotContain(customer.email());
    assertThat(customers.consents(customer.id())).anySatisfy(c -> {
      assertThat(c.channel()).isEqualTo("EMAIL");
      assertThat(c.granted()).isFalse();
      assertThat(c.source()).startsWith("bounce:");
    });
    Message next = service.send(email(customer.id(), "marketing"));
    assertThat(next.status()).isEqualTo(Message.SUPPRESSED);
    assertThat(next.reason()).startsWith("invalid address:");
  }

  // --- helpers

  MessagingFixtures.NewCustomer register(String prefix, String phone, String locale) {
    MessagingFixtures.NewCustomer base = MessagingFixtures.NewCustomer.named("prov-" + prefix).locale(locale);
    return fixtures.register(new MessagingFixtures.NewCustomer(base.id(), base.name(), base.email(), phone,
        base.timeZone(), base.locale(), base.preferredChannel(), base.consents()));
  }

  long device(String customerId, String token) {
    Api.Response response = fixtures.asIntegration("POST", "/api/customers/" + customerId + "/devices",
        Map.of("platform", "JPUSH", "token", token, "pushConsent", true));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().path("id").asLong();
  }

  static SendRequest sms(String customerId, String category) {
    return request(customerId, "sms", "win-back-last-chance", category);
  }

  static SendRequest email(String customerId, String category) {
    return request(customerId, "email", "win-back-offer", category);
  }

  static SendRequest push(String customerId) {
    return request(customerId, "push", "holiday-greeting", "transactional");
  }

  /** A journey-step request, so the shared context's dispatcher leaves it to this test. */
  static SendRequest request(String customerId, String channel, String template, String category) {
    return new SendRequest("provider-test:" + UUID.randomUUID(), customerId, channel, template, category,
        Map.of("couponCode", "LAST-1", "couponValue", 30, "holidayName", "春节"), "provider-test", null, "Send");
  }

  Message awaitStatus(Message message, String status) {
    return await().atMost(MessagingFixtures.PATIENCE).until(() -> mapper.findById(message.id()),
        m -> m.status().equals(status));
  }

  Map<String, String> smpp(Map<String, String> more) {
    Map<String, String> keys = new HashMap<>(more);
    keys.put("engage.channels.sms.smpp.name", "smpp-test");
    keys.put("engage.channels.sms.smpp.host", "127.0.0.1");
    keys.put("engage.channels.sms.smpp.port", String.valueOf(smsc.port()));
    keys.put("engage.channels.sms.smpp.system-id", "engage");
    keys.put("engage.channels.sms.smpp.password", TestSmsc.PASSWORD);
    keys.put("engage.channels.sms.smpp.source-address", "10690000");
    keys.put("engage.channels.sms.smpp.delivery-receipts", "true");
    return keys;
  }

  Map<String, String> gateway(Map<String, String> more) {
    Map<String, String> keys = new HashMap<>(more);
    keys.put("engage.channels.sms.http.name", "http-sms-test");
    keys.put("engage.channels.sms.http.base-url", stubs.baseUrl());
    keys.put("engage.channels.sms.http.access-key-id", StubProviders.GATEWAY_KEY);
    keys.put("engage.channels.sms.http.access-key-secret", StubProviders.GATEWAY_SECRET);
    return keys;
  }

  /** The engine's sending core over the providers these keys configure (and the shared database). */
  MessageService sender(Map<String, String> keys, MessagingProperties messagingProperties) {
    Map<String, String> all = new HashMap<>();
    all.put("engage.channels.email.host", "127.0.0.1");
    all.put("engage.channels.email.port", String.valueOf(SMTP.getSmtp().getPort()));
    all.put("engage.channels.email.from", "Engage <no-reply@engage.local>");
    all.put("engage.channels.sms.provider", "local-sink");
    all.putAll(keys);
    ChannelProperties channels = new Binder(new MapConfigurationPropertySource(all))
        .bind("engage.channels", ChannelProperties.class).get();
    AttemptRecorder recorder = new AttemptRecorder();
    providers = ChannelProviders.create(channels, messagingProperties, new ChannelProviders.Sinks(new LocalSmsSink(),
        new LocalSink(Channel.PUSH, clock), new LocalSink(Channel.WECHAT, clock)), receipts, replies, recorder, clock);
    MessageDelivery delivery = new MessageDelivery(mapper, customers, policy, addresses, templates, renderer,
        providers.routes(), recorder, links, metrics, messagingProperties, channels, transactions, json, clock);
    return new MessageService(mapper, delivery, dispatcher, transactions, json, clock);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
