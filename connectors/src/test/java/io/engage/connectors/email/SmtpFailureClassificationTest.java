package io.engage.connectors.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.engage.connectors.DeliveryResult;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;

/** How SMTP replies map to retry or give up. */
class SmtpFailureClassificationTest {

  @Test
  void aMailboxUnavailableReplyIsPermanent() throws Exception {
    MessagingException e = new MessagingException("Invalid Addresses",
        new SMTPAddressFailedException(new InternetAddress("x@example.com"), "RCPT TO", 550, "550 no such user"));
    DeliveryResult result = SmtpEmailConnector.classify(e);
    assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.PERMANENT_FAILURE);
    assertThat(result.reason()).contains("550");
  }

  @Test
  void aTryLaterReplyIsTransient() throws Exception {
    MessagingException e = new MessagingException("Invalid Addresses",
        new SMTPAddressFailedException(new InternetAddress("x@example.com"), "RCPT TO", 451, "451 try again later"));
    assertThat(SmtpEmailConnector.classify(e).outcome()).isEqualTo(DeliveryResult.Outcome.TRANSIENT_FAILURE);
  }
}
