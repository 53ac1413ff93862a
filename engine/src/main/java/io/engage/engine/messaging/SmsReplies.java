package io.engage.engine.messaging;

import io.engage.connectors.sms.InboundSms;
import io.engage.connectors.sms.InboundSmsListener;
import io.engage.engine.customer.Customers;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Unsubscribe by reply: a text of just T, TD, 退订, STOP or UNSUBSCRIBE (any case, surrounding
 * spaces and punctuation ignored) withdraws SMS consent of every live profile with the sender's
 * number, at once, as {@code unsubscribe:sms-reply}; it is recorded as {@code consent.withdrawn}.
 * Other replies are not stored (they are personal and nobody reads them here).
 */
@Component
class SmsReplies implements InboundSmsListener {

  static final Set<String> KEYWORDS = Set.of("T", "TD", "退订", "STOP", "UNSUBSCRIBE");
  static final String SOURCE = DeliveryPolicy.UNSUBSCRIBE_SOURCE + "sms-reply";
  private static final Logger log = LoggerFactory.getLogger(SmsReplies.class);

  private final Customers customers;
  private final MessageMapper mapper;
  private final TransactionTemplate transactions;
  private final Clock clock;

  SmsReplies(Customers customers, MessageMapper mapper, TransactionTemplate transactions, Clock clock) {
    this.customers = customers;
    this.mapper = mapper;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public void onInbound(InboundSms sms) {
    if (!isUnsubscribe(sms.text())) {
      return;
    }
    int withdrawn = transactions.execute(status -> withdraw(sms.from()));
    log.info("Unsubscribe by SMS reply via {}: SMS consent withdrawn for {} profile(s)", sms.provider(), withdrawn);
  }

  static boolean isUnsubscribe(String text) {
    if (text == null) {
      return false;
    }
    String word = text.replaceAll("^[\\s\\p{Punct}\\u3000-\\u303F\\uFF01-\\uFF0F]+|[\\s\\p{Punct}\\u3000-\\u303F\\uFF01-\\uFF0F]+$", "")
        .toUpperCase(Locale.ROOT);
    return KEYWORDS.contains(word);
  }

  private int withdraw(String from) {
    Instant now = clock.instant();
    int count = 0;
    for (String number : variants(from)) {
      for (String customerId : customers.withPhone(number)) {
        customers.recordConsent(customerId, "SMS", false, SOURCE, now);
        mapper.insertEvent(new MessageEvent(0, customerId, null, MessageEvent.CONSENT_WITHDRAWN, "sms", now));
        count++;
      }
    }
    return count;
  }

  /** The number as sent and with or without the international "+": profiles store either. */
  private static Set<String> variants(String from) {
    Set<String> numbers = new LinkedHashSet<>();
    String number = from == null ? "" : from.strip();
    if (number.isEmpty()) {
      return numbers;
    }
    numbers.add(number);
    numbers.add(number.startsWith("+") ? number.substring(1) : "+" + number);
    return numbers;
  }
}
