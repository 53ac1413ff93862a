package io.engage.engine.messaging;

import io.engage.connectors.Channel;
import io.engage.connectors.OutboundMessage;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The links a message carries back to Engage: unsubscribe (List-Unsubscribe header and
 * {@code links.unsubscribe} in templates), the open pixel and click redirects. Interim: the signed
 * links come with the connectors' link signer; until then messages carry none.
 */
@Component
class MessageLinks {

  Map<String, Object> templateLinks(Message message, Channel channel) {
    return Map.of();
  }

  /** Links as a preview shows them: the shape of the real ones, pointing nowhere. */
  Map<String, Object> previewLinks(Channel channel) {
    return Map.of();
  }

  OutboundMessage email(Message message, OutboundMessage outbound) {
    return outbound;
  }
}
