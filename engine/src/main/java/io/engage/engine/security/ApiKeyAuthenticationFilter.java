package io.engage.engine.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates machine callers by the {@code X-API-Key} header. A wrong, revoked or expired key is
 * refused at once (401) rather than falling through to other methods, so a typo is not mistaken
 * for anonymity; a key without the scope the endpoint needs is refused with 403.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

  static final String HEADER = "X-API-Key";
  private final ApiKeys keys;
  private final ObjectMapper json;

  ApiKeyAuthenticationFilter(ApiKeys keys, ObjectMapper json) {
    this.keys = keys;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = request.getHeader(HEADER);
    if (key == null || key.isBlank()) {
      chain.doFilter(request, response);
      return;
    }
    var caller = keys.authenticate(key.trim());
    if (caller.isEmpty()) {
      SecurityConfiguration.problem(response, json, HttpStatus.UNAUTHORIZED, "Unknown, revoked or expired API key");
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Optional<ApiKeyScope> needed = ApiKeyScope.requiredFor(request.getMethod(), path);
    if (needed.isPresent() && !caller.get().scopes().contains(needed.get())) {
      SecurityConfiguration.problem(response, json, HttpStatus.FORBIDDEN, "This API key lacks the scope " + needed.get().wireName());
      return;
    }
    var authentication = UsernamePasswordAuthenticationToken.authenticated(
        "api-key:" + caller.get().name(), null, caller.get().authorities());
    SecurityContextHolder.getContext().setAuthentication(authentication);
    chain.doFilter(request, response);
  }
}
