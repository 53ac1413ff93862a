package io.engage.engine.messaging;

import io.engage.connectors.email.TrackedLink;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The links in messages, for customers (no login; each link carries a token signed for exactly one
 * customer, message and purpose): one-click unsubscribe (RFC 8058 POST, and a GET that asks to
 * confirm, since mail scanners follow links), the open pixel, and click redirects that only go to
 * the URL signed into the link, so they cannot be used as an open redirect.
 */
@RestController
@RequestMapping(MessageLinks.PATH)
@Tag(name = "Message links", description = "Unsubscribe, open pixel and click redirect (public, signed)")
class TrackingController {

  /** The smallest transparent GIF. */
  private static final byte[] PIXEL = Base64.getDecoder()
      .decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);

  private final MessageLinks links;
  private final CustomerResponses responses;

  TrackingController(MessageLinks links, CustomerResponses responses) {
    this.links = links;
    this.responses = responses;
  }

  @Operation(summary = "Unsubscribe page: asks to confirm (a GET never unsubscribes)")
  @GetMapping("/u")
  ResponseEntity<String> confirmUnsubscribe(@RequestParam(name = "t", required = false) String token) {
    Optional<TrackedLink> link = links.links().verify(token, TrackedLink.Kind.UNSUBSCRIBE);
    if (link.isEmpty()) {
      return page(HttpStatus.NOT_FOUND, "链接无效 Link not valid",
          "<p>这个退订链接无效或已损坏。This unsubscribe link is not valid.</p>");
    }
    String action = HtmlUtils.htmlEscape(MessageLinks.PATH + "/u?t=" + token);
    String channel = link.get().channel().name().toLowerCase();
    return page(HttpStatus.OK, "退订 Unsubscribe",
        "<p>确定不再接收营销" + channelZh(channel) + "吗？Stop marketing " + channel + " messages?</p>"
            + "<form method=\"post\" action=\"" + action + "\">"
            + "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
            + "<button type=\"submit\">退订 Unsubscribe</button></form>");
  }

  @Operation(summary = "One-click unsubscribe (RFC 8058): withdraws consent on the channel at once")
  @PostMapping("/u")
  ResponseEntity<String> unsubscribe(@RequestParam(name = "t", required = false) String token) {
    Optional<TrackedLink> link = links.links().verify(token, TrackedLink.Kind.UNSUBSCRIBE);
    if (link.isEmpty()) {
      return page(HttpStatus.NOT_FOUND, "链接无效 Link not valid", "<p>This unsubscribe link is not valid.</p>");
    }
    responses.unsubscribed(link.get());
    return page(HttpStatus.OK, "已退订 Unsubscribed",
        "<p>您已退订，不会再收到营销消息。You are unsubscribed and will get no more marketing messages.</p>");
  }

  @Operation(summary = "Open pixel: records message.opened and answers a 1x1 GIF")
  @GetMapping("/o")
  ResponseEntity<byte[]> open(@RequestParam(name = "t", required = false) String token) {
    links.links().verify(token, TrackedLink.Kind.OPEN).ifPresent(responses::opened);
    return ResponseEntity.ok().contentType(MediaType.IMAGE_GIF).cacheControl(CacheControl.noStore()).body(PIXEL);
  }

  @Operation(summary = "Click redirect: records message.clicked and redirects to the signed URL only")
  @GetMapping("/c")
  ResponseEntity<String> click(@RequestParam(name = "t", required = false) String token) {
    Optional<TrackedLink> link = links.links().verify(token, TrackedLink.Kind.CLICK);
    if (link.isEmpty() || link.get().target() == null || !web(link.get().target())) {
      return page(HttpStatus.NOT_FOUND, "链接无效 Link not valid", "<p>This link is not valid.</p>");
    }
    responses.clicked(link.get());
    return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(link.get().target()))
        .cacheControl(CacheControl.noStore()).build();
  }

  private static boolean web(String target) {
    try {
      String scheme = URI.create(target).getScheme();
      return "https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String channelZh(String channel) {
    return switch (channel) {
      case "email" -> "邮件";
      case "sms" -> "短信";
      case "push" -> "推送";
      default -> "消息";
    };
  }

  private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
    String html = "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width\"><title>" + title + "</title></head><body>"
        + "<h1>" + title + "</h1>" + body + "</body></html>";
    return ResponseEntity.status(status).contentType(HTML).cacheControl(CacheControl.noStore()).body(html);
  }
}
