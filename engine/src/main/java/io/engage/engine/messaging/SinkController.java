package io.engage.engine.messaging;

import io.engage.connectors.sms.LocalSmsSink;
import io.engage.engine.platform.embedded.LocalSmtpSink;
import io.engage.engine.platform.web.ApiProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the embedded default's local sinks received; 404 when real providers are configured. */
@RestController
@RequestMapping("/api/sinks")
@Tag(name = "Local sinks", description = "Messages captured by the embedded default's email and SMS sinks")
class SinkController {

  private final ObjectProvider<LocalSmtpSink> smtp;
  private final ObjectProvider<LocalSmsSink> sms;

  SinkController(ObjectProvider<LocalSmtpSink> smtp, ObjectProvider<LocalSmsSink> sms) {
    this.smtp = smtp;
    this.sms = sms;
  }

  record SinkMessage(String recipient, String subject, String text, Instant at) {}

  @Operation(summary = "Emails the local SMTP sink received, newest first")
  @GetMapping("/email")
  List<SinkMessage> email(@RequestParam(defaultValue = "50") int limit) {
    LocalSmtpSink sink = smtp.getIfAvailable();
    if (sink == null) {
      throw ApiProblemException.notFound("The local email sink (a real SMTP server is configured)");
    }
    return sink.messages().stream().limit(Math.clamp(limit, 1, 500)).map(SinkController::toSinkMessage).toList();
  }

  @Operation(summary = "SMS the local SMS sink received, newest first")
  @GetMapping("/sms")
  List<SinkMessage> sms(@RequestParam(defaultValue = "50") int limit) {
    LocalSmsSink sink = sms.getIfAvailable();
    if (sink == null) {
      throw ApiProblemException.notFound("The local SMS sink (a real SMS provider is configured)");
    }
    return sink.messages().stream().limit(Math.clamp(limit, 1, 500))
        .map(m -> new SinkMessage(m.recipient(), null, m.text(), m.at())).toList();
  }

  private static SinkMessage toSinkMessage(MimeMessage message) {
    try {
      String recipient = message.getAllRecipients() == null ? null : message.getAllRecipients()[0].toString();
      Instant at = message.getSentDate() == null ? null : message.getSentDate().toInstant();
      return new SinkMessage(recipient, message.getSubject(), MimeText.plainText(message), at);
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("Unreadable message in the local SMTP sink", e);
    }
  }
}
