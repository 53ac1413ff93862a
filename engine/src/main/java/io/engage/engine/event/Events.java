package io.engage.engine.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.engage.engine.platform.identity.CustomerAliases;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Reads stored events back, with their data typed. The event feature's public API for others. */
@Component
public class Events {

  /** The outbox topic under which live events wait to be published to journeys. */
  public static final String JOURNEY_TOPIC = "journey";

  static final String LIVE = "api";
  static final String HISTORY = "history";

  private final EventMapper mapper;
  private final ObjectMapper json;
  private final ObjectProvider<CustomerAliases> aliases;

  Events(EventMapper mapper, ObjectMapper json, ObjectProvider<CustomerAliases> aliases) {
    this.mapper = mapper;
    this.json = json;
    this.aliases = aliases;
  }

  /**
   * The id of the customer an event is for now: a merged profile's events go to the survivor, even
   * when they were stored before the merge.
   */
  String canonicalCustomerId(String customerId) {
    CustomerAliases resolver = aliases.getIfAvailable();
    return resolver == null ? customerId : resolver.canonicalId(customerId);
  }

  public Optional<StoredEvent> find(String eventId) {
    EventMapper.EventRow row = mapper.findByEventId(eventId);
    if (row == null) {
      return Optional.empty();
    }
    return Optional.of(new StoredEvent(row.eventId(), canonicalCustomerId(row.customerId()),
        EventType.fromWireName(row.type()).orElseThrow(), row.occurredAt(), row.receivedAt(), parse(row.payload()),
        LIVE.equals(row.source())));
  }

  /**
   * Deletes one batch of raw events received before {@code cutoff} (retention); what was derived
   * from them (orders, ledger, tiers, scores) is kept. Returns how many were deleted. Read
   * committed: under repeatable read the outbox rows its NOT EXISTS reads get shared locks, and the
   * outbox relay marking rows done deadlocked with it.
   */
  @org.springframework.transaction.annotation.Transactional(
      isolation = org.springframework.transaction.annotation.Isolation.READ_COMMITTED)
  public int deleteReceivedBefore(Instant cutoff, int limit) {
    return mapper.deleteReceivedBefore(cutoff, limit);
  }

  /** A merge moves the merged profile's event history to the survivor; returns how many events moved. */
  @org.springframework.transaction.annotation.Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  public int reassignCustomer(String from, String to) {
    return mapper.reassignCustomer(from, to);
  }

  public StoredEvent get(String eventId) {
    return find(eventId).orElseThrow(() -> new IllegalStateException("No stored event " + eventId));
  }

  public CustomerRegistered customerRegistered(StoredEvent event) {
    return typed(event, EventType.CUSTOMER_REGISTERED, CustomerRegistered.class);
  }

  public OrderPlaced orderPlaced(StoredEvent event) {
    return typed(event, EventType.ORDER_PLACED, OrderPlaced.class);
  }

  /** The id of a review or share event's activity. */
  public String activityId(StoredEvent event) {
    if (event.type() != EventType.REVIEW_POSTED && event.type() != EventType.CONTENT_SHARED) {
      throw new IllegalArgumentException(event.eventId() + " is not an activity");
    }
    return event.data().path("activityId").asText();
  }

  public OrderRefunded orderRefunded(StoredEvent event) {
    return typed(event, EventType.ORDER_REFUNDED, OrderRefunded.class);
  }

  public ComplaintOpened complaintOpened(StoredEvent event) {
    return typed(event, EventType.COMPLAINT_OPENED, ComplaintOpened.class);
  }

  public ComplaintResolved complaintResolved(StoredEvent event) {
    return typed(event, EventType.COMPLAINT_RESOLVED, ComplaintResolved.class);
  }

  public SurveyAnswered surveyAnswered(StoredEvent event) {
    return typed(event, EventType.SURVEY_ANSWERED, SurveyAnswered.class);
  }

  private <T> T typed(StoredEvent event, EventType expected, Class<T> type) {
    if (event.type() != expected) {
      throw new IllegalArgumentException(event.eventId() + " is " + event.type() + ", not " + expected);
    }
    try {
      return json.treeToValue(event.data(), type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored event " + event.eventId() + " does not match " + type.getSimpleName(), e);
    }
  }

  String write(JsonNode data) {
    try {
      return json.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode parse(String payload) {
    try {
      return json.readTree(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored event payload is not JSON", e);
    }
  }
}
