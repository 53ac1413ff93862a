package io.engage.engine.messaging;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Engage decides whether, when and how often a message goes out.
 *
 * @param frequencyCap marketing messages per customer across channels within a rolling period
 * @param quietHours local times (in the customer's time zone) in which marketing messages wait
 * @param retry attempts and backoff for transient provider failures
 * @param publicUrl where customers reach this engine: the base of unsubscribe and tracking links
 * @param linkSecrets sign those links (the first signs, all verify; at least 32 bytes each); when
 *     empty one is generated and kept in the database
 * @param unsubscribeMailto the mailto address of the List-Unsubscribe header
 * @param dispatcher the poller that sends API and staff messages (journey sends run in their job)
 * @param staff who receives staff notifications, besides the users with an email and the role
 * @param locales the locales templates may have; the first is the fallback of a new template
 * @param site the shop templates link to ({@code site.name}, {@code site.url})
 */
@ConfigurationProperties("engage.messaging")
public record MessagingProperties(
    FrequencyCap frequencyCap,
    QuietHours quietHours,
    Retry retry,
    URI publicUrl,
    List<String> linkSecrets,
    String unsubscribeMailto,
    Dispatcher dispatcher,
    Staff staff,
    List<String> locales,
    Site site) {

  public MessagingProperties {
    frequencyCap = frequencyCap == null ? new FrequencyCap(3, Duration.ofDays(7)) : frequencyCap;
    quietHours = quietHours == null ? new QuietHours(true, LocalTime.of(21, 0), LocalTime.of(9, 0)) : quietHours;
    retry = retry == null ? new Retry(6, Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofSeconds(2),
        Duration.ofSeconds(1)) : retry;
    publicUrl = publicUrl == null ? URI.create("http://localhost:8080") : publicUrl;
    linkSecrets = linkSecrets == null ? List.of() : linkSecrets.stream().filter(s -> s != null && !s.isBlank()).toList();
    unsubscribeMailto = unsubscribeMailto == null ? "unsubscribe@engage.local" : unsubscribeMailto;
    dispatcher = dispatcher == null ? new Dispatcher(Duration.ofSeconds(1), 50) : dispatcher;
    staff = staff == null ? new Staff("zh-CN", Map.of()) : staff;
    locales = locales == null || locales.isEmpty() ? List.of("zh-CN", "en") : List.copyOf(locales);
    site = site == null ? new Site("Engage", URI.create("https://shop.example.com")) : site;
  }

  public record Site(String name, URI url) {}

  /** {@code maxMessages} 0 turns the cap off. */
  public record FrequencyCap(int maxMessages, Duration period) {}

  /** A window that may cross midnight (21:00-09:00); start equal to end means none. */
  public record QuietHours(boolean enabled, LocalTime start, LocalTime end) {}

  /**
   * @param maxAttempts attempts in all, the first included
   * @param maxInlineWait how long one attempt may wait in the sending thread before a retry; longer
   *     waits reschedule the message (Zeebe job backoff or the dispatcher)
   * @param rateLimitWait how long a message waits for a provider's rate-limit permit
   */
  public record Retry(int maxAttempts, Duration initialDelay, Duration maxDelay, Duration maxInlineWait,
      Duration rateLimitWait) {}

  public record Dispatcher(Duration pollInterval, int batchSize) {}

  /**
   * @param locale the language of staff notifications
   * @param addresses email addresses per role (AGENT, SERVICE_MANAGER, ADMIN, ...)
   */
  public record Staff(String locale, Map<String, List<String>> addresses) {
    public Staff {
      addresses = addresses == null ? Map.of() : Map.copyOf(addresses);
    }
  }
}
