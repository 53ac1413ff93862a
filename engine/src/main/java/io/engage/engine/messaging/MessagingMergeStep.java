package io.engage.engine.messaging;

import io.engage.engine.customer.CustomerMergeStep;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Messages, their events (opens, clicks, unsubscribes), devices and blocked addresses move to the survivor, so its history is whole and the frequency cap counts both profiles' sends; a WeChat binding moves unless the survivor has one. */
@Component
@Order(21)
class MessagingMergeStep implements CustomerMergeStep {

  private final MessageMapper mapper;

  MessagingMergeStep(MessageMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public String name() {
    return "messaging";
  }

  @Override
  public Map<String, Object> move(String mergedId, String survivorId) {
    Map<String, Object> moved = new LinkedHashMap<>();
    moved.put("messages", mapper.moveMessages(mergedId, survivorId));
    moved.put("messageEvents", mapper.moveEvents(mergedId, survivorId));
    moved.put("devices", mapper.moveDevices(mergedId, survivorId));
    moved.put("wechatBinding", mapper.moveWeChatBinding(mergedId, survivorId));
    moved.put("blockedAddresses", mapper.moveAddressBlocks(mergedId, survivorId));
    return moved;
  }
}
