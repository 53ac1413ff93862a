package io.engage.engine.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.engage.connectors.Channel;
import io.engage.connectors.DeliveryResult;
import io.engage.connectors.OutboundMessage;
import io.engage.connectors.policy.Delivery;
import io.engage.connectors.policy.DeliveryAttempt;
import io.engage.connectors.policy.DeliveryPipeline;
import io.engage.connectors.template.TemplateSyntaxException;
import io.engage.engine.customer.Customer;
import io.engage.engine.customer.Customers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One attempt at a queued message, in one transaction that holds the message's row lock from the
 * decision to the recorded outcome: a second delivery of the same job (or a second node) waits for
 * the lock and then finds the message settled, so nothing is sent twice. The policy is evaluated at
 * each attempt, so an unsubscribe between a deferral and the send still stops it.
 *
 * <p>One window remains, as in every system that calls a provider outside its database: a crash
 * after the provider accepted the message but before the commit makes the retry send it again.
 * Connectors pass the idempotency key to providers that recognise repeats (the email Message-ID,
 * the HTTP gateway's client reference, WeChat's client_msg_id, the APNs id).
 */
@Component
class MessageDelivery {

  private static final Logger log = LoggerFactory.getLogger(MessageDelivery.class);
  private static final TypeReference<Map<String, Object>> VARS = new TypeReference<>() {};
  private static final String JOURNEY = "journey";

  private final MessageMapper mapper;
  private final Customers customers;
  private final DeliveryPolicy policy;
  private final ChannelAddresses addresses;
  private final TemplateStore templates;
  private final MessageRenderer renderer;
  private final DeliveryRoutes routes;
  private final AttemptRecorder recorder;
  private final MessageLinks links;
  private final MessagingMetrics metrics;
  private final MessagingProperties properties;
  private final ChannelProperties channels;
  private final TransactionTemplate transactions;
  private final ObjectMapper json;
  private final Clock clock;

  MessageDelivery(MessageMapper mapper, Customers customers, DeliveryPolicy policy, ChannelAddresses addresses,
      TemplateStore templates, MessageRenderer renderer, DeliveryRoutes routes, AttemptRecorder recorder,
      MessageLinks links, MessagingMetrics metrics, MessagingProperties properties, ChannelProperties channels,
      TransactionTemplate transactions, ObjectMapper json, Clock clock) {
    this.mapper = mapper;
    this.customers = customers;
    this.policy = policy;
    this.addresses = addresses;
    this.templates = templates;
    this.renderer = renderer;
    this.routes = routes;
    this.recorder = recorder;
    this.links = links;
    this.metrics = metrics;
    this.properties = properties;
    this.channels = channels;
    this.transactions = transactions;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Where the message stands after the attempt. {@code problem} is set when a journey's message
   * cannot be sent until someone fixes the configuration (a missing template, a template that fails
   * to render, a channel without a provider); it stays queued with that reason. Other messages
   * with such a problem fail with it.
   */
  record Attempt(Message message, String problem) {
    boolean waiting() {
      return !message.settled();
    }
  }

  private static final class ConfigurationProblem extends RuntimeException {
    ConfigurationProblem(String message) {
      super(message);
    }
  }

  /** Attempts the message with this key now, unless it is settled or its next attempt is not due. */
  Attempt attempt(String idempotencyKey) {
    return transactions.execute(status -> attemptLocked(mapper.findByKeyForUpdate(idempotencyKey)));
  }

  /** The dispatcher's entry: skips a message another node is sending (empty). */
  Optional<Attempt> attemptIfFree(long id) {
    return Optional.ofNullable(transactions.execute(status -> {
      Message message = mapper.findByIdForUpdateSkipLocked(id);
      return message == null ? null : attemptLocked(message);
    }));
  }

  private Attempt attemptLocked(Message message) {
    if (message == null) {
      throw new IllegalStateException("no such message");
    }
    if (message.settled()) {
      return new Attempt(message, null);
    }
    Instant now = clock.instant();
    if (message.nextAttemptAt() != null && message.nextAttemptAt().isAfter(now)) {
      return new Attempt(message, null);
    }
    try {
      return new Attempt(Message.STAFF.equals(message.audience()) ? toStaff(message) : toCustomer(message), null);
    } catch (ConfigurationProblem problem) {
      log.warn("Message {} cannot be sent: {}", message.id(), problem.getMessage());
      if (!JOURNEY.equals(message.origin())) {
        // Nobody would resolve an incident for it: it fails, with the reason, for the caller to see.
        mapper.settle(message.id(), Message.FAILED, problem.getMessage(), message.channel(), message.recipient(), null,
            null, null, null, null, message.attempts(), null, now);
        metrics.settled(message.channel(), Message.FAILED);
        return new Attempt(reload(message), null);
      }
      // The journey's job fails towards an incident; resolving it (after the fix) tries again.
      Instant retry = now.plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);
      mapper.defer(message.id(), problem.getMessage(), message.channel(), message.attempts(), retry, now);
      return new Attempt(reload(message), problem.getMessage());
    }
  }

