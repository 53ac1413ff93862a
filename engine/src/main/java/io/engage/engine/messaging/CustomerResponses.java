package io.engage.engine.messaging;

import io.engage.connectors.email.TrackedLink;
import io.engage.engine.customer.Customers;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What customers do with their messages, from the verified links: opens and clicks become
 * customer events, an unsubscribe withdraws consent on the channel at once (the next marketing
 * send is suppressed "unsubscribed") and is recorded as {@code consent.withdrawn}.
 */
@Component
class CustomerResponses {

  private final MessageMapper mapper;
  private final Customers customers;
  private final Clock clock;

  CustomerResponses(MessageMapper mapper, Customers customers, Clock clock) {
    this.mapper = mapper;
    this.customers = customers;
    this.clock = clock;
  }

  @Transactional
  void opened(TrackedLink link) {
    record(link, MessageEvent.OPENED, null);
  }

  @Transactional
  void clicked(TrackedLink link) {
    record(link, MessageEvent.CLICKED, link.target());
  }

  /** Returns false when the customer no longer exists (nothing to unsubscribe). */
  @Transactional
  boolean unsubscribed(TrackedLink link) {
    if (customers.find(link.customerId()).isEmpty()) {
      return false;
    }
    Optional<Message> message = Optional.ofNullable(mapper.findByKey(link.messageKey()));
    String source = DeliveryPolicy.UNSUBSCRIBE_SOURCE + message.map(m -> "message-" + m.id()).orElse("link");
    customers.recordConsent(link.customerId(), link.channel().name(), false, source, clock.instant());
    record(link, MessageEvent.CONSENT_WITHDRAWN, link.channel().name().toLowerCase());
    return true;
  }

  private void record(TrackedLink link, String type, String detail) {
    Message message = mapper.findByKey(link.messageKey());
    String shortened = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
    mapper.insertEvent(new MessageEvent(0, link.customerId(), message == null ? null : message.id(), type, shortened,
        clock.instant()));
  }
}
