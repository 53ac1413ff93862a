package io.engage.connectors.sms;

import java.time.Duration;
import java.util.Objects;

/**
 * An SMSC reached over SMPP 3.4, bound as a transceiver (submits and receipts on one session).
 *
 * @param name the provider name recorded with attempts and receipts (e.g. "smpp-cmcc")
 * @param systemType sent in the bind; many SMSCs want it empty (null)
 * @param sourceAddress the sender: a short code or long number (digits, optional +) or an
 *     alphanumeric sender id
 * @param connectTimeout for the TCP connection and the bind response (null: 10 s)
 * @param responseTimeout how long to wait for a submit_sm_resp (null: 10 s)
 * @param enquireLinkInterval idle time after which enquire_link checks the link (null: 30 s)
 * @param reconnectDelay the first wait before a rebind after the link drops, doubling to a minute
 *     (null: 1 s)
 * @param requestDeliveryReceipts ask the SMSC for deliver_sm receipts (final status)
 */
public record SmppSettings(String name, String host, int port, String systemId, String password, String systemType,
    String sourceAddress, Duration connectTimeout, Duration responseTimeout, Duration enquireLinkInterval,
    Duration reconnectDelay, boolean requestDeliveryReceipts) {

  public SmppSettings {
    name = name == null || name.isBlank() ? "smpp" : name;
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(systemId, "systemId");
    Objects.requireNonNull(sourceAddress, "sourceAddress");
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("SMPP port out of range: " + port);
    }
    connectTimeout = orDefault(connectTimeout, Duration.ofSeconds(10));
    responseTimeout = orDefault(responseTimeout, Duration.ofSeconds(10));
    enquireLinkInterval = orDefault(enquireLinkInterval, Duration.ofSeconds(30));
    reconnectDelay = orDefault(reconnectDelay, Duration.ofSeconds(1));
  }

  private static Duration orDefault(Duration value, Duration fallback) {
    return value == null || value.isZero() || value.isNegative() ? fallback : value;
  }

  @Override
  public String toString() {
    return "SmppSettings[" + name + " " + host + ":" + port + ", systemId=" + systemId + ", source=" + sourceAddress
        + "]";
  }
}
