package io.engage.connectors.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.engage.connectors.Channel;
import io.engage.connectors.ChannelConnector;
import io.engage.connectors.DeliveryResult;
import io.engage.connectors.DeliveryResult.Failure;
import io.engage.connectors.OutboundMessage;
import io.engage.connectors.http.JsonHttp;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * App push through a JPush-style API, the usual route to Android phones in mainland China where
 * FCM does not reach reliably. One notification (Android title/alert, iOS alert) with {@code data}
 * as extras goes to one registration id.
 *
 * <p>Repeats: JPush answers a push whose {@code cid} it has seen with the first push's result
 * instead of pushing again. A cid is taken from the service's cid pool ({@code GET
 * /v3/push/cid}) for each idempotency key and kept for its day of validity, so a retry in this
 * process reuses it. Errors: 1011 (no user for this audience) marks the token dead, 2002 and 429
 * are throttled (X-Rate-Limit-Reset honoured), 1004/1008 are credentials, 1000/1030 and 5xx are
 * transient, other codes permanent.
 */
public final class JPushConnector implements ChannelConnector {

  private static final Duration CID_VALIDITY = Duration.ofHours(23);
  private static final int CID_BATCH = 10;

  private record Cid(String value, Instant takenAt) {}

  private final JPushSettings settings;
  private final JsonHttp http;
  private final String authorization;
  private final URI pushUri;
  private final URI cidUri;
  private final Map<String, Cid> cidsByKey = new ConcurrentHashMap<>();
  private final Deque<String> spareCids = new ArrayDeque<>();
  private Instant sparesFetchedAt = Instant.MIN;

  public JPushConnector(JPushSettings settings) {
    this.settings = settings;
    this.http = new JsonHttp(settings.connectTimeout(), settings.requestTimeout());
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(
        (settings.appKey() + ":" + settings.masterSecret()).getBytes(StandardCharsets.UTF_8));
    this.pushUri = URI.create(settings.baseUrl() + "/v3/push");
    this.cidUri = URI.create(settings.baseUrl() + "/v3/push/cid?count=" + CID_BATCH + "&type=push");
  }

  @Override
  public Channel channel() {
    return Channel.PUSH;
  }

  @Override
  public String provider() {
    return settings.name();
  }

  @Override
  public DeliveryResult send(OutboundMessage message) {
    if (message.recipient() == null || message.recipient().isBlank()) {
      return DeliveryResult.invalidRecipient("no registration id");
    }
    String cid = null;
    if (message.idempotencyKey() != null) {
      try {
        cid = cidFor(message.idempotencyKey());
      } catch (CidUnavailable e) {
        return e.result;
      }
    }
    String body = JsonHttp.json(payload(message, cid));
    JsonHttp.Reply reply;
    try {
      reply = http.postJson(pushUri, body, "Authorization", authorization);
    } catch (IOException e) {
      return JsonHttp.failure(e, settings.name());
    } catch (InterruptedException e) {
      return JsonHttp.interrupted(settings.name());
    }
    DeliveryResult result = classify(reply);
    if (result.outcome() == DeliveryResult.Outcome.PERMANENT_FAILURE && message.idempotencyKey() != null) {
      cidsByKey.remove(message.idempotencyKey());
    }
    return result;
  }

  private ObjectNode payload(OutboundMessage message, String cid) {
    ObjectNode push = JsonHttp.object();
    if (cid != null) {
      push.put("cid", cid);
    }
    push.put("platform", "all");
    push.putObject("audience").putArray("registration_id").add(message.recipient().strip());
    ObjectNode notification = push.putObject("notification");
    ObjectNode android = notification.putObject("android").put("alert", message.textBody());
    ObjectNode ios = notification.putObject("ios");
    ObjectNode iosAlert = ios.putObject("alert").put("body", message.textBody());
    if (message.subject() != null) {
      android.put("title", message.subject());
      iosAlert.put("title", message.subject());
    }
    ios.put("sound", "default");
    if (!message.data().isEmpty() || message.link() != null) {
      ObjectNode extras = JsonHttp.object();
      message.data().forEach(extras::put);
      if (message.link() != null) {
        extras.put("link", message.link());
      }
      android.set("extras", extras);
      ios.set("extras", extras.deepCopy());
    }
    push.putObject("options").put("time_to_live", settings.timeToLive().toSeconds())
        .put("apns_production", settings.apnsProduction());
    return push;
  }

