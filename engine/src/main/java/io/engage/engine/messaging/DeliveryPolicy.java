package io.engage.engine.messaging;

import io.engage.connectors.Channel;
import io.engage.engine.customer.Consent;
import io.engage.engine.customer.Customer;
import io.engage.engine.customer.Customers;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Whether a customer's message goes out now, waits, or is suppressed, in this order: an address on
 * the channel (not a dead one); for marketing, consent on the channel and no unsubscribe; the
 * frequency cap across channels; quiet hours in the customer's time zone (the message waits for
 * the window to open, it is not dropped). Transactional messages need only an address.
 *
 * <p>{@code preferred} tries the customer's preferred channel first and then the others (email,
 * SMS, push, WeChat) until one can carry the message; when none can, the reason is the preferred
 * channel's.
 */
@Component
class DeliveryPolicy {

  static final String PREFERRED = "preferred";
  static final String UNSUBSCRIBE_SOURCE = "unsubscribe:";
  private static final List<Channel> FALLBACK_ORDER = List.of(Channel.EMAIL, Channel.SMS, Channel.PUSH, Channel.WECHAT);
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  private final Customers customers;
  private final ChannelAddresses addresses;
  private final MessageMapper messages;
  private final PolicySettings settings;
  private final Clock clock;

  DeliveryPolicy(Customers customers, ChannelAddresses addresses, MessageMapper messages, PolicySettings settings,
      Clock clock) {
    this.customers = customers;
    this.addresses = addresses;
    this.messages = messages;
    this.settings = settings;
    this.clock = clock;
  }

  sealed interface Decision permits Send, Suppress, Wait {
    Channel channel();
  }

  record Send(Channel channel, List<ChannelAddresses.Address> to) implements Decision {}

  record Suppress(Channel channel, String reason) implements Decision {}

  record Wait(Channel channel, String reason, Instant until) implements Decision {}

  /**
   * Decides for a message to a known customer. For marketing the caller holds the customer's
   * messaging lock, so the cap count cannot change under it.
   */
  Decision decide(Message message, Customer customer) {
    return decide(message.requestedChannel(), message.marketing(), customer, clock.instant(),
        since -> messages.countMarketingSentSince(customer.id(), since, message.id()));
  }

  /**
   * The same decision for a message that is not stored (a journey preview): at {@code now}, with
   * {@code sentSince} counting the marketing messages that went out since a given instant.
   */
  Decision decide(String requestedChannel, boolean marketing, Customer customer, Instant now,
      Function<Instant, Long> sentSince) {
    List<Consent> consents = marketing ? customers.consents(customer.id()) : List.of();
    Decision first = null;
    for (Channel channel : channels(requestedChannel, customer)) {
      Decision decision = reachable(customer, channel, marketing, consents);
      if (decision instanceof Send) {
        return marketing ? capAndQuietHours(customer, (Send) decision, now, sentSince) : decision;
      }
      first = first == null ? decision : first;
    }
    return first;
  }

  /** Marketing messages this customer was sent (really) since then, for a preview's cap count. */
  long marketingSentSince(String customerId, Instant since) {
    return messages.countMarketingSentSince(customerId, since, -1);
  }

  private List<Channel> channels(String requested, Customer customer) {
    if (!PREFERRED.equalsIgnoreCase(requested)) {
      return List.of(Channel.valueOf(requested.toUpperCase(Locale.ROOT)));
    }
    List<Channel> order = new ArrayList<>();
    preferred(customer).ifPresent(order::add);
    FALLBACK_ORDER.stream().filter(channel -> !order.contains(channel)).forEach(order::add);
    return order;
  }

  private static Optional<Channel> preferred(Customer customer) {
    try {
      return Optional.of(Channel.valueOf(customer.preferredChannel().toUpperCase(Locale.ROOT)));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private Decision reachable(Customer customer, Channel channel, boolean marketing, List<Consent> consents) {
    List<ChannelAddresses.Address> to = addresses.of(customer, channel);
    if (to.isEmpty()) {
      return new Suppress(channel, "no " + describe(channel));
    }
    List<ChannelAddresses.Address> usable = new ArrayList<>();
    String blocked = null;
    for (ChannelAddresses.Address address : to) {
      Optional<String> why = addresses.blocked(address);
      if (why.isEmpty()) {
        usable.add(address);
      } else {
        blocked = why.get();
      }
    }
    if (usable.isEmpty()) {
      return new Suppress(channel, "invalid address: " + blocked);
    }
    if (marketing) {
      Optional<Consent> consent = consents.stream().filter(c -> c.channel().equalsIgnoreCase(channel.name())).findFirst();
      if (consent.isPresent() && !consent.get().granted() && consent.get().source().startsWith(UNSUBSCRIBE_SOURCE)) {
        return new Suppress(channel, "unsubscribed from " + channel.name().toLowerCase(Locale.ROOT));
      }
      if (consent.isEmpty() || !consent.get().granted()) {
        return new Suppress(channel, "no consent for " + channel.name().toLowerCase(Locale.ROOT));
      }
    }
    return new Send(channel, usable);
  }

  private Decision capAndQuietHours(Customer customer, Send send, Instant now, Function<Instant, Long> sentSince) {
    PolicySettings.Policy policy = settings.current();
    if (policy.frequencyCapMaxMessages() > 0) {
      long sent = sentSince.apply(now.minus(policy.frequencyCapPeriod()));
      if (sent >= policy.frequencyCapMaxMessages()) {
        return new Suppress(send.channel(), "capped: " + sent + " marketing messages in " + describe(
            policy.frequencyCapPeriod()) + " (at most " + policy.frequencyCapMaxMessages() + ")");
      }
    }
    Optional<ZonedDateTime> quietUntil = policy.quietHours().endOf(now, MessageRenderer.zone(customer.timeZone()));
    if (quietUntil.isPresent()) {
      ZonedDateTime until = quietUntil.get();
      return new Wait(send.channel(), "quiet hours until " + LOCAL.format(until) + " " + until.getZone().getId(),
          until.toInstant());
    }
    return send;
  }

  private static String describe(java.time.Duration period) {
    return period.toHoursPart() == 0 && period.toMinutesPart() == 0 && period.toDays() > 0
        ? "the last " + period.toDays() + " days" : "the last " + period.toString().substring(2).toLowerCase();
  }

  private static String describe(Channel channel) {
    return switch (channel) {
      case EMAIL -> "email address";
      case SMS -> "phone number";
      case PUSH -> "active device for push";
      case WECHAT -> "WeChat openid";
    };
  }
}
