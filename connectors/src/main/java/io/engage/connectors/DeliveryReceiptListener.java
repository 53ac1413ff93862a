package io.engage.connectors;

/**
 * Receives delivery receipts from connectors whose providers report later (SMPP deliver_sm, HTTP
 * gateway callbacks). Called on the connector's own threads: implementations must be thread-safe
 * and quick (record and return); an exception is logged and the receipt still acknowledged to the
 * provider, so store it durably before returning if it matters.
 *
 * <p>A receipt can arrive before {@code send} has returned the provider message id it names (a
 * fast SMSC answers within milliseconds): keep receipts for ids not known yet and match them when
 * the send is recorded.
 */
@FunctionalInterface
public interface DeliveryReceiptListener {

  void onReceipt(DeliveryReceipt receipt);

  DeliveryReceiptListener IGNORE = receipt -> { };
}
