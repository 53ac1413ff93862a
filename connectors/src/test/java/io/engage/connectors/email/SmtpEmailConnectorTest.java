package io.engage.connectors.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.engage.connectors.Channel;
import io.engage.connectors.DeliveryResult;
import io.engage.connectors.OutboundMessage;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Against a real SMTP server (GreenMail on a free port). */
class SmtpEmailConnectorTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @Test
  void sendsPlainTextOnly() throws Exception {
    DeliveryResult result = connector().send(message("k-text", "ann@example.com", "Hello", "Just text", null));

    assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.SENT);
    MimeMessage received = onlyReceived();
    assertThat(received.isMimeType("text/plain")).isTrue();
    assertThat(received.getContent().toString().strip()).isEqualTo("Just text");
    assertThat(received.getFrom()[0].toString()).contains("no-reply@engage.test");
    assertThat(received.getAllRecipients()[0].toString()).isEqualTo("ann@example.com");
  }

  @Test
  void sendsTextAndHtmlAsAlternatives() throws Exception {
    connector().send(message("k-html", "ann@example.com", "Hi", "plain", "<p>rich</p>"));

    MimeMultipart parts = (MimeMultipart) onlyReceived().getContent();
    assertThat(parts.getContentType()).startsWith("multipart/alternative");
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
    assertThat(parts.getBodyPart(0).getContent().toString().strip()).isEqualTo("plain");
    assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
    assertThat(parts.getBodyPart(1).getContent().toString()).contains("<p>rich</p>");
  }

  @Test
  void chineseSubjectAndBodySurvive() throws Exception {
    connector().send(message("k-zh", "wang@example.com", "欢迎加入会员计划", "王芳，您好！感谢您的订单。",
        "<p>王芳，您好！</p>"));

    MimeMessage received = onlyReceived();
    assertThat(received.getSubject()).isEqualTo("欢迎加入会员计划");
    MimeMultipart parts = (MimeMultipart) received.getContent();
    assertThat(parts.getBodyPart(0).getContent().toString().strip()).isEqualTo("王芳，您好！感谢您的订单。");
    assertThat(parts.getBodyPart(0).getContentType()).containsIgnoringCase("charset=UTF-8");
    assertThat(parts.getBodyPart(1).getContent().toString()).contains("<p>王芳，您好！</p>");
  }

  @Test
  void theSameKeyAlwaysGivesTheSameMessageId() throws Exception {
    DeliveryResult first = connector().send(message("journey:1:2:c-1", "a@example.com", "s", "t", null));
    DeliveryResult second = connector().send(message("journey:1:2:c-1", "a@example.com", "s", "t", null));
    DeliveryResult other = connector().send(message("journey:1:3:c-1", "a@example.com", "s", "t", null));

    assertThat(first.providerMessageId())
        .isEqualTo(second.providerMessageId())
        .isNotEqualTo(other.providerMessageId())
        .matches("<[0-9a-f]{32}\\.engage@engage\\.test>");
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received[0].getMessageID()).isEqualTo(first.providerMessageId());
    assertThat(received[1].getMessageID()).isEqualTo(first.providerMessageId());
  }

  @Test
  void carriesExtraHeaders() throws Exception {
    OutboundMessage message = new OutboundMessage("k-h", Channel.EMAIL, "a@example.com", "s", "t", null,
        Map.of("List-Unsubscribe", "<mailto:unsubscribe@engage.test>", "X-Engage-Journey", "welcome"));
    connector().send(message);

    MimeMessage received = onlyReceived();
    assertThat(received.getHeader("List-Unsubscribe")).containsExactly("<mailto:unsubscribe@engage.test>");
    assertThat(received.getHeader("X-Engage-Journey")).containsExactly("welcome");
  }

  @Test
  void chineseDisplayNamesAndHeaderValuesSurvive() throws Exception {
    SmtpEmailConnector connector = new SmtpEmailConnector(new SmtpSettings("127.0.0.1", greenMail.getSmtp().getPort(),
        null, null, false, false, "Engage 商城 <no-reply@engage.test>", Duration.ofSeconds(5)));
    OutboundMessage message = new OutboundMessage("k-names", Channel.EMAIL, "王芳 <wang@example.com>", "s", "t", null,
        Map.of("X-Engage-Campaign", "双十一会员日"));

    assertThat(connector.send(message).outcome()).isEqualTo(DeliveryResult.Outcome.SENT);

    MimeMessage received = onlyReceived();
    assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("Engage 商城");
    InternetAddress to = (InternetAddress) received.getRecipients(MimeMessage.RecipientType.TO)[0];
    assertThat(to.getPersonal()).isEqualTo("王芳");
    assertThat(to.getAddress()).isEqualTo("wang@example.com");
    assertThat(MimeUtility.decodeText(received.getHeader("X-Engage-Campaign")[0])).isEqualTo("双十一会员日");
  }

  @Test
  void headersThatWouldAddRecipientsOrReplaceOursAreRefused() {
    for (String reserved : new String[] {"Bcc", "cc", "Message-ID", "From", "Content-Type"}) {
      OutboundMessage message = new OutboundMessage("k-res", Channel.EMAIL, "a@example.com", "s", "t", null,
          Map.of(reserved, "victim@example.com"));

      DeliveryResult result = connector().send(message);

      assertThat(result.outcome()).as(reserved).isEqualTo(DeliveryResult.Outcome.PERMANENT_FAILURE);
      assertThat(result.reason()).as(reserved).contains(reserved);
    }
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void aHeaderWithALineBreakIsRefused() {
    OutboundMessage message = new OutboundMessage("k-inj", Channel.EMAIL, "a@example.com", "s", "t", null,
        Map.of("X-Note", "hi\r\nBcc: victim@example.com"));

    assertThat(connector().send(message).outcome()).isEqualTo(DeliveryResult.Outcome.PERMANENT_FAILURE);
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void anInvalidAddressFailsForGood() {
    for (String bad : new String[] {"not an address", "nobody", "a@", ""}) {
      DeliveryResult result = connector().send(message("k-bad", bad, "s", "t", null));
      assertThat(result.outcome()).as(bad).isEqualTo(DeliveryResult.Outcome.PERMANENT_FAILURE);
      assertThat(result.reason()).as(bad).startsWith("invalid address");
    }
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
    assertThat(result.failure()).as("nothing was sent: another relay may take it").isEqualTo(DeliveryResult.Failure.CONNECTION);
    assertThat(result.reason()).isNotBlank();
  }

  private static SmtpEmailConnector connector() {
    return connectorOn(greenMail.getSmtp().getPort());
  }

  static SmtpEmailConnector connectorOn(int port) {
    return new SmtpEmailConnector(new SmtpSettings("127.0.0.1", port, null, null, false, false,
        "Engage <no-reply@engage.test>", Duration.ofSeconds(5)));
  }

  static OutboundMessage message(String key, String to, String subject, String text, String html) {
    return new OutboundMessage(key, Channel.EMAIL, to, subject, text, html, Map.of());
  }

  private static MimeMessage onlyReceived() {
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(1);
    return received[0];
  }
}
