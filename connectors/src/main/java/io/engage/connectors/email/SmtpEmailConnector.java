package io.engage.connectors.email;

import io.engage.connectors.Channel;
import io.engage.connectors.ChannelConnector;
import io.engage.connectors.DeliveryResult;
import io.engage.connectors.OutboundMessage;
import jakarta.mail.Address;
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
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Email over SMTP (Jakarta Mail / Angus). Text only, or text and HTML as multipart/alternative, all
 * in UTF-8. The Message-ID is derived from the idempotency key, so a message retried after a lost
 * reply carries the same id and receiving systems can drop the duplicate. One Session serves every
 * send; each send opens its own connection, which keeps the connector thread-safe.
 */
public final class SmtpEmailConnector implements ChannelConnector {

  private static final Logger log = LoggerFactory.getLogger(SmtpEmailConnector.class);
  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  /**
   * Headers the connector sets itself or that would change who receives the message (a Bcc among
   * the extra headers would otherwise add a recipient). Compared in lower case.
   */
  private static final Set<String> RESERVED_HEADERS = Set.of("from", "sender", "to", "cc", "bcc", "subject",
      "message-id", "date", "mime-version", "content-type", "content-transfer-encoding");

  /** SMTP replies about authentication: a relay misconfiguration, like a refused login. */
  private static final Set<Integer> AUTHENTICATION_REPLIES = Set.of(530, 534, 535, 538);

  private final SmtpSettings settings;
  private final Session session;
  private final InternetAddress from;
  private final String messageIdDomain;

