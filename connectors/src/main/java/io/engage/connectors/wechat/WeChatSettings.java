package io.engage.connectors.wechat;

import java.time.Duration;
import java.util.Objects;

/**
 * A WeChat Official Account (a service account with template messages).
 *
 * @param name the provider name recorded with attempts
 * @param baseUrl {@code https://api.weixin.qq.com} (null), or a test stub
 * @param appId the account's AppID
 * @param appSecret the account's AppSecret; this server's IP must be on the account's allow list
 */
public record WeChatSettings(String name, String baseUrl, String appId, String appSecret, Duration connectTimeout,
    Duration requestTimeout) {

  public WeChatSettings {
    name = name == null || name.isBlank() ? "wechat" : name;
    baseUrl = baseUrl == null ? "https://api.weixin.qq.com" : baseUrl.replaceAll("/+$", "");
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(appSecret, "appSecret");
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
    requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
  }

  @Override
  public String toString() {
    return "WeChatSettings[" + name + " " + baseUrl + ", appId=" + appId + "]";
  }
}
