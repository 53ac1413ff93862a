package io.engage.engine.messaging;

import io.engage.connectors.DeliveryReceipt;
import io.engage.connectors.DeliveryReceiptListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery receipts from providers (SMPP deliver_sm, gateway callbacks) move a SENT message to
 * DELIVERED or FAILED, matched on (provider, provider message id). Each receipt is stored before
 * the provider is acknowledged; one that arrives before the send it reports on has committed (an
 * SMSC can answer within milliseconds) is applied by the dispatcher's next pass.
 */
@Component
class DeliveryReceipts implements DeliveryReceiptListener {

  private static final Logger log = LoggerFactory.getLogger(DeliveryReceipts.class);
  /** A receipt for a message we never sent (another system's, or lost) is given up after this. */
  private static final Duration KEEP_TRYING = Duration.ofDays(3);

  private final MessageMapper mapper;
  private final MessagingMetrics metrics;
  private final TransactionTemplate transactions;
  private final Clock clock;

  DeliveryReceipts(MessageMapper mapper, MessagingMetrics metrics, TransactionTemplate transactions, Clock clock) {
    this.mapper = mapper;
    this.metrics = metrics;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public void onReceipt(DeliveryReceipt receipt) {
    String status = receipt.status() == DeliveryReceipt.Status.DELIVERED ? Message.DELIVERED : Message.FAILED;
    String provider = receipt.provider() == null ? "" : receipt.provider();
    // Received now by this engine's clock: the provider's own clock may differ from ours.
    transactions.executeWithoutResult(tx -> mapper.insertReceipt(provider, receipt.providerMessageId(), status,
        truncate(receipt.reason()), clock.instant()));
    applyPending();
  }

  /** Applies stored receipts whose message is now known; returns how many were applied. */
  int applyPending() {
    Instant now = clock.instant();
    int applied = 0;
    for (MessageMapper.ReceiptRow receipt : mapper.findPendingReceipts(now.minus(KEEP_TRYING), 200)) {
      Boolean done = transactions.execute(tx -> apply(receipt, now));
      if (Boolean.TRUE.equals(done)) {
        applied++;
      }
    }
    return applied;
  }

  private boolean apply(MessageMapper.ReceiptRow receipt, Instant now) {
    Message message = mapper.findByProviderMessageId(receipt.provider(), receipt.providerMessageId());
    if (message == null) {
      return false; // the send that took this id has not committed yet, or it is not ours
    }
    if (mapper.applyReceipt(receipt.provider(), receipt.providerMessageId(), receipt.status(),
        Message.FAILED.equals(receipt.status()) ? receipt.reason() : null, receipt.receivedAt()) == 1) {
      metrics.settled(message.channel(), receipt.status());
      mapper.insertEvent(new MessageEvent(0, message.customerId(), message.id(),
          Message.DELIVERED.equals(receipt.status()) ? MessageEvent.DELIVERED : MessageEvent.DELIVERY_FAILED,
          receipt.reason(), receipt.receivedAt()));
    }
    mapper.markReceiptApplied(receipt.id(), now);
    log.debug("Receipt {} for message {} applied", receipt.status(), message.id());
    return true;
  }

  private static String truncate(String text) {
    return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
  }
}
