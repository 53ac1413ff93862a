package io.engage.engine.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import io.engage.engine.audit.AuditEvent;
import io.engage.engine.audit.AuditTrail;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every endpoint needs a login except health and the UI's static files (whose first screen is the
 * login form); which roles reach which endpoint is the table in {@link AccessRules}. People log in
 * with a form (session cookie + CSRF cookie) or HTTP Basic, behind a lockout; machines use scoped
 * API keys ({@link ApiKeys}). Errors are problem+json, never a redirect, for API calls.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginLockout.LockoutProperties.class)
class SecurityConfiguration {

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /** Passwords checked against the users table, behind the lockout. */
  @Bean
  AuthenticationProvider passwordLogins(Accounts accounts, PasswordEncoder passwords, LoginLockout lockout, AuditTrail audit) {
    DaoAuthenticationProvider checked = new DaoAuthenticationProvider(accounts);
    checked.setPasswordEncoder(passwords);
    return new LockingAuthenticationProvider(checked, lockout, audit);
  }

  @Bean
  SecurityFilterChain api(HttpSecurity http, ApiKeys apiKeys, ObjectMapper json, AuditTrail audit,
      @Value("${engage.security.cookies.secure:false}") boolean secureCookies) throws Exception {
    AuthenticationEntryPoint unauthorized = (request, response, e) -> {
      if (e instanceof LockingAuthenticationProvider.LoginLockedException locked) {
        lockedOut(response, json, locked);
      } else {
        problem(response, json, HttpStatus.UNAUTHORIZED, "Log in, or send an API key in the X-API-Key header");
      }
    };
    CookieCsrfTokenRepository csrfCookie = CookieCsrfTokenRepository.withHttpOnlyFalse();
    // The UI's script reads the token from this cookie (so not HttpOnly); other sites never get it.
    csrfCookie.setCookieCustomizer(cookie -> cookie.sameSite("Lax").secure(secureCookies));
    RequestMatcher machineCall = request ->
        request.getHeader(ApiKeyAuthenticationFilter.HEADER) != null || request.getHeader("Authorization") != null;

    http
        .authorizeHttpRequests(AccessRules::apply)
        .csrf(csrf -> csrf
            .csrfTokenRepository(csrfCookie)
            .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
            .ignoringRequestMatchers(machineCall)
            .ignoringRequestMatchers("/t/u", "/api/receipts/sms/*", "/api/receipts/wechat/*"))
        .addFilterAfter(new CsrfCookieFilter(), UsernamePasswordAuthenticationFilter.class)
        .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, json), UsernamePasswordAuthenticationFilter.class)
        .formLogin(form -> form
            .loginPage("/")
            .loginProcessingUrl("/login")
            .successHandler((request, response, authentication) -> {
              audit.record(AuditEvent.of("login.succeeded", "user", authentication.getName()));
              writeMe(response, json, authentication);
            })
            .failureHandler((request, response, e) -> {
              if (e instanceof LockingAuthenticationProvider.LoginLockedException locked) {
                lockedOut(response, json, locked);
              } else {
                problem(response, json, HttpStatus.UNAUTHORIZED, "Wrong username or password");
              }
            }))
        // A new session id at login, so an id planted before it is worth nothing after.
        .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
        .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
        .logout(logout -> logout
            .logoutUrl("/logout")
            .logoutSuccessHandler((request, response, authentication) -> response.setStatus(HttpStatus.NO_CONTENT.value())))
        .exceptionHandling(errors -> errors
            .authenticationEntryPoint(unauthorized)
            .accessDeniedHandler((request, response, e) -> {
              // An anonymous caller refused (e.g. by the CSRF check) needs to log in, not a new role.
              Authentication caller = SecurityContextHolder.getContext().getAuthentication();
              if (caller == null || caller instanceof AnonymousAuthenticationToken) {
                unauthorized.commence(request, response, null);
              } else if (e instanceof CsrfException) {
                problem(response, json, HttpStatus.FORBIDDEN,
                    "Send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header with every change");
              } else {
                problem(response, json, HttpStatus.FORBIDDEN, "Your role may not do this");
              }
            }));
    return http.build();
  }

  static void writeMe(HttpServletResponse response, ObjectMapper json, Authentication authentication) throws IOException {
    response.setStatus(HttpStatus.OK.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(response.getOutputStream(), Me.of(authentication));
  }

  /** 423 Locked with the moment the name is unlocked (also as Retry-After, in seconds). */
  private static void lockedOut(HttpServletResponse response, ObjectMapper json,
      LockingAuthenticationProvider.LoginLockedException locked) throws IOException {
    long seconds = Math.max(1, Duration.between(Instant.now(), locked.until()).toSeconds());
    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
    problem(response, json, HttpStatus.LOCKED,
        "Too many failed logins: this username is locked until " + locked.until() + "; try again then");
  }

  static void problem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String detail)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", status.getReasonPhrase());
    body.put("status", status.value());
    body.put("detail", detail);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), body);
  }

  /** The signed-in user, as the UI needs it. */
  record Me(String username, java.util.List<String> roles) {
    static Me of(Authentication authentication) {
      return new Me(authentication.getName(), authentication.getAuthorities().stream()
          .map(GrantedAuthority::getAuthority)
          .map(authority -> authority.replaceFirst("^ROLE_", ""))
          .sorted()
          .toList());
    }
  }

  /** Spring Security defers the CSRF token; a browser app needs the cookie on its first GET. */
  private static final class CsrfCookieFilter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
      if (token != null) {
        token.getToken();
      }
      chain.doFilter(request, response);
    }
  }
}
