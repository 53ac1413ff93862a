package io.engage.connectors.sms;

/**
 * Receives mobile-originated texts (SMPP deliver_sm that is not a receipt, an HTTP gateway's
 * inbound callback). Called on the connector's threads: be quick and thread-safe; the SMSC gets
 * its deliver_sm_resp after this returns, so store what matters before returning.
 */
@FunctionalInterface
public interface InboundSmsListener {

  void onInbound(InboundSms sms);

  InboundSmsListener IGNORE = sms -> { };
}
