package io.engage.engine.platform.limits;

import java.io.IOException;

/**
 * A request body went past its endpoint class's limit while being read. An IOException, so it
 * travels through whatever reads the stream (Jackson, a CSV reader, a file copy) to the error
 * handler, which answers 413.
 */
public class BodyTooLargeException extends IOException {

  private final EndpointClass endpoint;
  private final long limitBytes;

  BodyTooLargeException(EndpointClass endpoint, long limitBytes) {
    super(describe(endpoint, limitBytes));
    this.endpoint = endpoint;
    this.limitBytes = limitBytes;
  }

  static String describe(EndpointClass endpoint, long limitBytes) {
    return "The request body is larger than " + limitBytes + " bytes, the limit of this endpoint ("
        + endpoint.property() + ")";
  }

  public String property() {
    return endpoint.property();
  }

  public long limitBytes() {
    return limitBytes;
  }
}