  public SmtpEmailConnector(SmtpSettings settings) {
    this.settings = settings;
    this.session = Session.getInstance(properties(settings), authenticator(settings));
    try {
      this.from = utf8(new InternetAddress(settings.from(), true));
    } catch (AddressException e) {
      throw new IllegalArgumentException("Invalid sender address " + settings.from(), e);
    }
    this.messageIdDomain = domainOf(from.getAddress());
    if (messageIdDomain == null) {
      throw new IllegalArgumentException("Sender address needs a domain: " + settings.from());
    }
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public DeliveryResult send(OutboundMessage message) {
    InternetAddress to;
    try {
      to = recipient(message.recipient());
    } catch (AddressException e) {
      return DeliveryResult.permanentFailure("invalid address: " + e.getMessage());
    }
    String badHeader = invalidHeader(message.headers());
    if (badHeader != null) {
      return DeliveryResult.permanentFailure(badHeader);
    }
    try {
      MimeMessage mime = compose(message, to);
      // The envelope names the one recipient explicitly rather than whatever the headers list.
      Transport.send(mime, new Address[] {to});
      String messageId = mime.getMessageID();
      log.debug("Sent {} to {} as {}", message.idempotencyKey(), to.getAddress(), messageId);
      return DeliveryResult.sent(messageId);
    } catch (MessagingException e) {
      DeliveryResult result = classify(e);
      log.debug("Sending {} failed: {} {}", message.idempotencyKey(), result.outcome(), result.reason());
      return result;
    }
  }

  private MimeMessage compose(OutboundMessage message, InternetAddress to) throws MessagingException {
    MimeMessage mime = message.idempotencyKey() == null
        ? new MimeMessage(session)
        : new KeyedMimeMessage(session, messageId(message.idempotencyKey()));
    // Reserved headers were refused in send(); the rest are the caller's (List-Unsubscribe, X-...).
    for (Map.Entry<String, String> header : message.headers().entrySet()) {
      mime.setHeader(header.getKey(), encodeHeaderValue(header.getKey(), header.getValue()));
    }
    mime.setFrom(from);
    mime.setRecipient(MimeMessage.RecipientType.TO, to);
    mime.setSubject(message.subject(), UTF_8);
    String text = message.textBody() == null ? "" : message.textBody();
    if (message.htmlBody() == null) {
      mime.setText(text, UTF_8);
    } else {
      MimeBodyPart plain = new MimeBodyPart();
      plain.setText(text, UTF_8);
      MimeBodyPart html = new MimeBodyPart();
      html.setText(message.htmlBody(), UTF_8, "html");
      // Least preferred first, as RFC 2046 wants: clients show the last part they can render.
      MimeMultipart alternative = new MimeMultipart("alternative");
      alternative.addBodyPart(plain);
      alternative.addBodyPart(html);
      mime.setContent(alternative);
    }
    return mime;
  }

  /**
   * 5xx replies and addresses the server refused for good are permanent; 4xx replies, refused or
   * timed-out connections and anything unrecognised may pass on a retry. Authentication failures
   * (a refused login, or a 530/535 reply) count as transient on purpose: they are a relay
   * misconfiguration, and the messages should go out once an operator fixes it rather than be
   * dropped.
   */
  static DeliveryResult classify(MessagingException e) {
    String reason = describe(e);
    for (Throwable cause = e; cause != null; cause = next(cause)) {
      int code = replyCode(cause);
      if (code > 0) {
        return code >= 500 && !AUTHENTICATION_REPLIES.contains(code)
            ? DeliveryResult.permanentFailure(reason)
            : DeliveryResult.transientFailure(reason);
      }
      if (cause instanceof ConnectException || cause instanceof SocketTimeoutException
          || cause instanceof UnknownHostException) {
        return DeliveryResult.transientFailure(reason);
      }
    }
    if (e instanceof SendFailedException failed && failed.getInvalidAddresses() != null
        && failed.getInvalidAddresses().length > 0) {
      return DeliveryResult.permanentFailure(reason);
    }
    return DeliveryResult.transientFailure(reason);
  }

  private static int replyCode(Throwable e) {
    return switch (e) {
      case SMTPAddressFailedException failed -> failed.getReturnCode();
      case SMTPSenderFailedException failed -> failed.getReturnCode();
      case SMTPSendFailedException failed -> failed.getReturnCode();
      default -> -1;
    };
  }

  /** Jakarta Mail chains with getNextException, plain Java with getCause; follow both. */
  private static Throwable next(Throwable e) {
    if (e instanceof MessagingException me && me.getNextException() != null && me.getNextException() != e) {
      return me.getNextException();
    }
    return e.getCause() == e ? null : e.getCause();
  }

  /** The outer message plus the server's own words, e.g. "Invalid Addresses: 550 5.1.1 no such user". */
  private static String describe(MessagingException e) {
    StringBuilder reason = new StringBuilder(String.valueOf(e.getMessage()).strip());
    for (Throwable cause = next(e); cause != null; cause = next(cause)) {
      String text = cause.getMessage();
      if (text != null && !text.isBlank() && reason.indexOf(text.strip()) < 0) {
        reason.append(": ").append(text.strip());
      }
    }
    return reason.toString();
  }

  private static InternetAddress recipient(String recipient) throws AddressException {
    if (recipient == null || recipient.isBlank()) {
      throw new AddressException("no recipient");
    }
    InternetAddress address = new InternetAddress(recipient.strip(), true);
    // Strict parsing still accepts a bare local part; a relay would take it as a local mailbox.
    if (domainOf(address.getAddress()) == null) {
      throw new AddressException("address has no domain", recipient);
    }
    return utf8(address);
  }

  /**
   * A display name such as "王芳 <wang@example.com>" is encoded in UTF-8 explicitly rather than in
   * the JVM's default charset, so the name reads the same whatever machine sends it.
   */
  private static InternetAddress utf8(InternetAddress address) throws AddressException {
    if (address.getPersonal() == null) {
      return address;
    }
    try {
      return new InternetAddress(address.getAddress(), address.getPersonal(), UTF_8);
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("every JVM ships UTF-8", e);
    }
  }

  /** Non-ASCII values (a Chinese campaign name, say) go out as RFC 2047 encoded words. */
  private static String encodeHeaderValue(String name, String value) {
    try {
      return MimeUtility.fold(name.length() + 2, MimeUtility.encodeText(value, UTF_8, null));
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("every JVM ships UTF-8", e);
    }
  }

  private static String domainOf(String address) {
    int at = address == null ? -1 : address.lastIndexOf('@');
    return at <= 0 || at == address.length() - 1 ? null : address.substring(at + 1);
  }

  /**
   * Why an extra header cannot be sent, or null when all can. A CR or LF in a value would let a
   * template inject further headers or a second body.
   */
  private static String invalidHeader(Map<String, String> headers) {
    for (Map.Entry<String, String> header : headers.entrySet()) {
      String name = header.getKey();
      String value = header.getValue();
      if (name == null || name.isBlank() || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
        return "invalid header name: " + name;
      }
      if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        return "header " + name + " is set by the connector";
      }
      if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
        return "invalid header value: " + name;
      }
    }
    return null;
  }

  /**
   * SHA-256 of the key, not the key itself: keys carry journey and customer ids that should not
   * leak to recipients, and a hash has a fixed, header-safe length.
   */
  private String messageId(String idempotencyKey) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
      return "<" + HexFormat.of().formatHex(digest, 0, 16) + ".engage@" + messageIdDomain + ">";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM ships SHA-256", e);
    }
  }

  private static Properties properties(SmtpSettings settings) {
    Properties props = new Properties();
    String protocol = settings.ssl() ? "smtps" : "smtp";
    String prefix = "mail." + protocol + ".";
    props.put("mail.transport.protocol", protocol);
    props.put(prefix + "host", settings.host());
    props.put(prefix + "port", String.valueOf(settings.port()));
    props.put(prefix + "auth", String.valueOf(settings.username() != null));
    props.put(prefix + "starttls.enable", String.valueOf(settings.startTls()));
    props.put(prefix + "starttls.required", String.valueOf(settings.startTls()));
    if (settings.ssl() || settings.startTls()) {
      props.put(prefix + "ssl.checkserveridentity", "true");
    }
    String millis = String.valueOf(settings.timeout().toMillis());
    props.put(prefix + "connectiontimeout", millis);
    props.put(prefix + "timeout", millis);
    props.put(prefix + "writetimeout", millis);
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
    return "SmtpEmailConnector[" + settings.host() + ":" + settings.port() + "]";
  }

  /** Jakarta Mail assigns a random Message-ID on save; this keeps the one derived from the key. */
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
