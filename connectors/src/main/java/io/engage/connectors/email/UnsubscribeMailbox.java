package io.engage.connectors.email;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code mailto:} unsubscribes a mail client sends for the List-Unsubscribe header over
 * IMAP: each unread mail whose subject is {@code unsubscribe <token>} hands its token to the
 * caller, and is then marked read (and deleted when the caller took it). Mail that is not an
 * unsubscribe is marked read and left for a person to look at.
 */
public final class UnsubscribeMailbox {

  private static final Pattern SUBJECT = Pattern.compile("(?i)^\\s*(?:re:\\s*)?unsubscribe\\s+([A-Za-z0-9._~-]+)\\s*$");

  private final ImapSettings settings;

  public UnsubscribeMailbox(ImapSettings settings) {
    this.settings = settings;
  }

  /** The token of an unsubscribe mail's subject. */
  static Optional<String> token(String subject) {
    if (subject == null) {
      return Optional.empty();
    }
    Matcher matcher = SUBJECT.matcher(subject);
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /**
   * Hands the token of every unread unsubscribe mail to {@code unsubscribe} (true: taken, the mail
   * is deleted; false: an invalid token, the mail is kept as read). Returns the mails read.
   */
  public int poll(Predicate<String> unsubscribe) throws MessagingException {
    String protocol = settings.ssl() ? "imaps" : "imap";
    Properties properties = new Properties();
    String timeout = String.valueOf(settings.timeout().toMillis());
    properties.put("mail." + protocol + ".connectiontimeout", timeout);
    properties.put("mail." + protocol + ".timeout", timeout);
    Store store = Session.getInstance(properties).getStore(protocol);
    store.connect(settings.host(), settings.port(), settings.username(), settings.password());
    try {
      Folder folder = store.getFolder(settings.folder());
      folder.open(Folder.READ_WRITE);
      boolean expunge = false;
      int read = 0;
      try {
        for (Message mail : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
          Optional<String> token = token(mail.getSubject());
          boolean taken = token.isPresent() && unsubscribe.test(token.get());
          mail.setFlag(Flags.Flag.SEEN, true);
          if (taken) {
            mail.setFlag(Flags.Flag.DELETED, true);
            expunge = true;
          }
          read++;
        }
      } finally {
        folder.close(expunge);
      }
      return read;
    } finally {
      store.close();
    }
  }
}
