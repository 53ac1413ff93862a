package io.engage.connectors.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.engage.connectors.Channel;
import io.engage.connectors.ChannelConnector;
import io.engage.connectors.DeliveryReceipt;
import io.engage.connectors.DeliveryResult;
import io.engage.connectors.DeliveryResult.Failure;
import io.engage.connectors.OutboundMessage;
import io.engage.connectors.http.HmacSigner;
import io.engage.connectors.http.JsonHttp;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * SMS through an HTTP gateway: one signed JSON POST per message (scheme in {@code
 * connectors/README.md}). The idempotency key goes along as {@code clientReference} (hashed), and a
 * gateway that has seen it answers 409 with the first message's id, so a retry after a lost answer
 * sends nothing twice. 429 is throttled (its Retry-After honoured), 400 INVALID_NUMBER marks the
 * number dead, 401/403 are credentials, 5xx and timeouts are transient.
 *
 * <p>{@link #receipt} verifies and reads the gateway's delivery callbacks for the engine's webhook.
 */
public final class HttpSmsGatewayConnector implements ChannelConnector {

  static final String PATH = "/v1/sms";
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{6,15}");
  /** Callbacks older or newer than this are refused (replays, wrong clocks). */
  private static final Duration CALLBACK_WINDOW = Duration.ofMinutes(5);

  private final HttpSmsSettings settings;
  private final JsonHttp http;
  private final HmacSigner signer;
  private final URI endpoint;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Instant> seenNonces = new ConcurrentHashMap<>();

  public HttpSmsGatewayConnector(HttpSmsSettings settings) {
    this(settings, Clock.systemUTC());
  }

  HttpSmsGatewayConnector(HttpSmsSettings settings, Clock clock) {
    this.settings = settings;
    this.http = new JsonHttp(settings.connectTimeout(), settings.requestTimeout());
    this.signer = new HmacSigner(settings.accessKeySecret());
    this.endpoint = URI.create(settings.baseUrl() + PATH);
    this.clock = clock;
  }

  @Override
  public Channel channel() {
    return Channel.SMS;
  }

  @Override
  public String provider() {
    return settings.name();
  }

  /** The signature of a request or callback: HMAC-SHA256 over timestamp, nonce and body. */
  static String canonical(String timestamp, String nonce, String body) {
    return timestamp + "\n" + nonce + "\n" + body;
  }

  @Override
  public DeliveryResult send(OutboundMessage message) {
    if (message.recipient() == null || !PHONE.matcher(message.recipient().strip()).matches()) {
      return DeliveryResult.invalidRecipient("invalid phone number");
    }
    if (message.textBody() == null || message.textBody().isBlank()) {
      return DeliveryResult.permanentFailure("empty text");
    }
    ObjectNode body = JsonHttp.object().put("to", message.recipient().strip()).put("text", message.textBody());
    if (settings.sender() != null) {
      body.put("sender", settings.sender());
    }
    if (message.idempotencyKey() != null) {
      body.put("clientReference", JsonHttp.reference(message.idempotencyKey()));
    }
    if (settings.callbackUrl() != null) {
      body.put("callbackUrl", settings.callbackUrl());
    }
    String json = JsonHttp.json(body);
    String timestamp = Long.toString(clock.instant().getEpochSecond());
    byte[] nonceBytes = new byte[16];
    random.nextBytes(nonceBytes);
    String nonce = HexFormat.of().formatHex(nonceBytes);
    JsonHttp.Reply reply;
    try {
      reply = http.postJson(endpoint, json, "X-Engage-Key", settings.accessKeyId(), "X-Engage-Timestamp", timestamp,
          "X-Engage-Nonce", nonce, "X-Engage-Signature", signer.sign(canonical(timestamp, nonce, json)));
    } catch (IOException e) {
      return JsonHttp.failure(e, settings.name());
    } catch (InterruptedException e) {
      return JsonHttp.interrupted(settings.name());
    }
    return classify(reply);
  }

  static DeliveryResult classify(JsonHttp.Reply reply) {
    JsonNode json = reply.json();
    String messageId = json.path("messageId").asText(null);
    if ((reply.ok() || reply.status() == 409) && messageId != null) {
      return DeliveryResult.sent(messageId);
    }
    String code = json.path("code").asText("");
    String reason = reply.excerpt();
    return switch (reply.status()) {
      case 429 -> DeliveryResult.throttled(reason, reply.retryAfter());
      case 401, 403 -> DeliveryResult.failed(Failure.AUTHENTICATION, reason);
      case 400, 404, 422 -> "INVALID_NUMBER".equals(code) || "UNREACHABLE_NUMBER".equals(code)
          ? DeliveryResult.invalidRecipient(reason)
          : "OPTED_OUT".equals(code) ? DeliveryResult.failed(Failure.RECIPIENT_REFUSED, reason)
          : DeliveryResult.permanentFailure(reason);
      default -> reply.status() >= 500 || reply.ok()
          ? DeliveryResult.failed(Failure.PROVIDER_ERROR, reason, reply.retryAfter())
          : DeliveryResult.permanentFailure(reason);
    };
  }

  /**
   * A delivery callback from the gateway, if its signature, timestamp (within five minutes) and
   * nonce (not seen before) check out; empty otherwise, and the webhook should answer 401.
   *
   * @param headers the request headers, names in any case
   * @param body the raw request body, exactly as received
   */
  public Optional<DeliveryReceipt> receipt(Map<String, String> headers, String body) {
    Optional<Instant> verified = verified(headers, body);
    if (verified.isEmpty()) {
      return Optional.empty();
    }
    Instant now = verified.get();
    JsonNode json = new JsonHttp.Reply(200, null, body).json();
    String messageId = json.path("messageId").asText(null);
    String status = json.path("status").asText("");
    if (messageId == null || !(status.equals("DELIVERED") || status.equals("FAILED"))) {
      return Optional.empty();
    }
    return Optional.of(new DeliveryReceipt(Channel.SMS, settings.name(), messageId,
        status.equals("DELIVERED") ? DeliveryReceipt.Status.DELIVERED : DeliveryReceipt.Status.FAILED,
        status.equals("FAILED") ? json.path("error").asText("FAILED") : null, now));
  }

  /**
   * A mobile-originated text the gateway forwards ({@code {"from": "+86...", "to": "1069...",
   * "text": "TD"}}), signed like a delivery callback; empty when the signature, timestamp or nonce
   * do not check out or the body is not an inbound text.
   */
  public Optional<InboundSms> inbound(Map<String, String> headers, String body) {
    Optional<Instant> verified = verified(headers, body);
    if (verified.isEmpty()) {
      return Optional.empty();
    }
    JsonNode json = new JsonHttp.Reply(200, null, body).json();
    String from = json.path("from").asText(null);
    String text = json.path("text").asText(null);
    if (from == null || from.isBlank() || text == null) {
      return Optional.empty();
    }
    return Optional.of(new InboundSms(settings.name(), from.strip(), json.path("to").asText(null), text, verified.get()));
  }

  /** The time of a callback whose signature, timestamp (within five minutes) and nonce (first use) check out. */
  private Optional<Instant> verified(Map<String, String> headers, String body) {
    String timestamp = header(headers, "X-Engage-Timestamp");
    String nonce = header(headers, "X-Engage-Nonce");
    String signature = header(headers, "X-Engage-Signature");
    if (timestamp == null || nonce == null || signature == null
        || !signer.verify(canonical(timestamp, nonce, body), signature)) {
      return Optional.empty();
    }
    Instant sentAt;
    try {
      sentAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (Duration.between(sentAt, now).abs().compareTo(CALLBACK_WINDOW) > 0) {
      return Optional.empty();
    }
    seenNonces.values().removeIf(seen -> seen.isBefore(now.minus(CALLBACK_WINDOW.multipliedBy(2))));
    if (seenNonces.putIfAbsent(nonce, now) != null) {
      return Optional.empty();
    }
    return Optional.of(now);
  }

  private static String header(Map<String, String> headers, String name) {
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return header.getValue();
      }
    }
    return null;
  }
}
