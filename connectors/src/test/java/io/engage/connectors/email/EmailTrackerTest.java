package io.engage.connectors.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.engage.connectors.Channel;
import io.engage.connectors.OutboundMessage;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmailTrackerTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final String SECRET = "a-test-secret-of-at-least-32-bytes!!";
  private final TrackingLinks links = new TrackingLinks(
      new TrackingSettings("https://engage.example.com/t/", "unsubscribe@engage.example.com", List.of(SECRET)));
  private final EmailTracker tracker = new EmailTracker(links);

  private static final String HTML = """
      <html><body><p>双十一会员日</p>
      <a href="https://shop.example.com/sale?utm_source=email&amp;c=11">去逛逛</a>
      <a class="btn" href='https://shop.example.com/coupon'>领券</a>
      <a href="mailto:service@shop.example.com">客服</a>
      <a data-engage-notrack href="https://shop.example.com/privacy">隐私</a>
      <a href="https://engage.example.com/t/u?t=abc">退订</a>
      </body></html>""";

  @Test
  void marketingMailCarriesOneClickUnsubscribeHeadersThatVerify() throws Exception {
    OutboundMessage message = tracker.prepare(
        OutboundMessage.email("j-7:greet:c-42", "ann@example.com", "双十一", "去逛逛 https://shop.example.com/sale", HTML),
        "c-42", true);

    SmtpEmailConnectorTest.connectorOn(greenMail.getSmtp().getPort()).send(message);

    MimeMessage received = greenMail.getReceivedMessages()[0];
    assertThat(received.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
    String listUnsubscribe = received.getHeader("List-Unsubscribe", null).replaceAll("\\r\\n\\s*", " ");
    Matcher parts = Pattern.compile("<mailto:unsubscribe@engage\\.example\\.com\\?subject=unsubscribe%20([^>]+)>, "
        + "<(https://engage\\.example\\.com/t/u\\?t=([^>]+))>").matcher(listUnsubscribe);
    assertThat(parts.matches()).as(listUnsubscribe).isTrue();
    assertThat(parts.group(1)).isEqualTo(parts.group(3));
    TrackedLink unsubscribe = links.verify(parts.group(3), TrackedLink.Kind.UNSUBSCRIBE).orElseThrow();
    assertThat(unsubscribe).isEqualTo(new TrackedLink(TrackedLink.Kind.UNSUBSCRIBE, "c-42", Channel.EMAIL,
        "j-7:greet:c-42", null));
  }

  @Test
  void htmlLinksBecomeSignedRedirectsAndAPixelIsAdded() throws Exception {
    OutboundMessage message = tracker.prepare(
        OutboundMessage.email("k-1", "ann@example.com", "s", "text https://shop.example.com/sale", HTML), "c-42", false);

    SmtpEmailConnectorTest.connectorOn(greenMail.getSmtp().getPort()).send(message);

    MimeMessage received = greenMail.getReceivedMessages()[0];
    assertThat(received.getHeader("List-Unsubscribe")).as("transactional mail").isNull();
    MimeMultipart parts = (MimeMultipart) received.getContent();
    assertThat(parts.getBodyPart(0).getContent().toString()).contains("https://shop.example.com/sale");
    String html = parts.getBodyPart(1).getContent().toString();

    List<String> targets = new ArrayList<>();
    Matcher click = Pattern.compile("href=[\"']https://engage\\.example\\.com/t/c\\?t=([^\"']+)[\"']").matcher(html);
    while (click.find()) {
      targets.add(links.verify(click.group(1), TrackedLink.Kind.CLICK).orElseThrow().target());
    }
    assertThat(targets).containsExactly("https://shop.example.com/sale?utm_source=email&c=11",
        "https://shop.example.com/coupon");
    assertThat(html).contains("href=\"mailto:service@shop.example.com\"")
        .contains("data-engage-notrack href=\"https://shop.example.com/privacy\"")
        .contains("href=\"https://engage.example.com/t/u?t=abc\"")
        .contains("class=\"btn\"");
    Matcher pixel = Pattern.compile("<img src=\"https://engage\\.example\\.com/t/o\\?t=([^\"]+)\"[^>]*></body>")
        .matcher(html);
    assertThat(pixel.find()).as(html).isTrue();
    assertThat(links.verify(pixel.group(1), TrackedLink.Kind.OPEN).orElseThrow().messageKey()).isEqualTo("k-1");
  }

  @Test
  void forgedAlteredOrMisusedTokensAreRefused() {
    String token = token(links.clickUrl("c-1", "k-1", "https://shop.example.com/"));
    String payload = token.substring(0, token.indexOf('.'));
    String signature = token.substring(token.indexOf('.') + 1);
    String evil = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        "c\nc-1\nEMAIL\nk-1\nhttps://evil.example.com/".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(links.verify(token, TrackedLink.Kind.CLICK)).isPresent();
    assertThat(links.verify(evil + "." + signature, TrackedLink.Kind.CLICK)).as("open redirect").isEmpty();
    assertThat(links.verify(token, TrackedLink.Kind.UNSUBSCRIBE)).as("another kind").isEmpty();
    assertThat(links.verify(payload + "." + signature.substring(1), TrackedLink.Kind.CLICK)).isEmpty();
    assertThat(links.verify("garbage", TrackedLink.Kind.CLICK)).isEmpty();
    assertThat(links.verify("%%%.***", TrackedLink.Kind.CLICK)).isEmpty();
    assertThat(links.verify(null, TrackedLink.Kind.CLICK)).isEmpty();

    TrackingLinks otherSecret = new TrackingLinks(new TrackingSettings("https://engage.example.com/t",
        "u@engage.example.com", List.of("another-secret-of-at-least-32-bytes!!")));
    assertThat(otherSecret.verify(token, TrackedLink.Kind.CLICK)).isEmpty();
  }

  @Test
  void aRotatedSecretStillVerifiesOldLinks() {
    String old = token(links.unsubscribeUrl("c-1", Channel.SMS, "k-9"));
    TrackingLinks rotated = new TrackingLinks(new TrackingSettings("https://engage.example.com/t",
        "u@engage.example.com", List.of("the-new-secret-of-at-least-32-bytes!!", SECRET)));

    assertThat(rotated.verify(old, TrackedLink.Kind.UNSUBSCRIBE).orElseThrow().channel()).isEqualTo(Channel.SMS);
    assertThat(links.verify(token(rotated.unsubscribeUrl("c-1", Channel.SMS, "k-9")), TrackedLink.Kind.UNSUBSCRIBE))
        .as("new links use the new secret").isEmpty();
  }

  private static String token(String url) {
    return url.substring(url.indexOf("?t=") + 3);
  }
}