  private Message toCustomer(Message message) {
    Optional<Customer> found = customers.find(message.customerId());
    if (found.isEmpty()) {
      return suppress(message, message.channel(), "unknown customer");
    }
    Customer customer = found.get();
    if (message.marketing()) {
      mapper.lockCustomerRow(customer.id());
      mapper.lockCustomer(customer.id());
    }
    DeliveryPolicy.Decision decision = policy.decide(message, customer);
    return switch (decision) {
      case DeliveryPolicy.Suppress suppress -> suppress(message, suppress.channel().name(), suppress.reason());
      case DeliveryPolicy.Wait wait -> {
        metrics.deferred("quiet-hours");
        mapper.defer(message.id(), wait.reason(), wait.channel().name(), message.attempts(),
            ceilToSecond(wait.until()), clock.instant());
        yield reload(message);
      }
      case DeliveryPolicy.Send send -> {
        StoredTemplate template = template(message);
        String locale = customer.locale();
        TemplateVariant variant = variant(template, locale, send.channel());
        Map<String, Object> vars = vars(message);
        Map<String, Object> linkModel = links.templateLinks(message, send.channel());
        MessageRenderer.Rendered rendered = render(message.template(), variant,
            renderer.forCustomer(customer, vars, linkModel));
        yield deliver(message, customer.id(), send.channel(), send.to(), rendered, template.version(),
            variant.locale(), vars);
      }
    };
  }

  private Message toStaff(Message message) {
    StoredTemplate template = template(message);
    TemplateVariant variant = variant(template, properties.staff().locale(), Channel.EMAIL);
    Map<String, Object> vars = vars(message);
    MessageRenderer.Rendered rendered = render(message.template(), variant,
        renderer.forStaff(message.staffRole(), vars));
    ChannelAddresses.Address to = new ChannelAddresses.Address(Channel.EMAIL, message.recipient(), null, null);
    Optional<String> blocked = addresses.blocked(to);
    if (blocked.isPresent()) {
      return suppress(message, Channel.EMAIL.name(), "invalid address: " + blocked.get());
    }
    return deliver(message, null, Channel.EMAIL, List.of(to), rendered, template.version(), variant.locale(), vars);
  }

