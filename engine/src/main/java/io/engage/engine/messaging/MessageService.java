package io.engage.engine.messaging;

import io.engage.connectors.Channel;
import io.engage.connectors.ChannelConnector;
import io.engage.connectors.DeliveryResult;
import io.engage.connectors.OutboundMessage;
import io.engage.connectors.template.LiquidTemplateRenderer;
import io.engage.connectors.template.MessageTemplate;
import io.engage.connectors.template.RenderedMessage;
import io.engage.engine.customer.Customer;
import io.engage.engine.customer.Customers;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends one message exactly once per idempotency key: the message row is created first and locked
 * while sending, and a key whose message is already settled (sent, suppressed, failed) sends
 * nothing again.
 *
 * <p>One window remains: a crash after the provider accepted the message but before the commit
 * sends it again on retry. The email Message-ID is derived from the key so receivers can drop it.
 */
@Service
public class MessageService {

  public static final String MARKETING = "marketing";

  private final MessageMapper mapper;
  private final Customers customers;
  private final TemplateCatalog templates;
  private final LiquidTemplateRenderer renderer;
  private final Map<Channel, ChannelConnector> connectors = new EnumMap<>(Channel.class);
  private final MeterRegistry meters;

  MessageService(MessageMapper mapper, Customers customers, TemplateCatalog templates, LiquidTemplateRenderer renderer,
      List<ChannelConnector> connectors, MeterRegistry meters) {
    this.mapper = mapper;
    this.customers = customers;
    this.templates = templates;
    this.renderer = renderer;
    this.meters = meters;
    connectors.forEach(connector -> this.connectors.put(connector.channel(), connector));
  }

  /**
   * Sends (or suppresses, with the reason) the message and returns its final state.
   *
   * @throws TransientDeliveryException when the provider failed for now; the message stays queued
   *     and a retry with the same key sends it
   */
  @Transactional(noRollbackFor = TransientDeliveryException.class)
  public Message send(SendRequest request, boolean lastAttempt) {
    Channel channel = Channel.valueOf(request.channel().toUpperCase());
    mapper.insertIfAbsent(new Message(0, request.idempotencyKey(), request.customerId(), channel.name(),
        request.template(), request.category(), null, null, Message.QUEUED, null, null, request.journey(),
        request.processInstanceKey(), request.elementId(), 0, Instant.now(), null));
    Message message = mapper.findByKeyForUpdate(request.idempotencyKey());
    if (message.settled()) {
      return message;
    }
    Customer customer = customers.find(request.customerId()).orElse(null);
    if (customer == null) {
      return settle(message, Message.SUPPRESSED, "unknown customer", null, null, null);
    }
    String recipient = switch (channel) {
      case EMAIL -> customer.email();
      case SMS -> customer.phone();
      default -> null;
    };
    if (recipient == null || recipient.isBlank()) {
      return settle(message, Message.SUPPRESSED, "no " + channel.name().toLowerCase() + " address", null, null, null);
    }
    if (MARKETING.equals(request.category()) && !customers.hasConsent(customer.id(), channel.name())) {
      return settle(message, Message.SUPPRESSED, "no consent for " + channel.name().toLowerCase(), recipient, null, null);
    }
    ChannelConnector connector = connectors.get(channel);
    if (connector == null) {
      return settle(message, Message.FAILED, "no connector configured for " + channel, recipient, null, null);
    }
    MessageTemplate template = templates.find(request.template(), customer.locale())
        .orElseThrow(() -> new IllegalStateException("No template '" + request.template() + "'"));
    RenderedMessage rendered = renderer.render(template, model(customer));
    DeliveryResult result = connector.send(new OutboundMessage(request.idempotencyKey(), channel, recipient,
        rendered.subject(), rendered.text(), channel == Channel.EMAIL ? rendered.html() : null, Map.of()));
    return switch (result.outcome()) {
      case SENT -> settle(message, Message.SENT, null, recipient, rendered.subject(), result.providerMessageId());
      case PERMANENT_FAILURE -> settle(message, Message.FAILED, result.reason(), recipient, rendered.subject(), null);
      case TRANSIENT_FAILURE -> {
        if (lastAttempt) {
          yield settle(message, Message.FAILED, "gave up after retries: " + result.reason(), recipient, rendered.subject(), null);
        }
        mapper.recordFailedAttempt(message.id(), result.reason());
        meters.counter("engage.messages", "channel", channel.name(), "status", "retry").increment();
        throw new TransientDeliveryException(result.reason());
      }
    };
  }

  private Message settle(Message message, String status, String reason, String recipient, String subject, String providerId) {
    Instant sentAt = Message.SENT.equals(status) ? Instant.now() : null;
    mapper.settle(message.id(), status, reason, recipient, subject, providerId, sentAt);
    meters.counter("engage.messages", "channel", message.channel(), "status", status).increment();
    return mapper.findByKeyForUpdate(message.idempotencyKey());
  }

  /** Only plain values reach templates: they cannot call into Java objects. */
  private static Map<String, Object> model(Customer customer) {
    Map<String, Object> c = new HashMap<>();
    c.put("id", customer.id());
    c.put("name", customer.name());
    c.put("tier", customer.tier());
    c.put("locale", customer.locale());
    c.put("referralCode", customer.referralCode());
    return Map.of("customer", c);
  }
}
