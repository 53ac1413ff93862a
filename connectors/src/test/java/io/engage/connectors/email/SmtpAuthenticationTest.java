package io.engage.connectors.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.engage.connectors.DeliveryResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Credentials from the settings reach the relay. */
class SmtpAuthenticationTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withUser("relay-user", "s3cret"));

  @Test
  void logsInWithTheConfiguredCredentials() {
    SmtpEmailConnector connector = new SmtpEmailConnector(new SmtpSettings("127.0.0.1",
        greenMail.getSmtp().getPort(), "relay-user", "s3cret", false, false, "no-reply@engage.test",
        Duration.ofSeconds(5)));

    DeliveryResult result = connector.send(SmtpEmailConnectorTest.message("k-auth", "a@example.com", "s", "t", null));

    assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.SENT);
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void aRejectedLoginIsTransientSoMessagesWaitForTheFixedConfiguration() {
    SmtpEmailConnector connector = new SmtpEmailConnector(new SmtpSettings("127.0.0.1",
        greenMail.getSmtp().getPort(), "relay-user", "wrong", false, false, "no-reply@engage.test",
        Duration.ofSeconds(5)));

    DeliveryResult result = connector.send(SmtpEmailConnectorTest.message("k-auth", "a@example.com", "s", "t", null));

    assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.TRANSIENT_FAILURE);
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void settingsNeverPrintThePassword() {
    SmtpSettings settings = new SmtpSettings("smtp.example.com", 587, "u", "s3cret", true, false,
        "no-reply@engage.test", null);

    assertThat(settings.toString()).doesNotContain("s3cret");
    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
  }
}
