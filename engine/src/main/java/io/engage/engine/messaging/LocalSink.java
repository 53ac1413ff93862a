package io.engage.engine.messaging;

import io.engage.connectors.Channel;
import io.engage.connectors.ChannelConnector;
import io.engage.connectors.DeliveryResult;
import io.engage.connectors.OutboundMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The embedded default's app push and WeChat provider: accepts every message that has a recipient
 * and a body, and keeps the newest ones in memory so people can read what was sent at
 * {@code /api/sinks/push} and {@code /api/sinks/wechat}. Real APNs, FCM, JPush and WeChat
 * connectors replace it by configuration. Thread-safe.
 */
final class LocalSink implements ChannelConnector {

  private static final int CAPACITY = 1_000;
  private final Channel channel;
  private final Clock clock;
  private final Deque<Sunk> messages = new ArrayDeque<>();

  /** What the sink received; for push the recipient is the device token, for WeChat the openid. */
  record Sunk(String providerMessageId, String recipient, String title, String text, Map<String, String> data,
      String link, String templateId, Instant at) {}

  LocalSink(Channel channel, Clock clock) {
    this.channel = channel;
    this.clock = clock;
  }

  @Override
  public Channel channel() {
    return channel;
  }

  @Override
  public String provider() {
    return "local-" + channel.name().toLowerCase() + "-sink";
  }

  @Override
  public DeliveryResult send(OutboundMessage message) {
    if (message.recipient() == null || message.recipient().isBlank()) {
      return DeliveryResult.invalidRecipient("no recipient");
    }
    boolean empty = channel == Channel.WECHAT ? message.data().isEmpty()
        : message.textBody() == null || message.textBody().isBlank();
    if (empty) {
      return DeliveryResult.permanentFailure("empty message");
    }
    Sunk sunk = new Sunk("local-" + UUID.randomUUID(), message.recipient(), message.subject(), message.textBody(),
        message.data(), message.link(), message.templateId(), clock.instant());
    synchronized (messages) {
      messages.addFirst(sunk);
      while (messages.size() > CAPACITY) {
        messages.removeLast();
      }
    }
    return DeliveryResult.sent(sunk.providerMessageId());
  }

  /** Newest first. */
  List<Sunk> messages() {
    synchronized (messages) {
      return new ArrayList<>(messages);
    }
  }
}