  /**
   * Sends to each address (push: each of the customer's active devices). The message is sent when
   * any address took it; it waits for a retry only when none did and one may still; otherwise it
   * failed with the first provider's reason. Addresses the provider called dead are marked.
   */
  private Message deliver(Message message, String customerId, Channel channel, List<ChannelAddresses.Address> to,
      MessageRenderer.Rendered rendered, int templateVersion, String locale, Map<String, Object> vars) {
    Delivery sent = null;
    Delivery retry = null;
    Delivery failed = null;
    ChannelAddresses.Address sentTo = null;
    int attempts = message.attempts();
    for (ChannelAddresses.Address address : to) {
      DeliveryPipeline pipeline = routes.forAddress(address)
          .orElseThrow(() -> new ConfigurationProblem("no provider configured for "
              + DeliveryRoutes.route(channel, address.platform()).toLowerCase()));
      OutboundMessage outbound = outbound(message, channel, address, to.size() > 1, rendered, vars);
      AttemptRecorder.Recorded<Delivery> recorded = recorder.record(() -> pipeline.deliver(outbound, message.attempts()));
      Delivery delivery = recorded.result();
      store(message, address, recorded.attempts());
      attempts = Math.max(attempts, delivery.attempts());
      switch (delivery.status()) {
        case SENT -> {
          if (sent == null) {
            sent = delivery;
            sentTo = address;
          }
        }
        case RETRY_LATER -> retry = retry == null || delivery.retryAfter().compareTo(retry.retryAfter()) < 0
            ? delivery : retry;
        case FAILED -> failed = failed == null ? delivery : failed;
      }
      for (DeliveryAttempt attempt : recorded.attempts()) {
        if (attempt.result().recipientDead()) {
          recipientDead(message, customerId, address, sanitize(attempt.result().reason(), address));
          break;
        }
      }
    }
    Instant now = clock.instant();
    if (sent != null) {
      String recipient = to.size() > 1 || channel == Channel.PUSH ? describe(to, sentTo) : sentTo.value();
      mapper.settle(message.id(), Message.SENT, null, channel.name(), recipient, rendered.subject(), locale,
          templateVersion, sent.provider(), sent.providerMessageId(), attempts, now, now);
      metrics.settled(channel.name(), Message.SENT);
      return reload(message);
    }
    if (retry != null) {
      metrics.deferred("retry");
      String reason = "retrying after " + retry.failure().name().toLowerCase().replace('_', ' ') + ": "
          + sanitize(retry.reason(), to.getFirst());
      mapper.defer(message.id(), reason, channel.name(), attempts, ceilToSecond(now.plus(retry.retryAfter())), now);
      return reload(message);
    }
    String recipient = to.size() > 1 || channel == Channel.PUSH ? describe(to, null) : to.getFirst().value();
    mapper.settle(message.id(), Message.FAILED, sanitize(failed.reason(), to.getFirst()), channel.name(), recipient,
        rendered.subject(), locale, templateVersion, failed.provider(), null, attempts, null, now);
    metrics.settled(channel.name(), Message.FAILED);
    return reload(message);
  }

  private OutboundMessage outbound(Message message, Channel channel, ChannelAddresses.Address address,
      boolean severalAddresses, MessageRenderer.Rendered rendered, Map<String, Object> vars) {
    // Each device gets its own key, so a provider that drops repeats does not drop the second device.
    String key = severalAddresses && address.ref() != null ? message.idempotencyKey() + "#" + address.ref()
        : message.idempotencyKey();
    return switch (channel) {
      case EMAIL -> links.email(message, OutboundMessage.email(key, address.value(), rendered.subject(), rendered.text(),
          rendered.html()));
      case SMS -> OutboundMessage.sms(key, address.value(), rendered.text());
      case PUSH -> OutboundMessage.push(key, address.value(), rendered.subject(), rendered.text(),
          Map.of("messageId", String.valueOf(message.id()), "template", message.template()), link(vars));
      case WECHAT -> OutboundMessage.wechat(key, address.value(), wechatTemplateId(message.template()),
          wechatFields(rendered), link(vars));
    };
  }

  private String wechatTemplateId(String template) {
    String id = channels.wechat().templates().getOrDefault(template, channels.wechat().defaultTemplateId());
    if (id == null || id.isBlank()) {
      throw new ConfigurationProblem("no WeChat template id for " + template
          + " (engage.channels.wechat.templates." + template + ")");
    }
    return id;
  }

  /** A variant's own fields, else the conventional first (title) and remark (body). */
  private static Map<String, String> wechatFields(MessageRenderer.Rendered rendered) {
    if (!rendered.fields().isEmpty()) {
      return rendered.fields();
    }
    Map<String, String> fields = new HashMap<>();
    if (rendered.subject() != null) {
      fields.put("first", rendered.subject());
    }
    if (rendered.text() != null) {
      fields.put("remark", rendered.text());
    }
    return fields;
  }

  private static String link(Map<String, Object> vars) {
    Object link = vars.get("link");
    return link instanceof String text && !text.isBlank() ? text : null;
  }

