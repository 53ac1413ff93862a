package io.engage.connectors.push;

import java.time.Duration;
import java.util.Objects;

/**
 * A JPush-style push API ({@code POST /v3/push}, HTTP Basic appKey:masterSecret).
 *
 * @param name the provider name recorded with attempts
 * @param baseUrl {@code https://api.jpush.cn} (null), or a compatible service or stub
 * @param apnsProduction whether iOS devices get it through APNs production (false: sandbox)
 * @param timeToLive how long the service keeps it for an offline device (null: one day)
 */
public record JPushSettings(String name, String baseUrl, String appKey, String masterSecret, boolean apnsProduction,
    Duration timeToLive, Duration connectTimeout, Duration requestTimeout) {

  public JPushSettings {
    name = name == null || name.isBlank() ? "jpush" : name;
    baseUrl = baseUrl == null ? "https://api.jpush.cn" : baseUrl.replaceAll("/+$", "");
    Objects.requireNonNull(appKey, "appKey");
    Objects.requireNonNull(masterSecret, "masterSecret");
    timeToLive = timeToLive == null ? Duration.ofDays(1) : timeToLive;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
    requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
  }

  @Override
  public String toString() {
    return "JPushSettings[" + name + " " + baseUrl + ", appKey=" + appKey + "]";
  }
}
