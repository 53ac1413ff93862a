package io.engage.engine.messaging;

import io.engage.connectors.Channel;
import io.engage.connectors.template.TemplateSyntaxException;
import io.engage.engine.customer.Customer;
import io.engage.engine.customer.Customers;
import io.engage.engine.platform.web.ApiProblemException;
import io.engage.engine.platform.web.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/templates")
@Tag(name = "Message templates", description = "Liquid templates per locale and channel, stored in the database")
class TemplateController {

  private final TemplateStore templates;
  private final Customers customers;
  private final MessageRenderer renderer;
  private final MessageLinks links;

  TemplateController(TemplateStore templates, Customers customers, MessageRenderer renderer, MessageLinks links) {
    this.templates = templates;
    this.customers = customers;
    this.renderer = renderer;
    this.links = links;
  }

  record TemplateSummary(String key, String description, String fallbackLocale, int version, List<String> locales,
      List<String> channels, String updatedBy, Instant updatedAt) {}

  record CreateBody(String key, String description, String fallbackLocale, List<TemplateVariant> variants) {}

  record PreviewBody(String customerId, String locale, String channel, Map<String, Object> vars) {}

  record Preview(String template, int version, String locale, String channel, String subject, String text,
      String html, Map<String, String> fields) {}

  @Operation(summary = "Every template, with its locales and channels")
  @GetMapping
  List<TemplateSummary> list() {
    return templates.list().stream().map(TemplateController::summary).toList();
  }

  @Operation(summary = "One template with all its variants")
  @GetMapping("/{key}")
  StoredTemplate get(@PathVariable String key) {
    return templates.get(key);
  }

  @Operation(summary = "Create a template", description = "422 names the variant, part, line and column of a Liquid error")
  @PostMapping
  ResponseEntity<StoredTemplate> create(@RequestBody CreateBody body, Principal user) {
    StoredTemplate created = templates.create(body.key(), new TemplateStore.TemplateDraft(body.description(),
        body.fallbackLocale(), null, body.variants()), user.getName());
    return ResponseEntity.created(URI.create("/api/templates/" + created.key())).body(created);
  }

  @Operation(summary = "Replace a template's variants",
      description = "Send the version you edited to be told (409) when someone else saved in between")
  @PutMapping("/{key}")
  StoredTemplate update(@PathVariable String key, @RequestBody TemplateStore.TemplateDraft draft, Principal user) {
    return templates.update(key, draft, user.getName());
  }

  @Operation(summary = "Delete a template")
  @DeleteMapping("/{key}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable String key) {
    templates.delete(key);
  }

  @Operation(summary = "Render a template for a real customer without sending it",
      description = "The customer's locale and preferred channel unless given; then the template's fallback locale")
  @PostMapping("/{key}/preview")
  Preview preview(@PathVariable String key, @RequestBody PreviewBody body) {
    StoredTemplate template = templates.get(key);
    if (body.customerId() == null) {
      throw new ApiProblemException(HttpStatus.BAD_REQUEST, "Invalid preview", "customerId is required",
          List.of(new FieldError("customerId", "is required")));
    }
    Customer customer = customers.find(body.customerId())
        .orElseThrow(() -> ApiProblemException.notFound("Customer " + body.customerId()));
    Channel channel = channel(body.channel() != null ? body.channel() : customer.preferredChannel());
    String locale = body.locale() == null ? customer.locale() : body.locale();
    TemplateVariant variant = template.variantFor(locale, channel.name()).orElseThrow(() ->
        new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "No variant",
            "Template " + key + " has no variant for " + locale + " or " + template.fallbackLocale(),
            List.of(new FieldError("locale", "no variant"))));
    try {
      MessageRenderer.Rendered rendered = renderer.render(key, variant,
          renderer.forCustomer(customer, body.vars() == null ? Map.of() : body.vars(), links.previewLinks(channel)));
      return new Preview(key, template.version(), variant.locale(), channel.name().toLowerCase(Locale.ROOT),
          rendered.subject(), rendered.text(), rendered.html(), rendered.fields());
    } catch (TemplateSyntaxException e) {
      throw new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "Template failed to render", e.getMessage(),
          List.of(new FieldError(e.part(), e.getMessage(), e.line(), e.column())));
    } catch (IllegalArgumentException e) {
      throw new ApiProblemException(HttpStatus.BAD_REQUEST, "Invalid preview", e.getMessage(),
          List.of(new FieldError("vars", e.getMessage())));
    }
  }

  private static Channel channel(String name) {
    try {
      return Channel.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ApiProblemException(HttpStatus.BAD_REQUEST, "Invalid preview", "channel " + name + " is unknown",
          List.of(new FieldError("channel", "must be one of email, sms, push, wechat")));
    }
  }

  private static TemplateSummary summary(StoredTemplate t) {
    return new TemplateSummary(t.key(), t.description(), t.fallbackLocale(), t.version(),
        t.variants().stream().map(TemplateVariant::locale).distinct().toList(),
        t.variants().stream().map(v -> v.channel().toLowerCase(Locale.ROOT)).distinct().toList(),
        t.updatedBy(), t.updatedAt());
  }
}
