package io.engage.connectors.email;

import io.engage.connectors.Channel;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies the links in a message: one-click unsubscribe, open pixel, click redirect.
 *
 * <p>A link carries one token, {@code t = base64url(payload) "." base64url(HMAC-SHA256(secret,
 * payload))}, where the payload is kind, customer id, channel, message key and (for clicks) the
 * target URL, joined by newlines. The signature covers all of them, so a token cannot be turned
 * into another kind, another customer's unsubscribe, or a redirect to a URL Engage did not put in
 * the message (no open redirect). The payload is signed, not encrypted: it holds ids and the
 * message's own link, no personal data. Thread-safe.
 */
public final class TrackingLinks {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();

  private final TrackingSettings settings;
  private final List<SecretKeySpec> keys;

  public TrackingLinks(TrackingSettings settings) {
    this.settings = settings;
    List<SecretKeySpec> keys = new ArrayList<>();
    for (String secret : settings.secrets()) {
      keys.add(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }
    this.keys = List.copyOf(keys);
  }

  public TrackingSettings settings() {
    return settings;
  }

  /** The token of a link; the engine's endpoints take it from the {@code t} query parameter. */
  public String token(TrackedLink link) {
    byte[] payload = payload(link).getBytes(StandardCharsets.UTF_8);
    return B64.encodeToString(payload) + "." + B64.encodeToString(mac(keys.getFirst(), payload));
  }

  public String url(TrackedLink link) {
    return settings.baseUrl() + "/" + link.kind().path() + "?t=" + token(link);
  }

  public String unsubscribeUrl(String customerId, Channel channel, String messageKey) {
    return url(new TrackedLink(TrackedLink.Kind.UNSUBSCRIBE, customerId, channel, messageKey, null));
  }

  public String openPixelUrl(String customerId, String messageKey) {
    return url(new TrackedLink(TrackedLink.Kind.OPEN, customerId, Channel.EMAIL, messageKey, null));
  }

  public String clickUrl(String customerId, String messageKey, String target) {
    return url(new TrackedLink(TrackedLink.Kind.CLICK, customerId, Channel.EMAIL, messageKey, target));
  }

  /** Whether a URL is one of ours (so it is not wrapped again). */
  public boolean isTrackingUrl(String url) {
    return url.startsWith(settings.baseUrl() + "/");
  }

  /**
   * The link a token stands for, if any current secret signed it and it is of the expected kind;
   * empty for a forged, altered, truncated or other-kind token.
   */
  public Optional<TrackedLink> verify(String token, TrackedLink.Kind expected) {
    if (token == null) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot <= 0 || dot != token.lastIndexOf('.')) {
      return Optional.empty();
    }
    byte[] payload;
    byte[] signature;
    try {
      payload = B64_DECODE.decode(token.substring(0, dot));
      signature = B64_DECODE.decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    boolean signed = false;
    for (SecretKeySpec key : keys) {
      // Constant time, so the signature cannot be guessed byte by byte from response times.
      signed |= MessageDigest.isEqual(mac(key, payload), signature);
    }
    if (!signed) {
      return Optional.empty();
    }
    String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
    if (parts.length != 5 || !parts[0].equals(expected.path())) {
      return Optional.empty();
    }
    Channel channel;
    try {
      channel = Channel.valueOf(parts[2]);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.of(new TrackedLink(expected, parts[1], channel, parts[3], parts[4].isEmpty() ? null : parts[4]));
  }

  private static String payload(TrackedLink link) {
    for (String part : new String[] {link.customerId(), link.messageKey(), link.target()}) {
      if (part != null && part.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("link parts cannot hold a line break");
      }
    }
    return link.kind().path() + "\n" + nonNull(link.customerId()) + "\n" + link.channel().name() + "\n"
        + nonNull(link.messageKey()) + "\n" + (link.target() == null ? "" : link.target());
  }

  private static String nonNull(String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("customer id and message key are required");
    }
    return value;
  }

  private static byte[] mac(SecretKeySpec key, byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(payload);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every JVM ships HmacSHA256", e);
    }
  }
}
