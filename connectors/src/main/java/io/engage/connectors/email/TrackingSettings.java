package io.engage.connectors.email;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Where tracking and unsubscribe links point, and the secrets that sign them.
 *
 * @param baseUrl the engine's public address for tracking, e.g. {@code https://engage.example.com/t};
 *     links are {@code baseUrl + "/u?t=..."} (unsubscribe), {@code "/o?t=..."} (open pixel) and
 *     {@code "/c?t=..."} (click redirect)
 * @param unsubscribeMailbox the address of the {@code mailto:} unsubscribe in List-Unsubscribe
 * @param secrets HMAC-SHA256 keys, at least 32 bytes each: the first signs, every one verifies, so a
 *     secret can be rotated without breaking links already in inboxes
 */
public record TrackingSettings(String baseUrl, String unsubscribeMailbox, List<String> secrets) {

  public TrackingSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    URI uri = URI.create(baseUrl);
    if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getQuery() != null) {
      throw new IllegalArgumentException("baseUrl must be an http(s) URL without a query: " + baseUrl);
    }
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    Objects.requireNonNull(unsubscribeMailbox, "unsubscribeMailbox");
    if (secrets == null || secrets.isEmpty()) {
      throw new IllegalArgumentException("at least one signing secret");
    }
    for (String secret : secrets) {
      if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
        throw new IllegalArgumentException("tracking secrets need at least 32 bytes");
      }
    }
    secrets = List.copyOf(secrets);
  }

  /** Keeps the secrets out of logs. */
  @Override
  public String toString() {
    return "TrackingSettings[" + baseUrl + ", mailbox=" + unsubscribeMailbox + ", secrets=" + secrets.size() + "]";
  }
}
