package io.engage.connectors.email;

import io.engage.connectors.Channel;
import io.engage.connectors.ChannelConnector;
import io.engage.connectors.DeliveryResult;
import io.engage.connectors.OutboundMessage;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
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
 * send. Connections are reused ({@link SmtpSettings#maxConnections()}, each held by one sender at a
 * time, so the connector stays thread-safe), or opened per message when that is 0.
 */
public final class SmtpEmailConnector implements ChannelConnector, AutoCloseable {

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

  /**
   * How relays word a rate limit in a 4xx reply ("450 4.7.1 ... rate limited", "421 4.7.0 too many
   * messages, slow down"). Other 4xx replies (greylisting, a full queue) stay provider errors.
   */
  private static final java.util.regex.Pattern THROTTLING = java.util.regex.Pattern.compile(
      "rate.?limit|too many|throttl|slow down", java.util.regex.Pattern.CASE_INSENSITIVE);

  /** RCPT replies that say the mailbox does not exist (550 no such user, 551 not local, 553 bad name). */
  private static final Set<Integer> MAILBOX_UNKNOWN_REPLIES = Set.of(550, 551, 553);

  /**
   * Jakarta Mail 2.1 looks its stream provider up with ServiceLoader for every body part it writes,
   * scanning the class path each time; that was most of the cost of composing a message. Naming
   * the implementation in the system property the lookup reads first turns it into a class load.
   */
  private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

  static {
    if (System.getProperty(STREAM_PROVIDER) == null) {
      System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
    }
  }

  private final SmtpSettings settings;
  private final Session session;
  private final InternetAddress from;
  private final String messageIdDomain;
  private final SmtpConnectionPool pool;

  public SmtpEmailConnector(SmtpSettings settings) {
    this.settings = settings;
    this.session = Session.getInstance(properties(settings), authenticator(settings));
    this.pool = settings.maxConnections() == 0 ? null
        : new SmtpConnectionPool(session, settings.maxConnections(), settings.maxMessagesPerConnection(),
            settings.timeout().toMillis());
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
  public String provider() {
    return "smtp";
  }

  @Override
  public DeliveryResult send(OutboundMessage message) {
    InternetAddress to;
    try {
      to = recipient(message.recipient());
    } catch (AddressException e) {
      return DeliveryResult.invalidRecipient("invalid address: " + e.getMessage());
    }
    String badHeader = invalidHeader(message.headers());
    if (badHeader != null) {
      return DeliveryResult.permanentFailure(badHeader);
    }
    // The envelope names the one recipient explicitly rather than whatever the headers list.
    Address[] envelope = {to};
    MimeMessage mime;
    try {
      mime = compose(message, to);
      mime.saveChanges();
    } catch (MessagingException e) {
      return DeliveryResult.permanentFailure("cannot compose the message: " + describe(e));
    }
    DeliveryResult result = pool == null ? sendOnNewConnection(mime, envelope) : sendPooled(mime, envelope);
    if (result.sent()) {
      log.debug("Sent {} as {}", message.idempotencyKey(), result.providerMessageId());
    } else {
      log.debug("Sending {} failed: {} {}", message.idempotencyKey(), result.failure(), result.reason());
    }
    return result;
  }

  private DeliveryResult sendOnNewConnection(MimeMessage mime, Address[] envelope) {
    Transport transport;
    try {
      transport = session.getTransport();
      transport.connect();
    } catch (MessagingException e) {
      return classify(e, false);
    }
    try {
      transport.sendMessage(mime, envelope);
      return DeliveryResult.sent(mime.getMessageID());
    } catch (MessagingException e) {
      return classify(e, true);
    } finally {
      // A failed QUIT after an accepted message must not turn into a failure (and a duplicate).
      try {
        transport.close();
      } catch (MessagingException e) {
        log.debug("Closing the SMTP connection failed", e);
      }
    }
  }

  private DeliveryResult sendPooled(MimeMessage mime, Address[] envelope) {
    SmtpConnectionPool.Lease lease;
    try {
      lease = pool.borrow();
    } catch (SmtpConnectionPool.PoolExhaustedException e) {
      return DeliveryResult.throttled("all " + settings.maxConnections() + " SMTP connections stayed busy for "
          + settings.timeout(), null);
    } catch (MessagingException e) {
      return classify(e, false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DeliveryResult.failed(DeliveryResult.Failure.CONNECTION, "interrupted while waiting for a connection");
    }
    try {
      try {
        lease.transport.sendMessage(mime, envelope);
      } catch (MessagingException e) {
        if (!lease.reused || !refusedBeforeTheMessage(e)) {
          throw e;
        }
        // A reused connection the relay had dropped: MAIL FROM failed, so nothing was accepted.
        try {
          lease = pool.replace(lease);
        } catch (MessagingException reconnect) {
          return classify(reconnect, false);
        }
        lease.transport.sendMessage(mime, envelope);
      }
      String messageId = mime.getMessageID();
      pool.giveBack(lease, true);
      return DeliveryResult.sent(messageId);
    } catch (MessagingException e) {
      pool.giveBack(lease, false);
      return classify(e, true);
    }
  }

  /**
   * Whether a reused connection turned out closed by the relay at its first command, MAIL FROM, so
   * nothing of this message was accepted: an end of stream or 421 in reply to MAIL FROM, or a reset
   * connection (a relay that closed an idle connection resets the next write, which is MAIL FROM's).
   */
  private static boolean refusedBeforeTheMessage(MessagingException e) {
    if (e instanceof SMTPSendFailedException failed && failed.getCommand() != null) {
      return failed.getCommand().startsWith("MAIL FROM") && (failed.getReturnCode() <= 0 || failed.getReturnCode() == 421);
    }
    return e.getClass() == MessagingException.class && e.getNextException() instanceof java.net.SocketException;
  }

  /** Closes the reused connections. */
  @Override
  public void close() {
    if (pool != null) {
      pool.close();
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
      mime.setHeader("Content-Transfer-Encoding", transferEncoding(text));
    } else {
      MimeBodyPart plain = new MimeBodyPart();
      plain.setText(text, UTF_8);
      plain.setHeader("Content-Transfer-Encoding", transferEncoding(text));
      MimeBodyPart html = new MimeBodyPart();
      html.setText(message.htmlBody(), UTF_8, "html");
      html.setHeader("Content-Transfer-Encoding", transferEncoding(message.htmlBody()));
      // Least preferred first, as RFC 2046 wants: clients show the last part they can render.
      MimeMultipart alternative = new MimeMultipart("alternative");
      alternative.addBodyPart(plain);
      alternative.addBodyPart(html);
      mime.setContent(alternative);
    }
    return mime;
  }

  /**
   * The encoding Jakarta Mail would otherwise find by writing the whole text once more: 7bit for
   * ASCII with lines SMTP can carry, quoted-printable for ASCII with longer lines, base64 for
   * anything else (Chinese text is three bytes a character in UTF-8, which base64 carries in four
   * where quoted-printable needs nine).
   */
  static String transferEncoding(String text) {
    int lineLength = 0;
    boolean longLines = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > 0x7E || (c < 0x20 && c != '\r' && c != '\n' && c != '\t')) {
        return "base64";
      }
      lineLength = c == '\n' ? 0 : lineLength + 1;
      longLines |= lineLength > 998;
    }
    return longLines ? "quoted-printable" : "7bit";
  }

  /**
   * 5xx replies and addresses the server refused for good are permanent (a refused mailbox marks
   * the address dead); 4xx replies, refused or timed-out connections and anything unrecognised may
   * pass on a retry. Authentication failures (a refused login, or a 530/535 reply) count as
   * transient on purpose: they are a relay misconfiguration, and the messages should go out once an
   * operator fixes it rather than be dropped.
   *
   * @param connected whether the connection was up: a timeout before that sent nothing, a timeout
   *     after it may have left the message with the relay
   */
  static DeliveryResult classify(MessagingException e, boolean connected) {
    String reason = describe(e);
    for (Throwable cause = e; cause != null; cause = next(cause)) {
      int code = replyCode(cause);
      if (code > 0) {
        if (AUTHENTICATION_REPLIES.contains(code)) {
          return DeliveryResult.failed(DeliveryResult.Failure.AUTHENTICATION, reason);
        }
        if (code < 500) {
          return THROTTLING.matcher(reason).find()
              ? DeliveryResult.throttled(reason, null)
              : DeliveryResult.failed(DeliveryResult.Failure.PROVIDER_ERROR, reason);
        }
        return cause instanceof SMTPAddressFailedException && MAILBOX_UNKNOWN_REPLIES.contains(code)
            ? DeliveryResult.invalidRecipient(reason)
            : DeliveryResult.permanentFailure(reason);
      }
      if (cause instanceof AuthenticationFailedException) {
        return DeliveryResult.failed(DeliveryResult.Failure.AUTHENTICATION, reason);
      }
      if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
        return DeliveryResult.failed(DeliveryResult.Failure.CONNECTION, reason);
      }
      if (cause instanceof SocketTimeoutException) {
        return DeliveryResult.failed(connected ? DeliveryResult.Failure.TIMEOUT : DeliveryResult.Failure.CONNECTION,
            reason);
      }
    }
    if (e instanceof SendFailedException failed && failed.getInvalidAddresses() != null
        && failed.getInvalidAddresses().length > 0) {
      return DeliveryResult.invalidRecipient(reason);
    }
    return DeliveryResult.failed(connected ? DeliveryResult.Failure.TIMEOUT : DeliveryResult.Failure.CONNECTION,
        reason);
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
    if (!settings.ssl()) {
      props.put(prefix + "socketFactory", NoDelaySocketFactory.INSTANCE);
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
