package io.engage.engine;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the engine's integration tests: the whole application on a real MariaDB and the
 * in-memory Zeebe engine, sending mail to GreenMail. Every subclass shares one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("test")
public abstract class EngineTest {

  /** The SMTP server Engage sends to; started once for the whole run. */
  protected static final GreenMail SMTP = startSmtp();

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    registry.add("engage.channels.email.host", () -> "127.0.0.1");
    registry.add("engage.channels.email.port", () -> SMTP.getSmtp().getPort());
  }

  private static GreenMail startSmtp() {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    return greenMail;
  }
}
