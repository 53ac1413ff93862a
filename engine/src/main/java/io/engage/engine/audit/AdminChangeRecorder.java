package io.engage.engine.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every successful change made through the API (POST, PUT, PATCH, DELETE answered 2xx)
 * with method, path, status and actor, so no admin change goes unlogged even where a feature
 * records nothing of its own. Event ingest and the high-volume machine endpoints are left out by
 * configuration ({@code engage.audit.unrecorded-paths}); refused requests never reach a handler.
 */
class AdminChangeRecorder implements HandlerInterceptor {

  static final String ACTION = "api.change";
  private static final Logger log = LoggerFactory.getLogger(AdminChangeRecorder.class);
  private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final AuditTrail trail;

  AdminChangeRecorder(AuditTrail trail) {
    this.trail = trail;
  }

  @Override
  public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
    int status = response.getStatus();
    if (failure != null || status < 200 || status >= 300 || !CHANGES.contains(request.getMethod())) {
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    AuditEvent event = AuditEvent.of(ACTION, "http", path)
        .with("method", request.getMethod())
        .with("status", status)
        .with("endpoint", request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
    try {
      trail.record(event);
    } catch (RuntimeException e) {
      // The change is done and answered; a lost entry must be visible to operators, not to the caller.
      log.error("Could not record {} {} ({}) in the audit log", request.getMethod(), path, status, e);
    }
  }
}
