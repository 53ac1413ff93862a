package io.engage.engine.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates machine callers by the {@code X-API-Key} header. A wrong key is refused at once
 * (401) rather than falling through to other methods, so a typo is not mistaken for anonymity.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

  static final String HEADER = "X-API-Key";
  private final Accounts accounts;

  ApiKeyAuthenticationFilter(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = request.getHeader(HEADER);
    if (key == null || key.isBlank()) {
      chain.doFilter(request, response);
      return;
    }
    var principal = accounts.authenticateKey(key.trim());
    if (principal.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setContentType("application/problem+json");
      response.getWriter().write("{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"Unknown or revoked API key\"}");
      return;
    }
    var authentication = UsernamePasswordAuthenticationToken.authenticated(
        "api-key:" + principal.get().name(), null, principal.get().authorities());
    SecurityContextHolder.getContext().setAuthentication(authentication);
    chain.doFilter(request, response);
  }
}
