package io.engage.engine.platform.embedded;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's mail server: a real SMTP server on loopback (GreenMail) that keeps every
 * message it receives, so the email connector speaks real SMTP even in the demo and people can read
 * what was sent through {@code /api/sinks/email}.
 */
public final class LocalSmtpSink implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalSmtpSink.class);
  private final GreenMail greenMail;
  private final int port;

  private LocalSmtpSink(GreenMail greenMail, int port) {
    this.greenMail = greenMail;
    this.port = port;
  }

  static LocalSmtpSink start(int requestedPort) {
    int port = requestedPort == 0 ? EmbeddedDatabase.freePort() : requestedPort;
    GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    log.info("Local SMTP sink listening on 127.0.0.1:{}", port);
    return new LocalSmtpSink(greenMail, port);
  }

  /** Received messages, newest first. */
  public List<MimeMessage> messages() {
    List<MimeMessage> all = Arrays.asList(greenMail.getReceivedMessages());
    java.util.Collections.reverse(all);
    return all;
  }

  Map<String, Object> springProperties() {
    return Map.of(
        "engage.channels.email.host", "127.0.0.1",
        "engage.channels.email.port", String.valueOf(port));
  }

  @Override
  public void close() {
    greenMail.stop();
  }

  @Override
  public String toString() {
    return "local SMTP sink on 127.0.0.1:" + port;
  }
}
