package io.engage.connectors;

import java.time.Instant;
import java.util.Objects;

/**
 * A provider's later word on a message it accepted: delivered to the handset / device, or not.
 * Matched by the engine on {@code (provider, providerMessageId)}, the id {@link DeliveryResult}
 * returned when the message was sent.
 *
 * @param reason the provider's status and error code for a failure (e.g. "UNDELIV err=001"); null
 *     when delivered
 */
public record DeliveryReceipt(Channel channel, String provider, String providerMessageId, Status status,
    String reason, Instant at) {

  public enum Status { DELIVERED, FAILED }

  public DeliveryReceipt {
    Objects.requireNonNull(providerMessageId, "providerMessageId");
    Objects.requireNonNull(status, "status");
    at = at == null ? Instant.now() : at;
  }
}
