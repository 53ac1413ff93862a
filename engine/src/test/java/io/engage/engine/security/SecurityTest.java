package io.engage.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

class SecurityTest extends EngineTest {

  @LocalServerPort int port;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  @Test
  void onlyHealthAndTheUiShellAreOpenToAnonymousCallers() {
    assertThat(api.getAnonymous("/actuator/health").status()).isEqualTo(200);
    assertThat(api.getAnonymous("/").status()).isEqualTo(200);
    for (String path : new String[] {"/api/customers", "/api/customers/c-1", "/api/me", "/api/sinks/sms",
        "/v3/api-docs", "/actuator/prometheus"}) {
      Api.Response response = api.getAnonymous(path);
      assertThat(response.status()).as(path).isEqualTo(401);
      assertThat(response.contentType()).as(path).startsWith("application/problem+json");
    }
  }

  @Test
  void rolesLimitWhatAUserReaches() {
    assertThat(api.getAs("agent", "/api/customers?q=c-").status()).isEqualTo(200);
    assertThat(api.getAs("agent", "/api/sinks/sms").status()).isEqualTo(403);
    assertThat(api.getAs("marketer", "/actuator/prometheus").status()).isEqualTo(403);
    Api.Response metrics = api.getAs("admin", "/actuator/prometheus");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("engage_outbox_pending");
    Api.Response health = api.getAs("admin", "/actuator/health");
    assertThat(health.json().path("components").has("db")).isTrue();
    assertThat(health.json().path("components").path("camundaClient").path("status").asText()).isEqualTo("UP");
    assertThat(api.getAs("business", "/v3/api-docs").body()).contains("/api/events").contains("/api/customers/{id}");
  }

  /** Deny by default: a path the access table does not name is closed even to ADMIN. */
  @Test
  void aPathTheAccessTableDoesNotNameIsRefused() {
    assertThat(api.getAs("admin", "/api/no-such-endpoint").status()).isEqualTo(403);
    assertThat(api.getAnonymous("/api/no-such-endpoint").status()).isEqualTo(401);
    assertThat(api.getAs("admin", "/api/me").status()).isEqualTo(200);
  }

  @Test
  void aViewerReadsButChangesNothing() {
    assertThat(api.getAs("viewer", "/api/me").body()).contains("VIEWER");
    assertThat(api.getAs("viewer", "/api/customers?q=c-").status()).isEqualTo(200);
    assertThat(api.getAs("viewer", "/api/rules").status()).isEqualTo(200);
    assertThat(api.getAs("viewer", "/api/journeys").status()).isEqualTo(200);
    assertThat(api.putJsonAs("viewer", "/api/customers/c-1/tags/vip", "{}").status()).isEqualTo(403);
    assertThat(api.postJsonAs("viewer", "/api/rules/points/versions", "{\"drl\":\"\"}").status()).isEqualTo(403);
    assertThat(api.getAs("viewer", "/api/sinks/sms").status()).as("whole messages with addresses").isEqualTo(403);
    assertThat(api.getAs("viewer", "/api/admin/audit").status()).isEqualTo(403);
  }

  @Test
  void aPersonLogsInWithAFormAndTheCsrfCookie() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    URI base = URI.create("http://127.0.0.1:" + port);

    HttpResponse<String> anonymous = browser.send(HttpRequest.newBuilder(base.resolve("/api/me")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    String csrf = cookies.getCookieStore().get(base).stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElseThrow();

    HttpResponse<String> withoutToken = browser.send(login(base, "username=marketer&password=engage-demo").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(withoutToken.statusCode()).as("no CSRF token: not logged in").isEqualTo(401);

    HttpResponse<String> wrongPassword = browser.send(login(base, "username=marketer&password=nope")
        .header("X-XSRF-TOKEN", csrf).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(wrongPassword.statusCode()).isEqualTo(401);

    HttpResponse<String> ok = browser.send(login(base, "username=marketer&password=engage-demo")
        .header("X-XSRF-TOKEN", csrf).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("\"username\":\"marketer\"").contains("MARKETER");

    HttpResponse<String> me = browser.send(HttpRequest.newBuilder(base.resolve("/api/me")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).contains("MARKETER");
  }

  private static HttpRequest.Builder login(URI base, String form) {
    return HttpRequest.newBuilder(base.resolve("/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
  }
}
