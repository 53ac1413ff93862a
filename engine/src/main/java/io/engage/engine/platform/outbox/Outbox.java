package io.engage.engine.platform.outbox;

import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Queues work for an event in the caller's transaction; the relay picks it up after commit. */
@Component
public class Outbox {

  private final OutboxMapper mapper;
  private final OutboxRelay relay;

  Outbox(OutboxMapper mapper, OutboxRelay relay) {
    this.mapper = mapper;
    this.relay = relay;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void enqueue(String topic, String eventId) {
    mapper.insert(topic, eventId, Instant.now());
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          relay.wakeUp();
        }
      });
    }
  }
}
