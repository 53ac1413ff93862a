package io.engage.engine.messaging;

import io.engage.connectors.Channel;
import io.engage.connectors.template.TemplateSyntaxException;
import io.engage.engine.customer.Customer;
import io.engage.engine.customer.Customers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What a journey step's message would be at a simulated time, without storing or sending
 * anything: the message rendered for the customer, and the delivery policy's verdict (consent,
 * frequency cap, quiet hours) as the real send would reach it. The cap counts the customer's real
 * marketing messages plus the ones the same preview has already "sent".
 */
@Service
public class MessagePreviews {

  private final Customers customers;
  private final DeliveryPolicy policy;
  private final TemplateStore templates;
  private final MessageRenderer renderer;
  private final MessageLinks links;

  MessagePreviews(Customers customers, DeliveryPolicy policy, TemplateStore templates, MessageRenderer renderer,
      MessageLinks links) {
    this.customers = customers;
    this.policy = policy;
    this.templates = templates;
    this.renderer = renderer;
    this.links = links;
  }

  /**
   * @param wouldBe {@code SENT}, {@code SUPPRESSED}, or {@code QUEUED} (quiet hours: sent at
   *     {@code sendsAt})
   * @param summary for people: "would be sent by email", "would be suppressed: capped: ..."
   * @param renderProblem why the template could not be rendered (the real send would wait for a fix)
   */
  public record Preview(String channel, String template, String category, String wouldBe, String reason,
      Instant sendsAt, String summary, String subject, String text, String renderProblem) {}

  /** The marketing messages one preview run would have sent so far. */
  public static final class Sends {
    private final List<Instant> marketing = new ArrayList<>();

    long since(Instant since) {
      return marketing.stream().filter(at -> !at.isBefore(since)).count();
    }
  }

  public Preview preview(String customerId, String requestedChannel, String template, String category,
      Map<String, Object> variables, Instant at, Sends sends) {
    String channelAsked = requestedChannel == null ? DeliveryPolicy.PREFERRED : requestedChannel;
    String kind = category == null ? Message.MARKETING : category;
    Optional<Customer> found = customers.find(customerId);
    if (found.isEmpty()) {
      return new Preview(channelAsked.toUpperCase(Locale.ROOT), template, kind, Message.SUPPRESSED, "unknown customer",
          null, "would be suppressed: unknown customer", null, null, null);
    }
    Customer customer = found.get();
    boolean marketing = Message.MARKETING.equals(kind);
    DeliveryPolicy.Decision decision = policy.decide(channelAsked, marketing, customer, at,
        since -> policy.marketingSentSince(customer.id(), since) + sends.since(since));
    Channel channel = decision.channel();
    return switch (decision) {
      case DeliveryPolicy.Suppress suppress -> new Preview(channel.name(), template, kind, Message.SUPPRESSED,
          suppress.reason(), null, "would be suppressed: " + suppress.reason(), null, null, null);
      case DeliveryPolicy.Wait wait -> {
        if (marketing) {
          sends.marketing.add(wait.until());
        }
        yield rendered(customer, channel, template, kind, Message.QUEUED, wait.reason(), wait.until(),
            "would wait (" + wait.reason() + "), then be sent by " + describe(channel), variables);
      }
      case DeliveryPolicy.Send send -> {
        if (marketing) {
          sends.marketing.add(at);
        }
        yield rendered(customer, channel, template, kind, Message.SENT, null, at,
            "would be sent by " + describe(channel), variables);
      }
    };
  }

  private Preview rendered(Customer customer, Channel channel, String key, String category, String wouldBe,
      String reason, Instant sendsAt, String summary, Map<String, Object> variables) {
    Optional<StoredTemplate> template = key == null ? Optional.empty() : templates.find(key);
    if (template.isEmpty()) {
      return new Preview(channel.name(), key, category, wouldBe, reason, sendsAt, summary, null, null,
          "no template '" + key + "'");
    }
    Optional<TemplateVariant> variant = template.get().variantFor(customer.locale(), channel.name());
    if (variant.isEmpty()) {
      return new Preview(channel.name(), key, category, wouldBe, reason, sendsAt, summary, null, null,
          "template '" + key + "' has no variant for " + customer.locale() + " or " + template.get().fallbackLocale());
    }
    try {
      MessageRenderer.Rendered rendered = renderer.render(key, variant.get(),
          renderer.forCustomer(customer, SendMessageWorker.templateVars(variables), links.previewLinks(channel)));
      return new Preview(channel.name(), key, category, wouldBe, reason, sendsAt, summary, rendered.subject(),
          rendered.text(), null);
    } catch (TemplateSyntaxException | IllegalArgumentException e) {
      return new Preview(channel.name(), key, category, wouldBe, reason, sendsAt, summary, null, null,
          "template '" + key + "' failed to render: " + e.getMessage());
    }
  }

  private static String describe(Channel channel) {
    return channel.name().toLowerCase(Locale.ROOT);
  }
}
