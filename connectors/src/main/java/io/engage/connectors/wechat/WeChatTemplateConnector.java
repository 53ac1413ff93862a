package io.engage.connectors.wechat;

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
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * WeChat Official Account template messages ({@code POST /cgi-bin/message/template/send}) to a
 * follower's openid: the message's templateId, its {@code data} as the template's fields
 * ({@code {"keyword1": {"value": ...}}}) and its link as the page opened on tap.
 *
 * <p>The idempotency key goes along as {@code client_msg_id} (hashed): WeChat sends one message per
 * openid and client_msg_id within ten minutes. An access token WeChat calls invalid or expired
 * (40001, 40014, 42001) is fetched anew and the message sent once more. 43004 (not following) and
 * 43101 (refused) are the recipient's refusal, 40003 an unknown openid (dead), 45009 the daily quota
 * (throttled until midnight Beijing time), -1 "system busy" transient, other codes permanent.
 */
public final class WeChatTemplateConnector implements ChannelConnector {

  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private final WeChatSettings settings;
  private final JsonHttp http;
  private final WeChatAccessTokens tokens;
  private final Clock clock;

  public WeChatTemplateConnector(WeChatSettings settings) {
    this(settings, Clock.systemUTC());
  }

  WeChatTemplateConnector(WeChatSettings settings, Clock clock) {
    this.settings = settings;
    this.http = new JsonHttp(settings.connectTimeout(), settings.requestTimeout());
    this.tokens = new WeChatAccessTokens(settings, http, clock);
    this.clock = clock;
  }

  @Override
  public Channel channel() {
    return Channel.WECHAT;
  }

  @Override
  public String provider() {
    return settings.name();
  }

  @Override
  public DeliveryResult send(OutboundMessage message) {
    if (message.recipient() == null || message.recipient().isBlank()) {
      return DeliveryResult.invalidRecipient("no openid");
    }
    if (message.templateId() == null || message.templateId().isBlank()) {
      return DeliveryResult.permanentFailure("no template id");
    }
    ObjectNode body = JsonHttp.object().put("touser", message.recipient().strip())
        .put("template_id", message.templateId());
    if (message.link() != null) {
      body.put("url", message.link());
    }
    ObjectNode data = body.putObject("data");
    for (Map.Entry<String, String> field : message.data().entrySet()) {
      data.putObject(field.getKey()).put("value", field.getValue());
    }
    if (message.idempotencyKey() != null) {
      body.put("client_msg_id", JsonHttp.reference(message.idempotencyKey()));
    }
    return attempt(JsonHttp.json(body), true);
  }

  private DeliveryResult attempt(String body, boolean mayRenewToken) {
    String token;
    try {
      token = tokens.token();
    } catch (WeChatAccessTokens.TokenException e) {
      return e.result;
    }
    JsonHttp.Reply reply;
    try {
      reply = http.postJson(URI.create(settings.baseUrl() + "/cgi-bin/message/template/send?access_token=" + token), body);
    } catch (IOException e) {
      return DeliveryResult.failed(JsonHttp.failure(e, settings.name()).failure(),
          settings.name() + ": " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      return JsonHttp.interrupted(settings.name());
    }
    JsonNode json = reply.json();
    int errcode = json.path("errcode").asInt(reply.ok() && json.has("msgid") ? 0 : -1);
    if (errcode == 40001 || errcode == 40014 || errcode == 42001) {
      tokens.invalidate(token);
      if (mayRenewToken) {
        return attempt(body, false);
      }
    }
    return classify(errcode, json, reply, clock);
  }

  static DeliveryResult classify(int errcode, JsonNode json, JsonHttp.Reply reply, Clock clock) {
    if (errcode == 0) {
      return DeliveryResult.sent(json.path("msgid").asText());
    }
    String reason = "errcode " + errcode + ": " + json.path("errmsg").asText(reply.excerpt());
    return switch (errcode) {
      case 43004, 43101 -> DeliveryResult.failed(Failure.RECIPIENT_REFUSED, reason);
      case 40003 -> DeliveryResult.invalidRecipient(reason);
      case 45009 -> DeliveryResult.throttled(reason, untilMidnightInBeijing(clock));
      case 45011 -> DeliveryResult.throttled(reason, Duration.ofMinutes(1));
      case 40001, 40014, 42001 -> DeliveryResult.failed(Failure.AUTHENTICATION, reason);
      case -1 -> DeliveryResult.failed(Failure.PROVIDER_ERROR, reason);
      default -> reply.status() >= 500 ? DeliveryResult.failed(Failure.PROVIDER_ERROR, reason)
          : DeliveryResult.permanentFailure(reason);
    };
  }

  /** The daily API quota resets at midnight, China time. */
  private static Duration untilMidnightInBeijing(Clock clock) {
    ZonedDateTime now = clock.instant().atZone(BEIJING);
    ZonedDateTime midnight = LocalDate.from(now).plusDays(1).atStartOfDay(BEIJING);
    return Duration.between(now, midnight);
  }
}
