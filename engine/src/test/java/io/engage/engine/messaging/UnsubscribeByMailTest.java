package io.engage.engine.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.engage.connectors.Channel;
import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import io.engage.engine.customer.Customers;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The mailto: of List-Unsubscribe, read from an IMAP mailbox (GreenMail): the poller is off by default. */
class UnsubscribeByMailTest extends EngineTest {

  @LocalServerPort int port;
  @Autowired MessageLinks links;
  @Autowired CustomerResponses responses;
  @Autowired Customers customers;
  @Autowired ApplicationContext context;
  GreenMail mailbox;

  @BeforeEach
  void startMailbox() throws Exception {
    mailbox = new GreenMail(new ServerSetup[] {new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
    mailbox.start();
    mailbox.setUser("unsubscribe@engage.local", "unsubscribe", "imap-test-secret");
  }

  @AfterEach
  void stopMailbox() {
    mailbox.stop();
  }

  @Test
  void aMailtoUnsubscribeWithdrawsEmailConsentAndAForgedOneDoesNothing() throws Exception {
    assertThat(context.getBeansOfType(UnsubscribeMailboxPoller.class)).as("off unless enabled").isEmpty();
    MessagingFixtures.NewCustomer customer = new MessagingFixtures(new Api(port))
        .register(MessagingFixtures.NewCustomer.named("mailto"));
    assertThat(customers.hasConsent(customer.id(), "EMAIL")).isTrue();
    String oneClick = links.links().unsubscribeUrl(customer.id(), Channel.EMAIL, "mailto-test:" + customer.id());
    String token = oneClick.substring(oneClick.indexOf("?t=") + 3);
    // A character well inside the token (the last one of base64 text may carry only padding bits).
    int at = token.length() - 6;
    String forged = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
    send("unsubscribe " + forged);
    UnsubscribeMailboxPoller poller = new UnsubscribeMailboxPoller(new UnsubscribeMailboxProperties(true, "127.0.0.1",
        mailbox.getImap().getPort(), "unsubscribe", "imap-test-secret", false, null, null, Duration.ofSeconds(10)),
        links, responses);

    assertThat(poller.pollOnce()).isEqualTo(1);
    assertThat(customers.hasConsent(customer.id(), "EMAIL")).as("forged token").isTrue();

    send("unsubscribe " + token);
    assertThat(poller.pollOnce()).isEqualTo(1);
    assertThat(customers.hasConsent(customer.id(), "EMAIL")).isFalse();
    assertThat(customers.consents(customer.id())).filteredOn(c -> c.channel().equals("EMAIL")).singleElement()
        .satisfies(c -> assertThat(c.source()).startsWith("unsubscribe:"));
    assertThat(poller.pollOnce()).as("read once").isZero();
  }

  private void send(String subject) {
    int before = mailbox.getReceivedMessages().length;
    GreenMailUtil.sendTextEmail("unsubscribe@engage.local", "someone@example.com", subject, "",
        mailbox.getSmtp().getServerSetup());
    assertThat(mailbox.waitForIncomingEmail(10_000, before + 1)).isTrue();
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
