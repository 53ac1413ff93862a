package io.engage.engine.journey;

import io.camunda.client.CamundaClient;
import io.engage.engine.event.Events;
import io.engage.engine.platform.outbox.OutboxHandler;
import io.engage.engine.platform.zeebe.ZeebeAnswers;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Publishes each stored event to Zeebe as the message the journey contract names (see
 * {@link JourneyMessage}): it starts journeys listening for it or moves waiting instances on.
 * Runs from the outbox, so while Zeebe is unreachable events queue up and are published when it
 * is back.
 *
 * <p>The message id is the event id: Zeebe drops a second publish with the same id while the first
 * is buffered, which covers a retry after a lost acknowledgement.
 */
@Component
class JourneyBridge implements OutboxHandler {

  private static final Logger log = LoggerFactory.getLogger(JourneyBridge.class);

  private final CamundaClient zeebe;
  private final Events events;
  private final JourneyProperties properties;

  JourneyBridge(CamundaClient zeebe, Events events, JourneyProperties properties) {
    this.zeebe = zeebe;
    this.events = events;
    this.properties = properties;
  }

  @Override
  public String topic() {
    return Events.JOURNEY_TOPIC;
  }

  @Override
  public boolean parksAfterRepeatedFailures() {
    return false;
  }

  @Override
  public void handle(String eventId) throws Exception {
    publish(zeebe, JourneyMessage.of(events.get(eventId)), properties);
  }

  /**
   * Publishes once: ALREADY_EXISTS means an earlier attempt (whose acknowledgement was lost, or
   * that timed out here after Zeebe took it) is buffered under the same message id, which is the
   * success the outbox waits for, not a failure to retry.
   */
  static void publish(CamundaClient zeebe, JourneyMessage message, JourneyProperties properties) throws Exception {
    try {
      zeebe.newPublishMessageCommand()
          .messageName(message.name())
          .correlationKey(message.correlationKey())
          .messageId(message.messageId())
          .timeToLive(properties.messageTtl())
          .variables(message.variables())
          .send()
          .get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!ZeebeAnswers.isDuplicateMessage(e)) {
        throw e;
      }
      log.debug("Message {} for {} already published", message.messageId(), message.name());
    }
  }
}
