package io.engage.engine.messaging;

import io.engage.engine.platform.pii.PersonalData;
import io.engage.engine.platform.embedded.LocalSmtpSink;
import io.engage.engine.platform.web.ApiProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the embedded default's local sinks received. Email: 404 when a real SMTP relay is
 * configured; the SMS, push and WeChat sinks answer whenever they exist (they receive nothing once
 * real providers are configured for their channel).
 */
@RestController
@RequestMapping("/api/sinks")
@Tag(name = "Local sinks", description = "Messages captured by the embedded default's email, SMS, push and WeChat sinks")
class SinkController {

  private final ObjectProvider<LocalSmtpSink> smtp;
  private final ChannelProviders.Sinks sinks;

  SinkController(ObjectProvider<LocalSmtpSink> smtp, ChannelProviders.Sinks sinks) {
    this.smtp = smtp;
    this.sinks = sinks;
  }

  /**
   * @param recipient the address, phone number, device token or openid
   * @param data push custom data, or WeChat template fields
   */
  record SinkMessage(@PersonalData String recipient, String subject, String text, Map<String, String> data, String link,
      String templateId, Instant at) {}

  @Operation(summary = "Emails the local SMTP sink received, newest first")
  @GetMapping("/email")
  List<SinkMessage> email(@RequestParam(defaultValue = "50") int limit) {
    LocalSmtpSink sink = smtp.getIfAvailable();
    if (sink == null) {
      throw ApiProblemException.notFound("The local email sink (a real SMTP server is configured)");
    }
    return sink.messages().stream().limit(clamp(limit)).map(SinkController::toSinkMessage).toList();
  }

  @Operation(summary = "SMS the local SMS sink received, newest first")
  @GetMapping("/sms")
  List<SinkMessage> sms(@RequestParam(defaultValue = "50") int limit) {
    return sinks.sms().messages().stream().limit(clamp(limit))
        .map(m -> new SinkMessage(m.recipient(), null, m.text(), null, null, null, m.at())).toList();
  }

  @Operation(summary = "App pushes the local push sink received, newest first")
  @GetMapping("/push")
  List<SinkMessage> push(@RequestParam(defaultValue = "50") int limit) {
    return local(sinks.push(), limit);
  }

  @Operation(summary = "WeChat template messages the local WeChat sink received, newest first")
  @GetMapping("/wechat")
  List<SinkMessage> wechat(@RequestParam(defaultValue = "50") int limit) {
    return local(sinks.wechat(), limit);
  }

  private static List<SinkMessage> local(LocalSink sink, int limit) {
    return sink.messages().stream().limit(clamp(limit))
        .map(m -> new SinkMessage(m.recipient(), m.title(), m.text(), m.data(), m.link(), m.templateId(), m.at()))
        .toList();
  }

  private static long clamp(int limit) {
    return Math.clamp(limit, 1, 500);
  }

  private static SinkMessage toSinkMessage(MimeMessage message) {
    try {
      String recipient = message.getAllRecipients() == null ? null : message.getAllRecipients()[0].toString();
      Instant at = message.getSentDate() == null ? null : message.getSentDate().toInstant();
      return new SinkMessage(recipient, message.getSubject(), MimeText.plainText(message), null, null, null, at);
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("Unreadable message in the local SMTP sink", e);
    }
  }
}
