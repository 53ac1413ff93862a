package io.engage.engine.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every endpoint needs a login except health and the UI's static files (whose first screen is the
 * login form); which roles reach which endpoint is the table in {@link AccessRules}. People log in
 * with a form (session cookie + CSRF cookie) or HTTP Basic; machines
 * send events with an API key. Errors are problem+json, never a redirect, for API calls.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  SecurityFilterChain api(HttpSecurity http, ApiKeys apiKeys, ObjectMapper json) throws Exception {
    AuthenticationEntryPoint unauthorized = (request, response, e) ->
        problem(response, json, HttpStatus.UNAUTHORIZED, "Log in, or send an API key in the X-API-Key header");
    RequestMatcher machineCall = request ->
        request.getHeader(ApiKeyAuthenticationFilter.HEADER) != null || request.getHeader("Authorization") != null;

    http
        .authorizeHttpRequests(AccessRules::apply)
        .csrf(csrf -> csrf
            .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
            .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
            .ignoringRequestMatchers(machineCall)
            .ignoringRequestMatchers("/t/u", "/api/receipts/sms/*", "/api/receipts/wechat/*"))
        .addFilterAfter(new CsrfCookieFilter(), UsernamePasswordAuthenticationFilter.class)
        .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, json), UsernamePasswordAuthenticationFilter.class)
        .formLogin(form -> form
            .loginPage("/")
            .loginProcessingUrl("/login")
            .successHandler((request, response, authentication) -> writeMe(response, json, authentication))
            .failureHandler((request, response, e) ->
                problem(response, json, HttpStatus.UNAUTHORIZED, "Wrong username or password")))
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
