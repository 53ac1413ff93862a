package io.engage.connectors.email;

import io.engage.connectors.Channel;
import io.engage.connectors.ChannelConnector;
import io.engage.connectors.DeliveryResult;
import io.engage.connectors.OutboundMessage;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Email over SMTP (Jakarta Mail). Text, or text and HTML as multipart/alternative, in UTF-8. The
 * Message-ID is derived from the idempotency key, so a message sent twice carries the same id.
 */
public final class SmtpEmailConnector implements ChannelConnector {

  private final SmtpSettings settings;
  private final Session session;
  private final InternetAddress from;
  private final String messageIdDomain;

  public SmtpEmailConnector(SmtpSettings settings) {
    this.settings = settings;
    this.session = Session.getInstance(properties(settings), authenticator(settings));
    try {
      this.from = new InternetAddress(settings.from(), true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("Invalid sender address " + settings.from(), e);
    }
    String address = from.getAddress();
    this.messageIdDomain = address.substring(address.indexOf('@') + 1);
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public DeliveryResult send(OutboundMessage message) {
    InternetAddress to;
    try {
      to = new InternetAddress(message.recipient(), true);
    } catch (AddressException e) {
      return DeliveryResult.permanentFailure("invalid address: " + e.getMessage());
    }
    String messageId = messageId(message.idempotencyKey());
    try {
      MimeMessage mime = new KeyedMimeMessage(session, messageId);
      mime.setFrom(from);
      mime.setRecipient(MimeMessage.RecipientType.TO, to);
      mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
      message.headers().forEach((name, value) -> setHeader(mime, name, value));
      if (message.htmlBody() == null) {
        mime.setText(message.textBody(), StandardCharsets.UTF_8.name());
      } else {
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.textBody(), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setText(message.htmlBody(), StandardCharsets.UTF_8.name(), "html");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        mime.setContent(alternative);
      }
      Transport.send(mime);
      return DeliveryResult.sent(messageId);
    } catch (MessagingException e) {
      return classify(e);
    }
  }

  /** 5xx replies and refused recipients are permanent; everything else may pass on a retry. */
  static DeliveryResult classify(MessagingException e) {
    String reason = describe(e);
    Throwable cause = e;
    while (cause != null) {
      if (cause instanceof SMTPAddressFailedException failed) {
        return failed.getReturnCode() >= 500
            ? DeliveryResult.permanentFailure(reason) : DeliveryResult.transientFailure(reason);
      }
      if (cause instanceof SMTPSendFailedException failed) {
        return failed.getReturnCode() >= 500
            ? DeliveryResult.permanentFailure(reason) : DeliveryResult.transientFailure(reason);
      }
      if (cause instanceof ConnectException || cause instanceof SocketTimeoutException
          || cause instanceof UnknownHostException) {
        return DeliveryResult.transientFailure(reason);
      }
      cause = cause instanceof MessagingException me && me.getNextException() != null ? me.getNextException() : cause.getCause();
    }
    if (e instanceof SendFailedException failed && failed.getInvalidAddresses() != null
        && failed.getInvalidAddresses().length > 0) {
      return DeliveryResult.permanentFailure(reason);
    }
    return DeliveryResult.transientFailure(reason);
  }

  private static String describe(Throwable e) {
    StringBuilder reason = new StringBuilder(String.valueOf(e.getMessage()).strip());
    Throwable next = e instanceof MessagingException me ? me.getNextException() : e.getCause();
    if (next != null && next != e && next.getMessage() != null && !reason.toString().contains(next.getMessage().strip())) {
      reason.append(": ").append(next.getMessage().strip());
    }
    return reason.toString();
  }

  private String messageId(String idempotencyKey) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
      return "<" + HexFormat.of().formatHex(digest, 0, 16) + ".engage@" + messageIdDomain + ">";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void setHeader(MimeMessage mime, String name, String value) {
    try {
      mime.setHeader(name, value);
    } catch (MessagingException e) {
      throw new IllegalArgumentException("Invalid header " + name, e);
    }
  }

  private static Properties properties(SmtpSettings settings) {
    Properties props = new Properties();
    String protocol = settings.ssl() ? "smtps" : "smtp";
    props.put("mail.transport.protocol", protocol);
    props.put("mail." + protocol + ".host", settings.host());
    props.put("mail." + protocol + ".port", String.valueOf(settings.port()));
    props.put("mail." + protocol + ".auth", String.valueOf(settings.username() != null));
    props.put("mail." + protocol + ".starttls.enable", String.valueOf(settings.startTls()));
    props.put("mail." + protocol + ".starttls.required", String.valueOf(settings.startTls()));
    String millis = String.valueOf(settings.timeout().toMillis());
    props.put("mail." + protocol + ".connectiontimeout", millis);
    props.put("mail." + protocol + ".timeout", millis);
    props.put("mail." + protocol + ".writetimeout", millis);
    return props;
  }

  private static Authenticator authenticator(SmtpSettings settings) {
    if (settings.username() == null) {
      return null;
    }
    return new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return new PasswordAuthentication(settings.username(), settings.password());
      }
    };
  }

  @Override
  public String toString() {
    return "SMTP " + settings.host() + ":" + settings.port();
  }

  /** Jakarta Mail replaces Message-ID on save; this keeps the one derived from the key. */
  private static final class KeyedMimeMessage extends MimeMessage {
    private final String messageId;

    KeyedMimeMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
