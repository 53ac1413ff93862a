package io.engage.engine.messaging;

import java.util.List;
import org.springframework.stereotype.Service;

/** The messaging feature's public read API: what was sent to a customer, and what came of it. */
@Service
public class MessageHistory {

  private final MessageMapper mapper;

  MessageHistory(MessageMapper mapper) {
    this.mapper = mapper;
  }

  /** Every message sent or suppressed for the customer, newest first, with status and reason. */
  public List<Message> forCustomer(String customerId, int limit) {
    return mapper.findByCustomer(customerId, limit);
  }

  /** Opens, clicks, receipts, bounces and unsubscribes, newest first. */
  public List<MessageEvent> eventsForCustomer(String customerId, int limit) {
    return mapper.findEventsByCustomer(customerId, limit);
  }

  public List<MessageEvent> eventsForMessage(long messageId) {
    return mapper.findEventsByMessage(messageId);
  }

  /** Every provider call made for the message, in order. */
  public List<MessageAttempt> attempts(long messageId) {
    return mapper.findAttempts(messageId);
  }
}
