package io.engage.connectors.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import io.engage.connectors.DeliveryResult;
import io.engage.connectors.DeliveryResult.Failure;
import io.engage.connectors.http.JsonHttp;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The account's access token ({@code GET /cgi-bin/token}), kept until five minutes before its
 * {@code expires_in}. Callers that need one at the same time share one fetch (the token endpoint has
 * a daily quota, and each fetch invalidates the token before it, after a short grace period).
 */
final class WeChatAccessTokens {

  private static final Duration EARLY = Duration.ofMinutes(5);

  static final class TokenException extends Exception {
    final DeliveryResult result;

    TokenException(DeliveryResult result) {
      super(result.reason(), null, false, false);
      this.result = result;
    }
  }

  private final WeChatSettings settings;
  private final JsonHttp http;
  private final Clock clock;
  private String token;
  private Instant refreshAt = Instant.MIN;

  WeChatAccessTokens(WeChatSettings settings, JsonHttp http, Clock clock) {
    this.settings = settings;
    this.http = http;
    this.clock = clock;
  }

  synchronized String token() throws TokenException {
    if (token == null || !clock.instant().isBefore(refreshAt)) {
      fetch();
    }
    return token;
  }

  /** WeChat said the token is invalid or expired: forget it, unless another thread replaced it already. */
  synchronized void invalidate(String rejected) {
    if (rejected.equals(token)) {
      token = null;
    }
  }

  private void fetch() throws TokenException {
    URI uri = URI.create(settings.baseUrl() + "/cgi-bin/token?grant_type=client_credential&appid="
        + URLEncoder.encode(settings.appId(), StandardCharsets.UTF_8) + "&secret="
        + URLEncoder.encode(settings.appSecret(), StandardCharsets.UTF_8));
    JsonHttp.Reply reply;
    try {
      reply = http.get(uri);
    } catch (IOException e) {
      // Never name the URI: it holds the secret.
      throw new TokenException(DeliveryResult.failed(Failure.CONNECTION,
          settings.name() + " token: " + e.getClass().getSimpleName()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TokenException(DeliveryResult.failed(Failure.CONNECTION, "interrupted fetching a token"));
    }
    JsonNode json = reply.json();
    String fetched = json.path("access_token").asText(null);
    if (fetched == null) {
      int errcode = json.path("errcode").asInt(-1);
      String reason = "token errcode " + errcode + ": " + json.path("errmsg").asText(reply.excerpt());
      throw new TokenException(switch (errcode) {
        case 45009, 45011 -> DeliveryResult.throttled(reason, null);
        case -1 -> DeliveryResult.failed(Failure.PROVIDER_ERROR, reason);
        // Wrong AppID or AppSecret (40013, 40125), IP not allowed (40164): nothing was sent.
        default -> reply.status() >= 500 ? DeliveryResult.failed(Failure.PROVIDER_ERROR, reason)
            : DeliveryResult.failed(Failure.AUTHENTICATION, reason);
      });
    }
    token = fetched;
    refreshAt = clock.instant().plusSeconds(json.path("expires_in").asLong(7200)).minus(EARLY);
  }
}
