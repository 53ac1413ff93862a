package io.engage.engine.messaging;

import java.util.List;
import org.springframework.stereotype.Service;

/** The messaging feature's public read API. */
@Service
public class MessageHistory {

  private final MessageMapper mapper;

  MessageHistory(MessageMapper mapper) {
    this.mapper = mapper;
  }

  public List<Message> forCustomer(String customerId, int limit) {
    return mapper.findByCustomer(customerId, limit);
  }
}
