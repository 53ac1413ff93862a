package io.engage.engine.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only audit log. Any feature records what a person or machine did with
 * {@link #record(AuditEvent)}; who did it (the authenticated principal and its roles), from where
 * (the remote address) and in which request come from the current request and security context.
 * Outside a request (scheduled jobs, Zeebe workers) the actor is {@code system}.
 *
 * <p>The entry joins the caller's transaction when there is one: a change that rolls back leaves
 * no entry claiming it happened. In a read-only transaction (a read of personal data) it is written
 * in a transaction of its own, since the caller's cannot write.
 */
@Service
public class AuditTrail {

  /** Who acts when no one is signed in and no request is being served. */
  public static final String SYSTEM = "system";
  static final String REQUEST_ID_HEADER = "X-Request-Id";
  private static final String REQUEST_ID_ATTRIBUTE = AuditTrail.class.getName() + ".requestId";
  private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private final AuditMapper mapper;
  private final ObjectMapper json;
  // Wall time, not the engine's adjustable clock: an audit entry says when it really happened,
  // also while a test or a journey preview moves the virtual clock.
  private final Clock wallClock = Clock.systemUTC();

  private final TransactionTemplate ownTransaction;

  AuditTrail(AuditMapper mapper, ObjectMapper json, PlatformTransactionManager transactions) {
    this.mapper = mapper;
    this.json = json;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public void record(AuditEvent event) {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    HttpServletRequest request = currentRequest();
    String actor;
    String roles = "";
    if (caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken)) {
      actor = caller.getName();
      roles = rolesOf(caller);
    } else {
      actor = request == null ? SYSTEM : "anonymous";
    }
    recordAs(actor, roles, event, request);
  }

  /**
   * Records an event whose actor is not the authenticated caller, e.g. a failed login (the name
   * that was tried) or a scheduled job naming itself.
   */
  public void recordAs(String actor, AuditEvent event) {
    recordAs(actor, "", event, currentRequest());
  }

  private void recordAs(String actor, String roles, AuditEvent event, HttpServletRequest request) {
    AuditMapper.AuditRow row = new AuditMapper.AuditRow(
        null,
        wallClock.instant().truncatedTo(ChronoUnit.MILLIS),
        truncate(actor, 128),
        truncate(roles, 255),
        truncate(event.action(), 64),
        truncate(event.targetType(), 64),
        truncate(event.targetId(), 255),
        event.detail().isEmpty() ? null : toJson(event),
        request == null ? null : truncate(request.getRemoteAddr(), 64),
        request == null ? null : requestId(request));
    if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
      ownTransaction.executeWithoutResult(status -> mapper.insert(row));
    } else {
      mapper.insert(row);
    }
  }

  /** Newest first. */
  AuditPage search(AuditQuery query, int page, int size) {
    long total = mapper.count(query);
    List<AuditEntry> entries = mapper.search(query, page * size, size).stream().map(this::entry).toList();
    return new AuditPage(entries, page, size, total);
  }

  /** One page of a search. */
  record AuditPage(List<AuditEntry> entries, int page, int size, long total) {}

  /**
   * The id that ties together every entry of one request: the caller's {@code X-Request-Id} when it
   * is a plain token, else one made up here (and kept for the rest of the request).
   */
  static String requestId(HttpServletRequest request) {
    Object known = request.getAttribute(REQUEST_ID_ATTRIBUTE);
    if (known instanceof String id) {
      return id;
    }
    String given = request.getHeader(REQUEST_ID_HEADER);
    String id = given != null && SAFE_REQUEST_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    request.setAttribute(REQUEST_ID_ATTRIBUTE, id);
    return id;
  }

  private AuditEntry entry(AuditMapper.AuditRow row) {
    JsonNode detail = null;
    if (row.detail() != null) {
      try {
        detail = json.readTree(row.detail());
      } catch (JsonProcessingException e) {
        detail = json.getNodeFactory().textNode(row.detail());
      }
    }
    List<String> roles = row.actorRoles() == null || row.actorRoles().isEmpty()
        ? List.of() : Arrays.asList(row.actorRoles().split(","));
    return new AuditEntry(row.id(), row.occurredAt(), row.actor(), roles, row.action(), row.targetType(),
        row.targetId(), detail, row.remoteAddr(), row.requestId());
  }

  private String toJson(AuditEvent event) {
    try {
      return json.writeValueAsString(event.detail());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Audit detail of " + event.action() + " is not serialisable", e);
    }
  }

  private static String rolesOf(Authentication caller) {
    return caller.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(authority -> authority.startsWith("ROLE_"))
        .map(authority -> authority.substring("ROLE_".length()))
        .sorted()
        .collect(Collectors.joining(","));
  }

  private static HttpServletRequest currentRequest() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
        ? attributes.getRequest() : null;
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

}
