package io.engage.engine.messaging;

import io.engage.engine.customer.Customers;
import io.engage.engine.platform.web.ApiProblemException;
import io.engage.engine.platform.web.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/messages")
@Tag(name = "Messages", description = "Send a message to a customer; read a message with its attempts")
class MessageController {

  private static final int MAX_KEY = 128;
  private static final int MAX_VARS = 50;

  private final MessageService messages;
  private final MessageHistory history;
  private final TemplateStore templates;
  private final Customers customers;

  MessageController(MessageService messages, MessageHistory history, TemplateStore templates, Customers customers) {
    this.messages = messages;
    this.history = history;
    this.templates = templates;
    this.customers = customers;
  }

  record SendBody(String idempotencyKey, String customerId, String channel, String template, String category,
      Map<String, Object> vars) {}

  record MessageView(Message message, List<MessageAttempt> attempts, List<MessageEvent> events) {}

  @Operation(summary = "Send a message (transactional or marketing) with your idempotency key",
      description = "202 with the queued message; a repeat of the same key answers 200 with the same message and "
          + "sends nothing. The dispatcher applies consent, unsubscribes, the frequency cap and quiet hours "
          + "(marketing) and sends within moments.")
  @PostMapping
  ResponseEntity<Message> send(@RequestBody SendBody body, Principal caller) {
    List<FieldError> errors = validate(body);
    if (!errors.isEmpty()) {
      throw new ApiProblemException(HttpStatus.BAD_REQUEST, "Invalid message", "Some fields are invalid", errors);
    }
    if (customers.find(body.customerId()).isEmpty()) {
      throw unprocessable("customerId", "no customer " + body.customerId());
    }
    if (templates.find(body.template()).isEmpty()) {
      throw unprocessable("template", "no template " + body.template());
    }
    String key = "api:" + caller.getName() + ":" + body.idempotencyKey();
    String channel = body.channel() == null ? DeliveryPolicy.PREFERRED : body.channel().toLowerCase(Locale.ROOT);
    Message existing = messages.find(key).orElse(null);
    Message message = existing != null ? existing : messages.enqueue(SendRequest.of(key, body.customerId(), channel,
        body.template(), body.category(), body.vars()));
    if (!sameRequest(message, body, channel)) {
      throw new ApiProblemException(HttpStatus.CONFLICT, "Idempotency key reused",
          "The key " + body.idempotencyKey() + " was used for a different message (id " + message.id() + ")",
          List.of(new FieldError("idempotencyKey", "already used for another customer, template, channel or category")));
    }
    return ResponseEntity.status(existing == null ? HttpStatus.ACCEPTED : HttpStatus.OK)
        .location(URI.create("/api/messages/" + message.id()))
        .body(message);
  }

  @Operation(summary = "A message with every provider attempt and what the customer did with it")
  @GetMapping("/{id}")
  MessageView get(@PathVariable long id) {
    Message message = messages.find(id).orElseThrow(() -> ApiProblemException.notFound("Message " + id));
    return new MessageView(message, history.attempts(id), history.eventsForMessage(id));
  }

  private static boolean sameRequest(Message message, SendBody body, String channel) {
    return Objects.equals(message.customerId(), body.customerId()) && Objects.equals(message.template(), body.template())
        && Objects.equals(message.category(), body.category()) && Objects.equals(message.requestedChannel(), channel);
  }

  private static List<FieldError> validate(SendBody body) {
    List<FieldError> errors = new ArrayList<>();
    if (body.idempotencyKey() == null || body.idempotencyKey().isBlank() || body.idempotencyKey().length() > MAX_KEY) {
      errors.add(new FieldError("idempotencyKey", "is required, at most " + MAX_KEY + " characters"));
    }
    if (body.customerId() == null || body.customerId().isBlank()) {
      errors.add(new FieldError("customerId", "is required"));
    }
    if (body.template() == null || body.template().isBlank()) {
      errors.add(new FieldError("template", "is required"));
    }
    if (body.channel() != null && !MessageService.CHANNELS.contains(body.channel().toLowerCase(Locale.ROOT))) {
      errors.add(new FieldError("channel", "must be one of preferred, email, sms, push, wechat"));
    }
    if (!MessageService.CATEGORIES.contains(body.category())) {
      errors.add(new FieldError("category", "must be marketing or transactional"));
    }
    if (body.vars() != null) {
      if (body.vars().size() > MAX_VARS) {
        errors.add(new FieldError("vars", "at most " + MAX_VARS + " entries"));
      }
      body.vars().forEach((name, value) -> {
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
          errors.add(new FieldError("vars." + name, "must be a string, number or boolean"));
        }
      });
    }
    return errors;
  }

  private static ApiProblemException unprocessable(String field, String reason) {
    return new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "Cannot send", reason,
        List.of(new FieldError(field, reason)));
  }
}
