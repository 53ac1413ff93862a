package io.engage.connectors.sms;

import io.engage.connectors.Channel;
import io.engage.connectors.ChannelConnector;
import io.engage.connectors.DeliveryResult;
import io.engage.connectors.OutboundMessage;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The embedded default's SMS provider: accepts messages to plausible phone numbers (E.164-like:
 * an optional +, then 6 to 15 digits, no spaces) and keeps the newest ones in memory so people can
 * read what was sent. Thread-safe. Real SMPP and HTTP gateways replace it in production.
 */
public final class LocalSmsSink implements ChannelConnector {

  private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{6,15}");
  private final int capacity;
  private final Deque<SinkedSms> messages = new ArrayDeque<>();

  public record SinkedSms(String providerMessageId, String recipient, String text, Instant at, String idempotencyKey) {}

  public LocalSmsSink() {
    this(1_000);
  }

  public LocalSmsSink(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
  }

  @Override
  public Channel channel() {
    return Channel.SMS;
  }

  @Override
  public String provider() {
    return "local-sms-sink";
  }

  @Override
  public DeliveryResult send(OutboundMessage message) {
    if (message.recipient() == null || !PHONE.matcher(message.recipient()).matches()) {
      return DeliveryResult.invalidRecipient("invalid phone number");
    }
    // An empty SMS means the template rendered nothing: a retry would send nothing again.
    if (message.textBody() == null || message.textBody().isBlank()) {
      return DeliveryResult.permanentFailure("empty text");
    }
    SinkedSms sms = new SinkedSms("local-" + UUID.randomUUID(), message.recipient(), message.textBody(), Instant.now(),
        message.idempotencyKey());
    synchronized (messages) {
      messages.addFirst(sms);
      while (messages.size() > capacity) {
        messages.removeLast();
      }
    }
    return DeliveryResult.sent(sms.providerMessageId());
  }

  /** Newest first. */
  public List<SinkedSms> messages() {
    synchronized (messages) {
      return new ArrayList<>(messages);
    }
  }

  public void clear() {
    synchronized (messages) {
      messages.clear();
    }
  }
}
