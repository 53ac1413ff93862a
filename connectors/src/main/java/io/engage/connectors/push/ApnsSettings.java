package io.engage.connectors.push;

import java.time.Duration;
import java.util.Objects;

/**
 * Apple Push Notification service over HTTP/2 with token authentication (a .p8 signing key).
 *
 * @param name the provider name recorded with attempts
 * @param host {@code api.push.apple.com} (production) or {@code api.sandbox.push.apple.com}
 * @param port 443 (or 2197)
 * @param topic the app's bundle id
 * @param signingKeyPem the contents of the .p8 file (PKCS#8 PEM of the EC key)
 * @param trustedServerCertificatePem CA certificates to trust instead of the JDK's (a private CA,
 *     or a test server); null for the JDK's trust store
 * @param concurrentConnections HTTP/2 connections to keep (each carries many streams)
 */
public record ApnsSettings(String name, String host, int port, String topic, String teamId, String keyId,
    String signingKeyPem, String trustedServerCertificatePem, Duration connectTimeout, Duration requestTimeout,
    int concurrentConnections) {

  public ApnsSettings {
    name = name == null || name.isBlank() ? "apns" : name;
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(teamId, "teamId");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(signingKeyPem, "signingKeyPem");
    port = port == 0 ? 443 : port;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
    requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
    concurrentConnections = Math.max(1, concurrentConnections);
  }

  @Override
  public String toString() {
    return "ApnsSettings[" + name + " " + host + ":" + port + ", topic=" + topic + ", team=" + teamId + ", key=" + keyId
        + "]";
  }
}
