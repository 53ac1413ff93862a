package io.engage.connectors.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against GreenMail's IMAP server: mailto unsubscribes are read once, and other mail is left alone. */
class UnsubscribeMailboxTest {

  private GreenMail mail;
  private UnsubscribeMailbox mailbox;

  @BeforeEach
  void start() throws Exception {
    mail = new GreenMail(new ServerSetup[] {new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
    mail.start();
    mail.setUser("unsubscribe@engage.local", "unsubscribe", "mailbox-secret");
    mailbox = new UnsubscribeMailbox(new ImapSettings("127.0.0.1", mail.getImap().getPort(), "unsubscribe",
        "mailbox-secret", false, "INBOX", Duration.ofSeconds(10)));
  }

  @AfterEach
  void stop() {
    mail.stop();
  }

  @Test
  void eachUnsubscribeTokenIsHandedOverOnceAndOtherMailIsKept() throws Exception {
    GreenMailUtil.sendTextEmail("unsubscribe@engage.local", "alice@example.com", "unsubscribe abc.DEF-123_x", "",
        mail.getSmtp().getServerSetup());
    GreenMailUtil.sendTextEmail("unsubscribe@engage.local", "bob@example.com", "Where is my parcel?", "hello",
        mail.getSmtp().getServerSetup());
    GreenMailUtil.sendTextEmail("unsubscribe@engage.local", "eve@example.com", "unsubscribe forged.token", "",
        mail.getSmtp().getServerSetup());
    assertThat(mail.waitForIncomingEmail(10_000, 3)).isTrue();
    List<String> tokens = new ArrayList<>();

    int read = mailbox.poll(token -> {
      tokens.add(token);
      return !token.startsWith("forged");
    });

    assertThat(read).isEqualTo(3);
    assertThat(tokens).containsExactlyInAnyOrder("abc.DEF-123_x", "forged.token");
    // The taken one is deleted; the question and the forged one stay, read.
    assertThat(mail.getReceivedMessagesForDomain("engage.local")).extracting(m -> m.getSubject())
        .containsExactlyInAnyOrder("Where is my parcel?", "unsubscribe forged.token");
    assertThat(mailbox.poll(token -> true)).as("nothing unread any more").isZero();
  }

  @Test
  void subjectsThatAreNotUnsubscribesGiveNoToken() {
    assertThat(UnsubscribeMailbox.token("Re: unsubscribe tok.en")).contains("tok.en");
    assertThat(UnsubscribeMailbox.token("please unsubscribe me")).isEmpty();
    assertThat(UnsubscribeMailbox.token(null)).isEmpty();
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
