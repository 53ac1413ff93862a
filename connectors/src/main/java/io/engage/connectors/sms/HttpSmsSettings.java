package io.engage.connectors.sms;

import java.time.Duration;
import java.util.Objects;

/**
 * An HTTP SMS gateway speaking the signed JSON API described in {@code connectors/README.md}.
 *
 * @param name the provider name recorded with attempts and receipts
 * @param baseUrl e.g. {@code https://sms.example.com}; messages go to {@code baseUrl + "/v1/sms"}
 * @param accessKeyId sent in {@code X-Engage-Key}
 * @param accessKeySecret the HMAC-SHA256 key for request and callback signatures
 * @param sender the sender id or number the gateway should use (null: the account's default)
 * @param callbackUrl where the gateway posts delivery receipts (null: no receipts)
 */
public record HttpSmsSettings(String name, String baseUrl, String accessKeyId, String accessKeySecret, String sender,
    String callbackUrl, Duration connectTimeout, Duration requestTimeout) {

  public HttpSmsSettings {
    name = name == null || name.isBlank() ? "http-sms" : name;
    Objects.requireNonNull(baseUrl, "baseUrl");
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(accessKeySecret, "accessKeySecret");
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
    requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
  }

  @Override
  public String toString() {
    return "HttpSmsSettings[" + name + " " + baseUrl + ", key=" + accessKeyId + "]";
  }
}
