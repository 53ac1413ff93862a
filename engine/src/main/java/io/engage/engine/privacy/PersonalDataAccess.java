package io.engage.engine.privacy;

import io.engage.engine.platform.pii.PersonalDataViewer;
import io.engage.engine.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Roles that talk to customers (ADMIN, SERVICE_MANAGER, AGENT: {@link Role#seesPersonalData()}) see
 * personal data in API responses; everyone else gets it masked. What a response revealed is
 * collected on the request and recorded once when it completes ({@link PersonalDataReadRecorder}).
 * Outside a request (jobs, workers serialising for themselves) nothing is masked or recorded.
 */
@Component
class PersonalDataAccess implements PersonalDataViewer {

  static final String REVEALED = PersonalDataAccess.class.getName() + ".revealed";

  @Override
  public boolean seesPersonalData() {
    if (currentRequest() == null) {
      return true;
    }
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    if (caller == null || !caller.isAuthenticated() || caller instanceof AnonymousAuthenticationToken) {
      return false;
    }
    return Role.seesPersonalData(caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .collect(Collectors.toSet()));
  }

  @Override
  public void revealed(String property) {
    HttpServletRequest request = currentRequest();
    if (request == null) {
      return;
    }
    @SuppressWarnings("unchecked")
    Set<String> revealed = (Set<String>) request.getAttribute(REVEALED);
    if (revealed == null) {
      revealed = new TreeSet<>();
      request.setAttribute(REVEALED, revealed);
    }
    revealed.add(property);
  }

  private static HttpServletRequest currentRequest() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
        ? attributes.getRequest() : null;
  }
}
