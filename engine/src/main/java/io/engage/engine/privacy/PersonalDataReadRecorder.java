package io.engage.engine.privacy;

import io.engage.engine.audit.AuditEvent;
import io.engage.engine.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * One audit entry {@code pii.read} per response that showed personal data in clear: who (from the
 * audit trail's request context), which endpoint, which customer when the path names one, and which
 * properties (never the values). Written when the request completes, i.e. after the body was
 * serialised, which is when it is known what was revealed.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataReadRecorder implements WebMvcConfigurer {

  private final AuditTrail audit;

  PersonalDataReadRecorder(AuditTrail audit) {
    this.audit = audit;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new HandlerInterceptor() {
      @Override
      public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        record(request, response);
      }
    }).addPathPatterns("/api/**");
  }

  void record(HttpServletRequest request, HttpServletResponse response) {
    @SuppressWarnings("unchecked")
    Set<String> revealed = (Set<String>) request.getAttribute(PersonalDataAccess.REVEALED);
    if (revealed == null || revealed.isEmpty()) {
      return;
    }
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    @SuppressWarnings("unchecked")
    Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    String customerId = pattern != null && pattern.toString().startsWith("/api/customers/{id}") && variables != null
        ? variables.get("id") : null;
    audit.record(new AuditEvent("pii.read", customerId == null ? "endpoint" : "customer",
        customerId == null ? request.getMethod() + " " + pattern : customerId,
        Map.of("endpoint", request.getMethod() + " " + (pattern == null ? request.getRequestURI() : pattern),
            "fields", List.copyOf(revealed), "status", response.getStatus())));
  }
}
