package io.engage.engine.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.engage.engine.audit.AuditEvent;
import io.engage.engine.audit.AuditTrail;
import io.engage.engine.platform.web.ApiProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests and decisions of four-eyes approvals. A request for a change that is already pending
 * answers the pending one; the requester can never approve their own request; every request and
 * decision is in the audit log.
 */
@Service
@EnableConfigurationProperties(Approvals.ApprovalProperties.class)
public class Approvals {

  /**
   * @param enabled whether risky changes wait for a second person (on unless switched off)
   * @param journeyAudienceThreshold a journey whose entry audience is larger than this many
   *     customers is published only when approved
   */
  @ConfigurationProperties("engage.approvals")
  public record ApprovalProperties(Boolean enabled, Long journeyAudienceThreshold) {
    public ApprovalProperties {
      enabled = enabled == null || enabled;
      journeyAudienceThreshold = journeyAudienceThreshold == null ? 10_000L : journeyAudienceThreshold;
    }
  }

  private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() {};

  private final ApprovalMapper mapper;
  // Resolved on first use: the handlers themselves ask this service for approvals.
  private final ObjectProvider<ApprovalHandler> handlerBeans;
  private volatile Map<String, ApprovalHandler> handlers;
  private final AuditTrail audit;
  private final ObjectMapper json;
  private final ApprovalProperties properties;
  private final Clock wallClock = Clock.systemUTC();

  Approvals(ApprovalMapper mapper, ObjectProvider<ApprovalHandler> handlerBeans, AuditTrail audit, ObjectMapper json,
      ApprovalProperties properties) {
    this.mapper = mapper;
    this.handlerBeans = handlerBeans;
    this.audit = audit;
    this.json = json;
    this.properties = properties;
  }

  public boolean enabled() {
    return properties.enabled();
  }

  public long journeyAudienceThreshold() {
    return properties.journeyAudienceThreshold();
  }

  /** Stores the change as pending (or answers the one already pending for the same target). */
  @Transactional
  public Approval request(String kind, String targetType, String targetId, String summary, Map<String, Object> payload,
      Authentication requester) {
    if (!handlers().containsKey(kind)) {
      throw new IllegalArgumentException("No approval handler for " + kind);
    }
    String pendingKey = kind + "|" + targetType + "|" + targetId;
    int inserted = mapper.insertIfNoPending(kind, targetType, targetId, summary, write(payload), requester.getName(),
        now(), pendingKey);
    Approval approval = approval(mapper.findPending(pendingKey));
    if (inserted > 0) {
      audit.record(AuditEvent.of("approval.requested", targetType, targetId)
          .with("approval", approval.id()).with("kind", kind).with("summary", summary));
    }
    return approval;
  }

  /** The decision and, when approved, what the change answered. */
  public record Decision(Approval approval, Object result) {}

  @Transactional
  public Decision approve(long id, Authentication approver) {
    Approval approval = lockPending(id, approver);
    ApprovalHandler handler = handlers().get(approval.kind());
    handler.checkApprover(approval, approver);
    Object result = handler.perform(approval, approver);
    mapper.decide(id, Approval.APPROVED, approver.getName(), now());
    audit.record(AuditEvent.of("approval.approved", approval.targetType(), approval.targetId())
        .with("approval", id).with("kind", approval.kind()).with("requestedBy", approval.requestedBy()));
    return new Decision(approval(mapper.find(id)), result);
  }

  @Transactional
  public Approval reject(long id, Authentication decider) {
    Approval approval = lockUndecided(id);
    // The requester may withdraw their own request; anyone else needs the role to make the change.
    if (!approval.requestedBy().equals(decider.getName())) {
      handlers().get(approval.kind()).checkApprover(approval, decider);
    }
    mapper.decide(id, Approval.REJECTED, decider.getName(), now());
    audit.record(AuditEvent.of("approval.rejected", approval.targetType(), approval.targetId())
        .with("approval", id).with("kind", approval.kind()).with("requestedBy", approval.requestedBy()));
    return approval(mapper.find(id));
  }

  public List<Approval> search(String status, String targetType, String targetId, int limit) {
    return mapper.search(status, targetType, targetId, limit).stream().map(this::approval).toList();
  }

  public Approval get(long id) {
    ApprovalMapper.ApprovalRow row = mapper.find(id);
    if (row == null) {
      throw ApiProblemException.notFound("Approval " + id);
    }
    return approval(row);
  }

  private Map<String, ApprovalHandler> handlers() {
    Map<String, ApprovalHandler> known = handlers;
    if (known == null) {
      known = handlerBeans.orderedStream()
          .collect(Collectors.toUnmodifiableMap(ApprovalHandler::kind, Function.identity()));
      handlers = known;
    }
    return known;
  }

  /** The approval, locked, if it is still pending and someone other than its requester approves it. */
  private Approval lockPending(long id, Authentication approver) {
    Approval approval = lockUndecided(id);
    if (approval.requestedBy().equals(approver.getName())) {
      throw new ApiProblemException(HttpStatus.FORBIDDEN, "Forbidden",
          "You requested this change; a second person must approve it", List.of());
    }
    return approval;
  }
  /** The approval, locked, while it is still pending (404 when there is none, 409 once decided). */
  private Approval lockUndecided(long id) {
    ApprovalMapper.ApprovalRow row = mapper.lock(id);
    if (row == null) {
      throw ApiProblemException.notFound("Approval " + id);
    }
    Approval approval = approval(row);
    if (!approval.pending()) {
      throw new ApiProblemException(HttpStatus.CONFLICT, "Already decided",
          "Approval " + id + " was " + approval.status().toLowerCase() + " by " + approval.decidedBy(), List.of());
    }
    return approval;
  }


  private Approval approval(ApprovalMapper.ApprovalRow row) {
    try {
      return new Approval(row.id(), row.kind(), row.targetType(), row.targetId(), row.summary(),
          json.readValue(row.payload(), PAYLOAD), row.status(), row.requestedBy(), row.requestedAt(), row.decidedBy(),
          row.decidedAt());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Approval " + row.id() + " has an unreadable payload", e);
    }
  }

  private String write(Map<String, Object> payload) {
    try {
      return json.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Approval payload is not serialisable", e);
    }
  }

  private Instant now() {
    return wallClock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
