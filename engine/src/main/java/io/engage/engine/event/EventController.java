package io.engage.engine.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.engage.engine.event.EventIngestService.ItemResult;
import io.engage.engine.event.EventIngestService.Status;
import io.engage.engine.platform.web.ApiProblemException;
import io.engage.engine.platform.web.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Event ingest. A single event gets 202 (accepted), 200 (duplicate) or 400 (invalid). A batch gets
 * 202 when every item was accepted or a duplicate, 207 with per-item results when some were
 * rejected, 400 when all were; rejected items store nothing, accepted ones are durable.
 */
@RestController
@RequestMapping("/api/events")
@Tag(name = "Events", description = "Ingest customer events (registrations, orders, ...)")
class EventController {

  private final EventIngestService ingest;
  private final int maxBatchSize;

  EventController(EventIngestService ingest, @Value("${engage.events.max-batch-size}") int maxBatchSize) {
    this.ingest = ingest;
    this.maxBatchSize = maxBatchSize;
  }

  record ItemResponse(int index, String eventId, String status, List<FieldError> errors) {}

  record BatchResponse(int accepted, int duplicates, int rejected, List<ItemResponse> items) {}

  @Operation(summary = "Send one event, an array of events, or {\"events\": [...]}")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> post(@RequestBody JsonNode body) {
    if (body.isObject() && !body.has("events")) {
      return single(ingest.ingest(List.of(body)).getFirst());
    }
    JsonNode batch = body.isObject() ? body.get("events") : body;
    if (!batch.isArray()) {
      throw new ApiProblemException(HttpStatus.BAD_REQUEST, "Malformed request",
          "The body must be an event object, an array of events, or {\"events\": [...]}",
          List.of(new FieldError("events", "must be an array")));
    }
    if (batch.isEmpty()) {
      throw new ApiProblemException(HttpStatus.BAD_REQUEST, "Empty batch", "The batch has no events",
          List.of(new FieldError("events", "must not be empty")));
    }
    if (batch.size() > maxBatchSize) {
      throw new ApiProblemException(HttpStatus.PAYLOAD_TOO_LARGE, "Batch too large",
          "The batch has " + batch.size() + " events; at most " + maxBatchSize + " are accepted per request",
          List.of(new FieldError("events", "must have at most " + maxBatchSize + " items")));
    }
    List<JsonNode> items = new ArrayList<>(batch.size());
    batch.forEach(items::add);
    return batchResponse(ingest.ingest(items));
  }

  private ResponseEntity<?> single(ItemResult result) {
    if (result.status() == Status.REJECTED) {
      throw new ApiProblemException(HttpStatus.BAD_REQUEST, "Invalid event",
          "The event was not stored: " + describe(result.errors()), result.errors());
    }
    HttpStatus status = result.status() == Status.ACCEPTED ? HttpStatus.ACCEPTED : HttpStatus.OK;
    return ResponseEntity.status(status).body(Map.of("eventId", result.eventId(), "status", label(result.status())));
  }

  private ResponseEntity<?> batchResponse(List<ItemResult> results) {
    int accepted = count(results, Status.ACCEPTED);
    int duplicates = count(results, Status.DUPLICATE);
    int rejected = count(results, Status.REJECTED);
    List<ItemResponse> items = results.stream()
        .map(r -> new ItemResponse(r.index(), r.eventId(), label(r.status()), r.errors().isEmpty() ? null : r.errors()))
        .toList();
    if (rejected == results.size()) {
      List<FieldError> errors = results.stream()
          .flatMap(r -> r.errors().stream().map(e -> new FieldError(
              "events[" + r.index() + "]" + (e.field().isEmpty() ? "" : "." + e.field()), e.reason())))
          .toList();
      throw new ApiProblemException(HttpStatus.BAD_REQUEST, "Invalid events", "No event in the batch was valid; nothing was stored", errors);
    }
    HttpStatus status = rejected == 0 ? HttpStatus.ACCEPTED : HttpStatus.MULTI_STATUS;
    return ResponseEntity.status(status).body(new BatchResponse(accepted, duplicates, rejected, items));
  }

  private static int count(List<ItemResult> results, Status status) {
    return (int) results.stream().filter(r -> r.status() == status).count();
  }

  private static String label(Status status) {
    return status.name().toLowerCase();
  }

  private static String describe(List<FieldError> errors) {
    return errors.stream().map(e -> e.field() + " " + e.reason()).reduce((a, b) -> a + "; " + b).orElse("");
  }
}
