package io.engage.connectors.email;

import io.engage.connectors.Channel;

/**
 * What a verified tracking link says: who, for which message, and (for a click) where to.
 *
 * @param target the original URL of a clicked link (redirect there); null for the other kinds
 */
public record TrackedLink(Kind kind, String customerId, Channel channel, String messageKey, String target) {

  public enum Kind {
    /** One-click unsubscribe (RFC 8058 POST, a GET from the body link, or the mailto subject). */
    UNSUBSCRIBE("u"),
    OPEN("o"),
    CLICK("c");

    private final String path;

    Kind(String path) {
      this.path = path;
    }

    /** The last path segment of this kind's links under the base URL. */
    public String path() {
      return path;
    }
  }
}
