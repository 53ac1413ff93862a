package io.engage.connectors.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.engage.connectors.http.JsonHttp;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * OAuth2 access tokens for a Google service account (the JWT bearer grant of RFC 7523): a JWT
 * signed with the account's RSA key (SHA256withRSA, by the JDK) is exchanged at the token endpoint,
 * and the token is kept until a minute before it expires. Concurrent callers share one fetch.
 */
final class GoogleAccessTokens {

  static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
  private static final Duration EARLY = Duration.ofMinutes(1);

  /** Why no token could be had; {@code refused} when the endpoint said no (credentials). */
  static final class TokenException extends Exception {
    final boolean refused;

    TokenException(String message, boolean refused, Throwable cause) {
      super(message, cause);
      this.refused = refused;
    }
  }

  private final String clientEmail;
  private final String keyId;
  private final PrivateKey key;
  private final URI tokenUri;
  private final JsonHttp http;
  private final Clock clock;
  private String token;
  private Instant expiresAt = Instant.MIN;

  GoogleAccessTokens(JsonNode account, String tokenUrl, JsonHttp http, Clock clock) {
    this.clientEmail = required(account, "client_email");
    this.keyId = account.path("private_key_id").asText(null);
    this.key = privateKey(required(account, "private_key"));
    this.tokenUri = URI.create(tokenUrl != null ? tokenUrl : required(account, "token_uri"));
    this.http = http;
    this.clock = clock;
  }

  static JsonNode parse(String serviceAccountJson) {
    try {
      return JsonHttp.MAPPER.readTree(serviceAccountJson);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("service account JSON does not parse: " + e.getOriginalMessage());
    }
  }

  /** A valid token, fetched if there is none or it is about to expire. */
  synchronized String token() throws TokenException {
    if (token == null || !clock.instant().isBefore(expiresAt.minus(EARLY))) {
      fetch();
    }
    return token;
  }

  /** Forgets {@code rejected} (the send endpoint refused it) unless a newer one replaced it. */
  synchronized void invalidate(String rejected) {
    if (rejected.equals(token)) {
      token = null;
    }
  }

  private void fetch() throws TokenException {
    Instant now = clock.instant();
    String form = "grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
        + "&assertion=" + assertion(now);
    JsonHttp.Reply reply;
    try {
      reply = http.postForm(tokenUri, form);
    } catch (IOException e) {
      throw new TokenException("token endpoint: " + e, false, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TokenException("interrupted fetching a token", false, e);
    }
    JsonNode json = reply.json();
    String fetched = json.path("access_token").asText(null);
    if (!reply.ok() || fetched == null) {
      throw new TokenException("token endpoint: " + reply.excerpt(), reply.status() >= 400 && reply.status() < 500, null);
    }
    token = fetched;
    expiresAt = now.plusSeconds(json.path("expires_in").asLong(3600));
  }

  private String assertion(Instant now) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    var header = JsonHttp.object().put("alg", "RS256").put("typ", "JWT");
    if (keyId != null) {
      header.put("kid", keyId);
    }
    var claims = JsonHttp.object().put("iss", clientEmail).put("scope", SCOPE).put("aud", tokenUri.toString())
        .put("iat", now.getEpochSecond()).put("exp", now.plusSeconds(3600).getEpochSecond());
    String signingInput = b64.encodeToString(JsonHttp.json(header).getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(JsonHttp.json(claims).getBytes(StandardCharsets.UTF_8));
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(key);
      signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + b64.encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign the token request", e);
    }
  }

  private static PrivateKey privateKey(String pem) {
    String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("service account private_key is not a PKCS#8 RSA key", e);
    }
  }

  private static String required(JsonNode account, String field) {
    String value = account.path(field).asText(null);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("service account JSON lacks " + field);
    }
    return value;
  }
}
