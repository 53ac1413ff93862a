package io.engage.connectors.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.engage.connectors.Channel;
import io.engage.connectors.DeliveryResult;
import io.engage.connectors.OutboundMessage;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpEmailConnectorTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

  private final SmtpEmailConnector connector = connectorOn(ServerSetupTest.SMTP.getPort());

  @Test
  void sendsPlainTextInUtf8() throws Exception {
    DeliveryResult result = connector.send(message("k-1", "wang@example.com", "欢迎加入", "王芳，您好！", null));
    assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.SENT);
    MimeMessage received = greenMail.getReceivedMessages()[0];
    assertThat(received.getSubject()).isEqualTo("欢迎加入");
    assertThat(received.getContent().toString().strip()).isEqualTo("王芳，您好！");
    assertThat(received.getFrom()[0].toString()).contains("no-reply@engage.test");
  }

  @Test
  void sendsTextAndHtmlAsAlternatives() throws Exception {
    connector.send(message("k-2", "a@example.com", "Hi", "plain", "<p>rich</p>"));
    MimeMessage received = greenMail.getReceivedMessages()[0];
    MimeMultipart parts = (MimeMultipart) received.getContent();
    assertThat(parts.getContentType()).startsWith("multipart/alternative");
    assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
    assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
    assertThat(parts.getBodyPart(1).getContent().toString()).contains("<p>rich</p>");
  }

  @Test
  void theSameKeyAlwaysGivesTheSameMessageId() throws Exception {
    DeliveryResult first = connector.send(message("journey:1:2:c-1", "a@example.com", "s", "t", null));
    DeliveryResult second = connector.send(message("journey:1:2:c-1", "a@example.com", "s", "t", null));
    DeliveryResult other = connector.send(message("journey:1:3:c-1", "a@example.com", "s", "t", null));
    assertThat(first.providerMessageId()).isEqualTo(second.providerMessageId()).isNotEqualTo(other.providerMessageId());
    assertThat(greenMail.getReceivedMessages()[0].getMessageID()).isEqualTo(first.providerMessageId());
  }

  @Test
  void carriesExtraHeaders() throws Exception {
    OutboundMessage message = new OutboundMessage("k-h", Channel.EMAIL, "a@example.com", "s", "t", null,
        Map.of("List-Unsubscribe", "<mailto:unsubscribe@engage.test>"));
    connector.send(message);
    assertThat(greenMail.getReceivedMessages()[0].getHeader("List-Unsubscribe")[0]).isEqualTo("<mailto:unsubscribe@engage.test>");
  }

  @Test
  void anInvalidAddressFailsForGood() {
    DeliveryResult result = connector.send(message("k-bad", "not an address", "s", "t", null));
    assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.PERMANENT_FAILURE);
    assertThat(result.reason()).contains("invalid address");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void aRefusedConnectionIsWorthRetrying() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    DeliveryResult result = connectorOn(closedPort).send(message("k-down", "a@example.com", "s", "t", null));
    assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.TRANSIENT_FAILURE);
    assertThat(result.reason()).isNotBlank();
  }

  private static SmtpEmailConnector connectorOn(int port) {
    return new SmtpEmailConnector(new SmtpSettings("127.0.0.1", port, null, null, false, false,
        "Engage <no-reply@engage.test>", Duration.ofSeconds(5)));
  }

  private static OutboundMessage message(String key, String to, String subject, String text, String html) {
    return new OutboundMessage(key, Channel.EMAIL, to, subject, text, html, Map.of());
  }
}