  static DeliveryResult classify(JsonHttp.Reply reply) {
    JsonNode json = reply.json();
    String msgId = json.path("msg_id").asText(null);
    if (reply.ok() && msgId != null) {
      return DeliveryResult.sent(msgId);
    }
    int code = json.path("error").path("code").asInt(-1);
    String reason = "JPush " + code + ": " + json.path("error").path("message").asText(reply.excerpt());
    Duration reset = reply.headers().firstValue("X-Rate-Limit-Reset").map(JPushConnector::seconds).orElse(null);
    return switch (code) {
      case 1011 -> DeliveryResult.invalidRecipient(reason);
      case 2002 -> DeliveryResult.throttled(reason, reset);
      case 1004, 1008, 1009 -> DeliveryResult.failed(Failure.AUTHENTICATION, reason);
      case 1000, 1030 -> DeliveryResult.failed(Failure.PROVIDER_ERROR, reason);
      default -> reply.status() == 429 ? DeliveryResult.throttled(reason, reset != null ? reset : reply.retryAfter())
          : reply.status() == 401 || reply.status() == 403 ? DeliveryResult.failed(Failure.AUTHENTICATION, reason)
          : reply.status() >= 500 || reply.ok() ? DeliveryResult.failed(Failure.PROVIDER_ERROR, reason)
          : DeliveryResult.permanentFailure(reason);
    };
  }

  private static Duration seconds(String value) {
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The cid this key has used, or a fresh one from the pool. */
  private String cidFor(String key) throws CidUnavailable {
    Instant now = Instant.now();
    Cid known = cidsByKey.get(key);
    if (known != null && known.takenAt().plus(CID_VALIDITY).isAfter(now)) {
      return known.value();
    }
    String fresh = takeSpareCid();
    cidsByKey.put(key, new Cid(fresh, now));
    if (cidsByKey.size() > 100_000) {
      cidsByKey.values().removeIf(c -> c.takenAt().plus(CID_VALIDITY).isBefore(now));
    }
    return fresh;
  }

  private synchronized String takeSpareCid() throws CidUnavailable {
    if (sparesFetchedAt.plus(CID_VALIDITY).isBefore(Instant.now())) {
      spareCids.clear();
    }
    if (spareCids.isEmpty()) {
      JsonHttp.Reply reply;
      try {
        reply = http.get(cidUri, "Authorization", authorization);
      } catch (IOException e) {
        // Nothing was pushed yet: whatever went wrong, another provider may take the message.
        DeliveryResult failure = JsonHttp.failure(e, settings.name() + " cid pool");
        throw new CidUnavailable(DeliveryResult.failed(Failure.CONNECTION, failure.reason()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CidUnavailable(DeliveryResult.failed(Failure.CONNECTION, "interrupted fetching cids"));
      }
      if (!reply.ok()) {
        DeliveryResult failure = classify(reply);
        throw new CidUnavailable(failure.failure().isTransient() ? failure
            : DeliveryResult.failed(Failure.PROVIDER_ERROR, "cid pool: " + failure.reason()));
      }
      sparesFetchedAt = Instant.now();
      for (JsonNode cid : reply.json().path("cidlist")) {
        spareCids.add(cid.asText());
      }
      if (spareCids.isEmpty()) {
        throw new CidUnavailable(DeliveryResult.failed(Failure.PROVIDER_ERROR, "cid pool answered no cids"));
      }
    }
    return spareCids.poll();
  }

  private static final class CidUnavailable extends Exception {
    final DeliveryResult result;

    CidUnavailable(DeliveryResult result) {
      super(result.reason(), null, false, false);
      this.result = result;
    }
  }
}
