package io.engage.engine.security;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;

/**
 * What an API key may do. A key always carries the INTEGRATION role ({@link AccessRules} says which
 * endpoints that role reaches); its scopes narrow that down per endpoint, so a key handed to the
 * shop's checkout can redeem points but not import customers. An endpoint no scope names needs none
 * (e.g. {@code /api/me}).
 */
public enum ApiKeyScope {
  EVENTS_WRITE("events:write", List.of(new Endpoint(HttpMethod.POST, "/api/events"))),
  POINTS_WRITE("points:write", List.of(new Endpoint(HttpMethod.POST, "/api/customers/*/points/redemptions"))),
  CUSTOMERS_READ("customers:read", List.of(new Endpoint(HttpMethod.GET, "/api/customers/**"),
      new Endpoint(HttpMethod.GET, "/api/customers"))),
  CUSTOMERS_WRITE("customers:write", List.of(
      new Endpoint(HttpMethod.POST, "/api/customers/*/devices"),
      new Endpoint(HttpMethod.DELETE, "/api/customers/*/devices/*"),
      new Endpoint(HttpMethod.PUT, "/api/customers/*/wechat"),
      new Endpoint(HttpMethod.PUT, "/api/customers/*/verification"))),
  /** Uploading imports and reading their status and reports. */
  IMPORTS_WRITE("imports:write", List.of(new Endpoint(null, "/api/imports"), new Endpoint(null, "/api/imports/**"))),
  MESSAGES_WRITE("messages:write", List.of(new Endpoint(HttpMethod.POST, "/api/messages"))),
  MESSAGES_READ("messages:read", List.of(new Endpoint(HttpMethod.GET, "/api/messages/**")));

  private static final AntPathMatcher PATHS = new AntPathMatcher();

  private final String wireName;
  private final List<Endpoint> endpoints;

  ApiKeyScope(String wireName, List<Endpoint> endpoints) {
    this.wireName = wireName;
    this.endpoints = endpoints;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<ApiKeyScope> fromWireName(String name) {
    return Arrays.stream(values()).filter(scope -> scope.wireName.equals(name)).findFirst();
  }

  /** The scope a key needs for this request, if any. */
  static Optional<ApiKeyScope> requiredFor(String method, String path) {
    return Arrays.stream(values())
        .filter(scope -> scope.endpoints.stream().anyMatch(endpoint -> endpoint.matches(method, path)))
        .findFirst();
  }

  private record Endpoint(HttpMethod method, String pattern) {
    boolean matches(String requestMethod, String path) {
      return (method == null || method.matches(requestMethod)) && PATHS.match(pattern, path);
    }
  }
}