  private void recipientDead(Message message, String customerId, ChannelAddresses.Address address, String reason) {
    addresses.markDead(address, customerId, message.id(), reason);
    if (customerId != null && (address.channel() == Channel.EMAIL || address.channel() == Channel.SMS)) {
      // A hard bounce withdraws marketing consent too: the address must be confirmed again.
      customers.recordConsent(customerId, address.channel().name(), false, "bounce:message-" + message.id(),
          clock.instant());
    }
    mapper.insertEvent(new MessageEvent(0, customerId, message.id(), MessageEvent.BOUNCED,
        address.channel().name().toLowerCase() + (address.ref() == null ? "" : " " + address.ref()) + ": " + reason,
        clock.instant()));
  }

  private void store(Message message, ChannelAddresses.Address address, List<DeliveryAttempt> attempts) {
    for (DeliveryAttempt attempt : attempts) {
      DeliveryResult result = attempt.result();
      mapper.insertAttempt(new MessageAttempt(0, message.id(), attempt.attempt(), attempt.provider(), address.ref(),
          result.outcome().name(), result.failure().name(), sanitize(result.reason(), address),
          result.providerMessageId(), attempt.duration().toMillis(), attempt.startedAt()));
      metrics.attempt(attempt.provider(), result.outcome().name(), attempt.duration());
    }
  }

  private StoredTemplate template(Message message) {
    return templates.find(message.template())
        .orElseThrow(() -> new ConfigurationProblem("no template '" + message.template() + "'"));
  }

  private static TemplateVariant variant(StoredTemplate template, String locale, Channel channel) {
    return template.variantFor(locale, channel.name())
        .orElseThrow(() -> new ConfigurationProblem("template '" + template.key() + "' has no variant for "
            + locale + " or " + template.fallbackLocale()));
  }

  private MessageRenderer.Rendered render(String key, TemplateVariant variant, Map<String, Object> model) {
    try {
      return renderer.render(key, variant, model);
    } catch (TemplateSyntaxException | IllegalArgumentException e) {
      throw new ConfigurationProblem("template '" + key + "' (" + variant.locale() + ") failed to render: "
          + e.getMessage());
    }
  }

  /** Suppresses the queued messages of a journey instance (in the caller's transaction); returns how many. */
  int suppressQueuedOf(long processInstanceKey, String reason) {
    List<Message> queued = mapper.lockQueuedOfInstance(processInstanceKey);
    queued.forEach(message -> suppress(message, message.channel(), reason));
    return queued.size();
  }

  private Message suppress(Message message, String channel, String reason) {
    mapper.settle(message.id(), Message.SUPPRESSED, reason, channel, null, null, null, null, null, null,
        message.attempts(), null, clock.instant());
    metrics.settled(channel, Message.SUPPRESSED);
    return reload(message);
  }

  private Map<String, Object> vars(Message message) {
    MessageMapper.StoredVars row = mapper.findVars(message.id());
    String stored = row == null ? null : row.vars();
    if (stored == null) {
      return Map.of();
    }
    try {
      return json.readValue(stored, VARS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored vars of message " + message.id() + " are not JSON", e);
    }
  }

  private Message reload(Message message) {
    return mapper.findById(message.id());
  }

  /** "device:12 (of device:12, device:15)": which devices, never the tokens themselves. */
  private static String describe(List<ChannelAddresses.Address> to, ChannelAddresses.Address sentTo) {
    List<String> refs = new ArrayList<>();
    to.forEach(address -> refs.add(address.ref()));
    String all = String.join(", ", refs);
    return sentTo == null || to.size() == 1 ? all : sentTo.ref() + " (of " + all + ")";
  }

  /** Provider reasons sometimes quote the address; the reason is shown to staff, the address is not. */
  private static String sanitize(String reason, ChannelAddresses.Address address) {
    if (reason == null) {
      return null;
    }
    String clean = address.value() == null ? reason : reason.replace(address.value(), "<recipient>");
    return clean.length() <= 1000 ? clean : clean.substring(0, 1000);
  }

  /** MariaDB through mysql-connector-j may drop fractions of a second: never store a time early. */
  private static Instant ceilToSecond(Instant at) {
    Instant truncated = at.truncatedTo(ChronoUnit.SECONDS);
    return truncated.equals(at) ? at : truncated.plusSeconds(1);
  }
}
