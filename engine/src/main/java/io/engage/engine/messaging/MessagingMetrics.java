package io.engage.engine.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Messaging's Micrometer meters: {@code engage.messages} by channel and status (each settled
 * message, and receipts), {@code engage.message.attempts} by provider and outcome with their
 * duration, and {@code engage.message.deferrals} by reason (quiet hours, retry).
 */
@Component
class MessagingMetrics {

  private final MeterRegistry meters;

  MessagingMetrics(MeterRegistry meters) {
    this.meters = meters;
  }

  void settled(String channel, String status) {
    meters.counter("engage.messages", "channel", lower(channel), "status", status).increment();
  }

  void attempt(String provider, String outcome, Duration duration) {
    meters.counter("engage.message.attempts", "provider", provider, "outcome", outcome).increment();
    Timer.builder("engage.message.attempt.duration").tag("provider", provider).register(meters).record(duration);
  }

  void deferred(String reason) {
    meters.counter("engage.message.deferrals", "reason", reason).increment();
  }

  private static String lower(String channel) {
    return channel == null ? "none" : channel.toLowerCase(Locale.ROOT);
  }
}
