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
import java.time.Clock;
import java.util.Map;

/**
 * App push through Firebase Cloud Messaging's HTTP v1 API. A notification (title = subject, body =
 * text) plus {@code data} (and the link as "link") goes to one registration token.
 *
 * <p>Errors as FCM documents them: UNREGISTERED, SENDER_ID_MISMATCH and an INVALID_ARGUMENT about
 * the token mark the token dead; QUOTA_EXCEEDED and 429 are throttled (Retry-After honoured);
 * UNAVAILABLE and INTERNAL are transient; UNAUTHENTICATED means the access token expired or was
 * revoked: a new one is fetched and the message sent once more.
 */
public final class FcmPushConnector implements ChannelConnector {

  private final FcmSettings settings;
  private final JsonHttp http;
  private final GoogleAccessTokens tokens;
  private final URI sendUri;

  public FcmPushConnector(FcmSettings settings) {
    this(settings, Clock.systemUTC());
  }

  FcmPushConnector(FcmSettings settings, Clock clock) {
    this.settings = settings;
    this.http = new JsonHttp(settings.connectTimeout(), settings.requestTimeout());
    JsonNode account = GoogleAccessTokens.parse(settings.serviceAccountJson());
    this.tokens = new GoogleAccessTokens(account, settings.tokenUrl(), http, clock);
    String project = settings.projectId() != null ? settings.projectId() : account.path("project_id").asText(null);
    if (project == null) {
      throw new IllegalArgumentException("no FCM project id in the settings or the service account");
    }
    this.sendUri = URI.create(settings.sendBaseUrl() + "/v1/projects/" + project + "/messages:send");
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
      return DeliveryResult.invalidRecipient("no registration token");
    }
    String body = JsonHttp.json(JsonHttp.object().set("message", payload(message)));
    return attempt(body, true);
  }

  private DeliveryResult attempt(String body, boolean mayRenewToken) {
    String token;
    try {
      token = tokens.token();
    } catch (GoogleAccessTokens.TokenException e) {
      return DeliveryResult.failed(e.refused ? Failure.AUTHENTICATION : Failure.CONNECTION, e.getMessage());
    }
    JsonHttp.Reply reply;
    try {
      reply = http.postJson(sendUri, body, "Authorization", "Bearer " + token);
    } catch (IOException e) {
      return JsonHttp.failure(e, settings.name());
    } catch (InterruptedException e) {
      return JsonHttp.interrupted(settings.name());
    }
    if (reply.status() == 401 && mayRenewToken) {
      tokens.invalidate(token);
      return attempt(body, false);
    }
    return classify(reply);
  }

  private static ObjectNode payload(OutboundMessage message) {
    ObjectNode fcm = JsonHttp.object().put("token", message.recipient().strip());
    ObjectNode notification = fcm.putObject("notification");
    if (message.subject() != null) {
      notification.put("title", message.subject());
    }
    notification.put("body", message.textBody());
    if (!message.data().isEmpty() || message.link() != null) {
      ObjectNode data = fcm.putObject("data");
      for (Map.Entry<String, String> entry : message.data().entrySet()) {
        data.put(entry.getKey(), entry.getValue());
      }
      if (message.link() != null) {
        data.put("link", message.link());
      }
    }
    fcm.putObject("android").put("priority", "high");
    return fcm;
  }

  static DeliveryResult classify(JsonHttp.Reply reply) {
    JsonNode json = reply.json();
    if (reply.ok()) {
      String name = json.path("name").asText(null);
      return name != null ? DeliveryResult.sent(name)
          : DeliveryResult.failed(Failure.PROVIDER_ERROR, "FCM accepted without a message name: " + reply.excerpt());
    }
    JsonNode error = json.path("error");
    String status = error.path("status").asText("");
    String errorCode = status;
    boolean aboutToken = error.path("message").asText("").toLowerCase().contains("registration token");
    for (JsonNode detail : error.path("details")) {
      String type = detail.path("@type").asText("");
      if (type.endsWith("google.firebase.fcm.v1.FcmError") && detail.hasNonNull("errorCode")) {
        errorCode = detail.path("errorCode").asText();
      }
      for (JsonNode violation : detail.path("fieldViolations")) {
        aboutToken |= violation.path("field").asText("").equals("message.token");
      }
    }
    String reason = "FCM " + errorCode + ": " + error.path("message").asText(reply.excerpt());
    return switch (errorCode) {
      case "UNREGISTERED", "SENDER_ID_MISMATCH" -> DeliveryResult.invalidRecipient(reason);
      case "INVALID_ARGUMENT" -> aboutToken ? DeliveryResult.invalidRecipient(reason)
          : DeliveryResult.permanentFailure(reason);
      case "QUOTA_EXCEEDED" -> DeliveryResult.throttled(reason, reply.retryAfter());
      case "UNAVAILABLE", "INTERNAL" -> DeliveryResult.failed(Failure.PROVIDER_ERROR, reason, reply.retryAfter());
      case "THIRD_PARTY_AUTH_ERROR", "UNAUTHENTICATED", "PERMISSION_DENIED" ->
          DeliveryResult.failed(Failure.AUTHENTICATION, reason);
      default -> reply.status() == 429 ? DeliveryResult.throttled(reason, reply.retryAfter())
          : reply.status() >= 500 ? DeliveryResult.failed(Failure.PROVIDER_ERROR, reason, reply.retryAfter())
          : DeliveryResult.permanentFailure(reason);
    };
  }
}
