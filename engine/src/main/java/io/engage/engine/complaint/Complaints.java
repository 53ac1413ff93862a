package io.engage.engine.complaint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The complaint feature's public read API: the service queue, one complaint, a customer's complaints. */
@Service
public class Complaints {

  static final List<String> OPEN_STATUSES = List.of(Complaint.OPEN, Complaint.ESCALATED, Complaint.REOPENED);
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
  private static final TypeReference<Map<Integer, List<String>>> LADDER = new TypeReference<>() {};

  private final ComplaintMapper mapper;
  private final ObjectMapper json;
  private final Clock clock;

  Complaints(ComplaintMapper mapper, ObjectMapper json, Clock clock) {
    this.mapper = mapper;
    this.json = json;
    this.clock = clock;
  }

  /** Complaints in the given statuses (default: those still needing work), most urgent first. */
  public List<ComplaintQueueItem> queue(List<String> statuses, int limit) {
    Instant now = clock.instant();
    return mapper.findQueue(statuses.isEmpty() ? OPEN_STATUSES : statuses, limit).stream()
        .map(row -> {
          Duration left = row.slaDueAt() == null ? null : Duration.between(now, row.slaDueAt());
          return new ComplaintQueueItem(row.complaintId(), row.customerId(), row.severity(), row.channel(), row.status(),
              row.level(), row.maxLevel(), row.slaDueAt(), left, left != null && left.isNegative());
        })
        .toList();
  }

  public Optional<Complaint> find(String complaintId) {
    return Optional.ofNullable(mapper.find(complaintId)).map(this::complaint);
  }

  public List<Complaint> forCustomer(String customerId, int limit) {
    return mapper.findByCustomer(customerId, limit).stream().map(this::complaint).toList();
  }

  static boolean isStatus(String status) {
    return Arrays.asList(Complaint.OPEN, Complaint.ESCALATED, Complaint.RESOLVED, Complaint.REOPENED, Complaint.CLOSED)
        .contains(status);
  }

  private Complaint complaint(ComplaintRow row) {
    Complaint.Decision decision = row.ruleSetVersion() == null ? null : new Complaint.Decision(row.ruleSet(),
        row.ruleSetVersion(), row.decisionReason(), read(row.rulesFired(), STRINGS), read(row.decisionInputs(), OBJECT),
        read(row.notifyByLevel(), LADDER));
    List<Complaint.HistoryEntry> history = mapper.findHistory(row.complaintId()).stream()
        .map(h -> new Complaint.HistoryEntry(h.action(), h.level(),
            h.notifiedRoles() == null || h.notifiedRoles().isEmpty() ? List.of() : List.of(h.notifiedRoles().split(",")),
            h.detail(), h.occurredAt()))
        .toList();
    return new Complaint(row.complaintId(), row.customerId(), row.severity(), row.channel(), row.description(),
        row.status(), row.level(), row.maxLevel(), row.slaHours(), row.slaDueAt(), decision, row.resolution(),
        row.surveyScore(), row.surveyComment(), row.openedAt(), row.resolvedAt(), row.updatedAt(), history);
  }

  private <T> T read(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored complaint decision is not JSON", e);
    }
  }
}
