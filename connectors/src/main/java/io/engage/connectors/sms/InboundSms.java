package io.engage.connectors.sms;

import java.time.Instant;

/**
 * A text a handset sent to one of our numbers (mobile-originated), e.g. "TD" to unsubscribe.
 *
 * @param from the sender's number, international numbers with a leading {@code +}
 * @param to our number (or service code) it was sent to
 */
public record InboundSms(String provider, String from, String to, String text, Instant receivedAt) {}
