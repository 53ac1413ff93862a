package io.engage.engine.security;

import io.engage.engine.audit.AuditEvent;
import io.engage.engine.audit.AuditTrail;
import java.time.Instant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Password logins (form and HTTP Basic) with a lockout: a locked name is refused before its
 * password is checked (no guessing while locked, and no bcrypt work for the attacker to cause);
 * failures and locks are audited under the name that was tried.
 */
class LockingAuthenticationProvider implements AuthenticationProvider {

  private final AuthenticationProvider passwords;
  private final LoginLockout lockout;
  private final AuditTrail audit;

  LockingAuthenticationProvider(AuthenticationProvider passwords, LoginLockout lockout, AuditTrail audit) {
    this.passwords = passwords;
    this.lockout = lockout;
    this.audit = audit;
  }

  /** The lock's end travels with the refusal, for the Retry-After answer. */
  static final class LoginLockedException extends LockedException {
    private final transient Instant until;

    LoginLockedException(Instant until) {
      super("Too many failed logins");
      this.until = until;
    }

    Instant until() {
      return until;
    }
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String username = authentication.getName();
    var locked = lockout.lockedUntil(username);
    if (locked.isPresent()) {
      throw new LoginLockedException(locked.get());
    }
    try {
      Authentication result = passwords.authenticate(authentication);
      lockout.succeeded(username);
      return result;
    } catch (BadCredentialsException e) {
      var lockedNow = lockout.failed(username);
      audit.recordAs(username, AuditEvent.of("login.failed", "user", username));
      if (lockedNow.isPresent()) {
        audit.recordAs(username, AuditEvent.of("login.locked", "user", username)
            .with("until", lockedNow.get().toString()).with("failures", lockout.maxFailures()));
        throw new LoginLockedException(lockedNow.get());
      }
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return passwords.supports(authentication);
  }
}
