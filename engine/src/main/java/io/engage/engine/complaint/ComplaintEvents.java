package io.engage.engine.complaint;

import io.engage.engine.event.ComplaintOpened;
import io.engage.engine.event.ComplaintResolved;
import io.engage.engine.event.EventHandler;
import io.engage.engine.event.EventType;
import io.engage.engine.event.Events;
import io.engage.engine.event.StoredEvent;
import io.engage.engine.event.SurveyAnswered;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Keeps the complaint records in step with the events: opened, resolved, survey answered. Runs
 * before the events reach the journey, so the escalation workers always find the complaint. An
 * event for a complaint not (yet) stored fails and the outbox tries it again.
 */
@Component
class ComplaintEvents implements EventHandler {

  static final int SATISFIED_FROM = 3;

  private final Events events;
  private final ComplaintMapper mapper;
  private final Clock clock;

  ComplaintEvents(Events events, ComplaintMapper mapper, Clock clock) {
    this.events = events;
    this.mapper = mapper;
    this.clock = clock;
  }

  @Override
  public Set<EventType> types() {
    return Set.of(EventType.COMPLAINT_OPENED, EventType.COMPLAINT_RESOLVED, EventType.SURVEY_ANSWERED);
  }

  @Override
  public void handle(StoredEvent event) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    switch (event.type()) {
      case COMPLAINT_OPENED -> opened(event, events.complaintOpened(event), now);
      case COMPLAINT_RESOLVED -> resolved(event, events.complaintResolved(event), now);
      case SURVEY_ANSWERED -> answered(event, events.surveyAnswered(event), now);
      default -> throw new IllegalArgumentException("Not a complaint event: " + event.type());
    }
  }

  private void opened(StoredEvent event, ComplaintOpened data, Instant now) {
    int stored = mapper.insertIfAbsent(new ComplaintRow(data.complaintId(), event.customerId(), data.severity(),
        data.channel(), data.description(), Complaint.OPEN, null, null, null, null, null, null, null, null, null, null,
        null, null, null, event.eventId(), event.occurredAt(), null, now));
    if (stored == 1) {
      mapper.insertHistory(data.complaintId(), "event:" + event.eventId(), "OPENED", null, null,
          data.severity() + " via " + data.channel(), now);
    }
  }

  private void resolved(StoredEvent event, ComplaintResolved data, Instant now) {
    ComplaintRow complaint = existing(data.complaintId(), event);
    if (mapper.insertHistory(complaint.complaintId(), "event:" + event.eventId(), "RESOLVED", complaint.level(), null,
        data.resolution(), now) == 1) {
      mapper.resolve(complaint.complaintId(), data.resolution(), now);
    }
  }

  /** A satisfied answer (3-5) closes the complaint; a poor one waits for the journey to reopen it. */
  private void answered(StoredEvent event, SurveyAnswered data, Instant now) {
    ComplaintRow complaint = existing(data.complaintId(), event);
    if (mapper.insertHistory(complaint.complaintId(), "event:" + event.eventId(), "SURVEY_ANSWERED", complaint.level(),
        null, "CSAT " + data.score(), now) == 1) {
      String status = data.score() >= SATISFIED_FROM ? Complaint.CLOSED : complaint.status();
      mapper.recordSurvey(complaint.complaintId(), data.score(), data.comment(), status, now);
    }
  }

  private ComplaintRow existing(String complaintId, StoredEvent event) {
    ComplaintRow complaint = mapper.lock(complaintId);
    if (complaint == null) {
      throw new IllegalStateException(event.type().wireName() + " " + event.eventId() + " for unknown complaint "
          + complaintId + " (its complaint.opened may still be on its way)");
    }
    if (!complaint.customerId().equals(event.customerId())) {
      throw new IllegalStateException(event.eventId() + " names customer " + event.customerId() + " but complaint "
          + complaintId + " belongs to another customer");
    }
    return complaint;
  }
}
