package io.engage.connectors.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.engage.connectors.DeliveryResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How SMTP replies map to retry or give up, against a scripted relay on a real socket: GreenMail
 * accepts every recipient, so it cannot play a server that says 550 or 451.
 */
class SmtpFailureClassificationTest {

  private ScriptedRelay relay;

  @AfterEach
  void stopRelay() throws IOException {
    if (relay != null) {
      relay.close();
    }
  }

  @Test
  void aMailboxUnavailableReplyIsPermanentAndKeepsTheServersReason() throws IOException {
    relay = new ScriptedRelay("RCPT", "550 5.1.1 <ghost@example.com>: no such user");

    DeliveryResult result = send("ghost@example.com");

    assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.PERMANENT_FAILURE);
    assertThat(result.reason()).contains("550").contains("no such user");
    assertThat(result.recipientDead()).as("the engine marks the address dead").isTrue();
  }

  @Test
  void aTryLaterReplyIsTransient() throws IOException {
    relay = new ScriptedRelay("RCPT", "451 4.7.1 greylisted, try again later");

    DeliveryResult result = send("ann@example.com");

    assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.TRANSIENT_FAILURE);
    assertThat(result.reason()).contains("451").contains("greylisted");
    assertThat(result.failure()).isEqualTo(DeliveryResult.Failure.PROVIDER_ERROR);
  }

  @Test
  void aRateLimitReplyIsThrottled() throws IOException {
    relay = new ScriptedRelay("MAIL", "421 4.7.0 Too many messages from this sender, slow down");

    DeliveryResult result = send("ann@example.com");

    assertThat(result.failure()).isEqualTo(DeliveryResult.Failure.THROTTLED);
    assertThat(result.reason()).contains("421");
  }

  @Test
  void aRelayDemandingAuthenticationIsTransientSoMessagesWaitForTheFixedConfiguration() throws IOException {
    relay = new ScriptedRelay("MAIL", "530 5.7.0 Authentication required");

    DeliveryResult result = send("ann@example.com");

    assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.TRANSIENT_FAILURE);
    assertThat(result.reason()).contains("530");
    assertThat(result.failure()).isEqualTo(DeliveryResult.Failure.AUTHENTICATION);
  }

  @Test
  void aRejectedBodyIsPermanent() throws IOException {
    relay = new ScriptedRelay("DATA", "554 5.7.1 message rejected as spam");

    DeliveryResult result = send("ann@example.com");

    assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.PERMANENT_FAILURE);
    assertThat(result.recipientDead()).as("the content was refused, not the address").isFalse();
  }

  @Test
  void aRelayThatNeverAnswersTimesOutAsTransient() throws IOException {
    relay = new ScriptedRelay(null, null);

    SmtpEmailConnector connector = new SmtpEmailConnector(new SmtpSettings("127.0.0.1", relay.port(), null, null,
        false, false, "no-reply@engage.test", Duration.ofMillis(300)));
    DeliveryResult result = connector.send(SmtpEmailConnectorTest.message("k", "ann@example.com", "s", "t", null));

    assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.TRANSIENT_FAILURE);
  }

  private DeliveryResult send(String to) {
    return SmtpEmailConnectorTest.connectorOn(relay.port())
        .send(SmtpEmailConnectorTest.message("k", to, "s", "t", null));
  }

  /**
   * Speaks just enough SMTP for one client: answers 250 to everything except the command starting
   * with {@code failOn}, which gets {@code failure}. Without a greeting it stays silent.
   */
  private static final class ScriptedRelay implements AutoCloseable {
    private final ServerSocket server;
    private final Thread thread;

    ScriptedRelay(String failOn, String failure) throws IOException {
      server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
      thread = Thread.ofVirtual().start(() -> serve(failOn, failure));
    }

    int port() {
      return server.getLocalPort();
    }

    private void serve(String failOn, String failure) {
      try (Socket client = server.accept();
          BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
          PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
        if (failOn == null) {
          in.readLine();
          return;
        }
        reply(out, "220 scripted relay");
        String line;
        while ((line = in.readLine()) != null) {
          String command = line.toUpperCase();
          if (command.startsWith(failOn)) {
            reply(out, failure);
          } else if (command.startsWith("DATA")) {
            reply(out, "354 go ahead");
            while ((line = in.readLine()) != null && !line.equals(".")) {
              // The body is irrelevant here.
            }
            reply(out, "250 queued");
          } else if (command.startsWith("QUIT")) {
            reply(out, "221 bye");
            return;
          } else {
            reply(out, "250 ok");
          }
        }
      } catch (IOException e) {
        // The client hung up or the test closed the socket; either ends the script.
      }
    }

    private static void reply(PrintWriter out, String line) {
      out.print(line + "\r\n");
      out.flush();
    }

    @Override
    public void close() throws IOException {
      server.close();
      thread.interrupt();
    }
  }
}
