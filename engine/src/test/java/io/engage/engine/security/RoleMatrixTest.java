package io.engage.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every endpoint the running app maps (the controllers, springdoc, the error page and actuator:
 * every RequestMappingInfoHandlerMapping), called by every role and anonymously, against the table
 * below. A new endpoint without a row fails the build; so does a row for an endpoint that is gone.
 *
 * <p>"Denied" is a refusal for who the caller is: 401 or 403 answered as the security layer's (or
 * a feature's ownership check's) problem, titled Unauthorized or Forbidden. Anything else (200,
 * 400 for the probe's deliberately malformed body, 404 for the probe's made-up ids, a signed
 * callback's own "not signed") means the caller got through. The probe never sends a valid body
 * and its path variables name nothing, so allowed callers change nothing; the two exceptions are
 * noted in the table.
 */
class RoleMatrixTest extends EngineTest {

  enum Caller { ANONYMOUS, ADMIN, MARKETER, SERVICE_MANAGER, BUSINESS, AGENT, VIEWER, INTEGRATION }

  private static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);
  private static final Set<Caller> LOGGED_IN = EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS));
  private static final Set<Caller> STAFF = EnumSet.of(Caller.ADMIN, Caller.MARKETER, Caller.SERVICE_MANAGER,
      Caller.BUSINESS, Caller.AGENT, Caller.VIEWER);

  /** What anonymous callers may reach, and nothing else: health, the UI shell, signed links and callbacks. */
  private static final Set<String> OPEN_BY_DESIGN = Set.of(
      "GET /actuator/health", "GET /actuator/health/**", "* /error", "GET /", "GET /index.html", "GET /assets/app.js",
      "GET /t/u", "POST /t/u", "GET /t/o", "GET /t/c",
      "GET /api/receipts/wechat/{provider}", "POST /api/receipts/wechat/{provider}", "POST /api/receipts/sms/{provider}",
      "POST /api/receipts/sms/{provider}/replies");

  /** Endpoint ("METHOD pattern") -> who gets through. */
  private static final Map<String, Set<Caller>> EXPECTED = new TreeMap<>();

  private static void expect(Set<Caller> callers, String... endpoints) {
    for (String endpoint : endpoints) {
      if (EXPECTED.put(endpoint, callers) != null) {
        throw new IllegalStateException("Two rows for " + endpoint);
      }
    }
  }

  private static Set<Caller> only(Caller... callers) {
    return EnumSet.copyOf(Arrays.asList(callers));
  }

  static {
    // Open: health, the UI shell, the error page, signed message links and providers' signed callbacks.
    expect(EVERYONE,
        "* /error", "GET /", "GET /index.html", "GET /assets/app.js",
        "GET /actuator/health", "GET /actuator/health/**",
        "GET /t/u", "POST /t/u", "GET /t/o", "GET /t/c",
        "GET /api/receipts/wechat/{provider}", "POST /api/receipts/wechat/{provider}",
        "POST /api/receipts/sms/{provider}", "POST /api/receipts/sms/{provider}/replies");
    // Any login: who am I, and the API description.
    expect(LOGGED_IN,
        "GET /api/me", "GET /v3/api-docs", "GET /v3/api-docs.yaml", "GET /v3/api-docs/swagger-config",
        "GET /swagger-ui.html", "GET /api/messages/{id}");
    // Machines (and ADMIN): events, checkout redemptions, device and channel bindings, imports.
    expect(only(Caller.ADMIN, Caller.INTEGRATION),
        "POST /api/events", "POST /api/customers/{id}/points/redemptions",
        "POST /api/customers/{customerId}/devices", "DELETE /api/customers/{customerId}/devices/{id}",
        "PUT /api/customers/{customerId}/wechat", "PUT /api/customers/{id}/verification",
        "POST /api/imports", "GET /api/imports", "GET /api/imports/{id}", "GET /api/imports/{id}/report");
    // Customers: all staff read (VIEWER masked); changes by the role whose job it is. INTEGRATION
    // reads them only with a key scoped customers:read, which the demo key is not.
    expect(STAFF,
        "GET /api/customers", "GET /api/customers/{id}", "GET /api/customers/{id}/points",
        "GET /api/customers/{id}/tags", "GET /api/customers/{id}/lifecycle", "GET /api/customers/{id}/merges",
        "GET /api/customers/{customerId}/coupons", "GET /api/customers/{customerId}/devices",
        "GET /api/customers/{customerId}/journeys", "GET /api/customers/{customerId}/wechat");
    expect(only(Caller.ADMIN, Caller.MARKETER, Caller.AGENT),
        "PUT /api/customers/{id}/tags/{tag}", "DELETE /api/customers/{id}/tags/{tag}");
    expect(only(Caller.ADMIN, Caller.MARKETER), "PUT /api/customers/{id}/lifecycle");
    expect(only(Caller.ADMIN, Caller.BUSINESS),
        "PUT /api/customers/{id}/tier-override", "DELETE /api/customers/{id}/tier-override");
    // by-verified-contacts has no body: ADMIN and SERVICE_MANAGER really run it (it merges only
    // profiles sharing a verified contact, which no other test leaves behind unmerged on purpose).
    expect(only(Caller.ADMIN, Caller.SERVICE_MANAGER),
        "POST /api/customers/merges", "POST /api/customers/merges/by-verified-contacts");
    // Scores and segments.
    expect(only(Caller.ADMIN, Caller.MARKETER, Caller.BUSINESS, Caller.VIEWER),
        "GET /api/rfm/customers", "GET /api/rfm/segments", "GET /api/rfm/summary", "GET /api/lifecycle/summary");
    expect(only(Caller.ADMIN, Caller.MARKETER, Caller.BUSINESS, Caller.SERVICE_MANAGER, Caller.VIEWER),
        "GET /api/dashboards/points", "GET /api/dashboards/messages", "GET /api/dashboards/journeys");
    // POST /api/lifecycle/recompute has no body: ADMIN really runs a recompute.
    expect(only(Caller.ADMIN), "POST /api/lifecycle/recompute");
    expect(only(Caller.ADMIN, Caller.MARKETER, Caller.VIEWER),
        "GET /api/segments", "GET /api/segments/{key}", "GET /api/segments/{key}/members");
    expect(only(Caller.ADMIN, Caller.MARKETER),
        "POST /api/segments", "PUT /api/segments/{key}", "DELETE /api/segments/{key}",
        "POST /api/segments/preview", "POST /api/segments/{key}/recompute");
    // Messaging: templates and policy (marketers), the sinks (whole messages with addresses).
    expect(only(Caller.ADMIN, Caller.MARKETER, Caller.VIEWER),
        "GET /api/templates", "GET /api/templates/{key}", "GET /api/messaging/policy");
    expect(only(Caller.ADMIN, Caller.MARKETER),
        "POST /api/templates", "PUT /api/templates/{key}", "DELETE /api/templates/{key}",
        "POST /api/templates/{key}/preview", "PUT /api/messaging/policy", "DELETE /api/messaging/policy",
        "GET /api/sinks/email", "GET /api/sinks/sms", "GET /api/sinks/push", "GET /api/sinks/wechat");
    expect(only(Caller.ADMIN, Caller.MARKETER, Caller.INTEGRATION), "POST /api/messages");
    // Journeys.
    expect(only(Caller.ADMIN, Caller.MARKETER, Caller.VIEWER),
        "GET /api/journeys", "GET /api/journeys/{journey}", "GET /api/journeys/{journey}/experiments",
        "GET /api/journeys/{journey}/versions/{version}/bpmn", "GET /api/journeys/holidays");
    expect(only(Caller.ADMIN, Caller.MARKETER),
        "POST /api/journeys", "POST /api/journeys/{journey}/pause", "POST /api/journeys/{journey}/resume",
        "POST /api/journeys/{journey}/migrations", "POST /api/journeys/{journey}/preview",
        "POST /api/journeys/holidays", "DELETE /api/journeys/holidays/{key}");
    // Complaints.
    expect(only(Caller.ADMIN, Caller.SERVICE_MANAGER, Caller.AGENT, Caller.VIEWER),
        "GET /api/complaints", "GET /api/complaints/{complaintId}");
    // Rules. Which set a role may change (escalation: SERVICE_MANAGER; rewards: BUSINESS) is checked
    // in the handler after the body and version are read, so the probe's malformed body stops at
    // 400 first; RulesAdminTest covers that ownership. Rollback has neither and checks it at once.
    expect(only(Caller.ADMIN, Caller.SERVICE_MANAGER, Caller.BUSINESS, Caller.VIEWER),
        "GET /api/rules", "GET /api/rules/audit", "GET /api/rules/{ruleSet}/versions",
        "GET /api/rules/{ruleSet}/versions/{version}", "GET /api/rules/{ruleSet}/versions/{version}/drl",
        "GET /api/rules/{ruleSet}/versions/{version}/file");
    expect(only(Caller.ADMIN, Caller.SERVICE_MANAGER, Caller.BUSINESS),
        "POST /api/rules/{ruleSet}/versions", "POST /api/rules/{ruleSet}/versions/grid",
        "POST /api/rules/{ruleSet}/versions/upload", "POST /api/rules/{ruleSet}/versions/{version}/activate",
        "POST /api/rules/{ruleSet}/simulations");
    expect(only(Caller.ADMIN, Caller.BUSINESS), "POST /api/rules/{ruleSet}/rollback");
    // Approvals.
    expect(only(Caller.ADMIN, Caller.BUSINESS, Caller.MARKETER, Caller.VIEWER),
        "GET /api/approvals", "GET /api/approvals/{id}");
    expect(only(Caller.ADMIN, Caller.BUSINESS, Caller.MARKETER),
        "POST /api/approvals/{id}/approve", "POST /api/approvals/{id}/reject");
    // Administration.
    expect(only(Caller.ADMIN),
        "POST /api/admin/pii/rotate", "GET /api/admin/pii/rotation",
        "GET /api/customers/{id}/export", "POST /api/customers/{id}/erasure",
        "GET /api/admin/audit", "POST /api/admin/api-keys", "GET /api/admin/api-keys", "DELETE /api/admin/api-keys/{id}", "GET /actuator", "GET /actuator/info", "GET /actuator/metrics",
        "GET /actuator/metrics/{requiredMetricName}", "GET /actuator/prometheus");
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void everyRoleHasAColumn() {
    assertThat(EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS)).stream().map(Enum::name))
        .containsExactlyInAnyOrderElementsOf(Arrays.stream(Role.values()).map(Enum::name).toList());
  }

  @Test
  void everyEndpointHasExactlyOneRow() {
    Set<String> mapped = endpoints().keySet();
    assertThat(new TreeSet<>(difference(mapped, EXPECTED.keySet()))).as("endpoints without a row in the matrix").isEmpty();
    assertThat(new TreeSet<>(difference(EXPECTED.keySet(), mapped))).as("rows for endpoints that do not exist").isEmpty();
  }

  @Test
  void nothingIsOpenToAnonymousCallersButHealthTheUiTheLoginAndSignedLinksAndCallbacks() {
    Set<String> open = EXPECTED.entrySet().stream().filter(e -> e.getValue().contains(Caller.ANONYMOUS))
        .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
    assertThat(open).isSubsetOf(OPEN_BY_DESIGN);
  }

  @Test
  void everyCallerReachesExactlyTheEndpointsOfItsRow() throws Exception {
    Map<Caller, Session> sessions = new EnumMap<>(Caller.class);
    for (Caller caller : Caller.values()) {
      sessions.put(caller, new Session(caller));
    }
    Map<String, Probe> endpoints = endpoints();
    List<String> wrong = new ArrayList<>();
    for (var endpoint : endpoints.entrySet()) {
      for (Caller caller : Caller.values()) {
        HttpResponse<String> response = sessions.get(caller).send(endpoint.getValue());
        boolean allowed = !denied(response);
        Set<Caller> expected = EXPECTED.get(endpoint.getKey());
        if (expected != null && expected.contains(caller) != allowed) {
          wrong.add(endpoint.getKey() + " as " + caller + ": expected " + (allowed ? "denied" : "allowed")
              + ", got " + response.statusCode() + " " + abbreviate(response.body()));
        }
      }
    }
    assertThat(wrong).as("callers let through or refused against the matrix").isEmpty();
  }

  /** The probe for each mapped endpoint, keyed "METHOD pattern" ("*" when any method maps). */
  private Map<String, Probe> endpoints() {
    Map<String, Probe> endpoints = new TreeMap<>();
    for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
      for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        String consumes = info.getConsumesCondition().getConsumableMediaTypes().stream()
            .findFirst().map(MediaType::toString).orElse(MediaType.APPLICATION_JSON_VALUE);
        for (String pattern : info.getPatternValues()) {
          if (methods.isEmpty()) {
            endpoints.put("* " + pattern, new Probe("GET", pattern, consumes));
          }
          for (RequestMethod method : methods) {
            endpoints.put(method.name() + " " + pattern, new Probe(method.name(), pattern, consumes));
          }
        }
      }
    }
    // Served by the resource handler, not a controller.
    for (String path : List.of("/", "/index.html", "/assets/app.js")) {
      endpoints.put("GET " + path, new Probe("GET", path, MediaType.APPLICATION_JSON_VALUE));
    }
    return endpoints;
  }

  private record Probe(String method, String pattern, String contentType) {
    String path() {
      return pattern.replaceAll("\\{[^}]+}", "matrix-probe").replace("**", "matrix-probe").replace("*", "matrix-probe");
    }
  }

  private boolean denied(HttpResponse<String> response) {
    int status = response.statusCode();
    if (status != 401 && status != 403) {
      return false;
    }
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    if (!contentType.startsWith("application/problem+json")) {
      return false;
    }
    try {
      JsonNode problem = json.readTree(response.body());
      return Set.of("Unauthorized", "Forbidden").contains(problem.path("title").asText());
    } catch (IOException e) {
      return false;
    }
  }

  /** One caller: a form-login session with its CSRF cookie, the demo API key, or nobody. */
  private final class Session {
    private final Caller caller;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    private final URI base = URI.create("http://127.0.0.1:" + port);

    Session(Caller caller) throws Exception {
      this.caller = caller;
      http.send(HttpRequest.newBuilder(base.resolve("/api/me")).build(), HttpResponse.BodyHandlers.discarding());
      if (caller != Caller.ANONYMOUS && caller != Caller.INTEGRATION) {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(base.resolve("/login"))
            .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf())
            .POST(HttpRequest.BodyPublishers.ofString("username=" + username() + "&password=" + Api.DEMO_PASSWORD))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as("login of " + caller).isEqualTo(200);
      }
    }

    HttpResponse<String> send(Probe probe) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(probe.path()));
      if (caller == Caller.INTEGRATION) {
        request.header("X-API-Key", Api.DEMO_API_KEY);
      } else if (caller != Caller.ANONYMOUS) {
        request.header("X-XSRF-TOKEN", csrf());
      }
      if (probe.method().equals("GET") || probe.method().equals("DELETE")) {
        request.method(probe.method(), HttpRequest.BodyPublishers.noBody());
      } else {
        String contentType = probe.contentType().startsWith("multipart/")
            ? "multipart/form-data; boundary=matrix" : probe.contentType();
        request.header("Content-Type", contentType)
            .method(probe.method(), HttpRequest.BodyPublishers.ofString("{\"matrix\":", StandardCharsets.UTF_8));
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String csrf() {
      return cookies.getCookieStore().get(base).stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).findFirst().orElse("");
    }

    private String username() {
      return switch (caller) {
        case SERVICE_MANAGER -> "service";
        default -> caller.name().toLowerCase(java.util.Locale.ROOT);
      };
    }
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    return a.stream().filter(x -> !b.contains(x)).collect(Collectors.toSet());
  }

  private static String abbreviate(String body) {
    return body.length() > 160 ? body.substring(0, 160) + "..." : body;
  }
}
