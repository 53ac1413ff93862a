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
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

class SessionTest extends EngineTest {

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired JdbcTemplate jdbc;
  Api api;
  URI base;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    base = URI.create("http://127.0.0.1:" + port);
  }

  @Test
  void sessionAndCsrfCookiesAreHttpOnlyWhereTheyCanBeAndSameSiteLax() throws Exception {
    Browser browser = new Browser();
    HttpResponse<String> first = browser.get("/api/me");
    String csrfCookie = setCookie(first, "XSRF-TOKEN");
    assertThat(csrfCookie).contains("SameSite=Lax").doesNotContain("HttpOnly").doesNotContain("Secure");

    HttpResponse<String> login = browser.login("marketer", Api.DEMO_PASSWORD);
    assertThat(login.statusCode()).isEqualTo(200);
    String session = setCookie(login, "JSESSIONID");
    assertThat(session).contains("HttpOnly").contains("SameSite=Lax");
  }

  @Test
  void aLoginGetsANewSessionIdSoAPlantedOneIsWorthNothing() throws Exception {
    Browser browser = new Browser();
    browser.get("/api/me");
    assertThat(browser.login("marketer", Api.DEMO_PASSWORD).statusCode()).isEqualTo(200);
    String before = browser.cookie("JSESSIONID");

    assertThat(browser.login("business", Api.DEMO_PASSWORD).statusCode()).isEqualTo(200);
    String after = browser.cookie("JSESSIONID");
    assertThat(after).isNotEqualTo(before);
    assertThat(browser.get("/api/me").body()).contains("business");

    HttpResponse<String> planted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/api/me"))
        .header("Cookie", "JSESSIONID=" + before).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(planted.statusCode()).as("the id from before the login").isEqualTo(401);
  }

  @Test
  void aBrowserSessionNeedsTheCsrfTokenForChanges() throws Exception {
    Browser browser = new Browser();
    browser.get("/api/me");
    assertThat(browser.login("marketer", Api.DEMO_PASSWORD).statusCode()).isEqualTo(200);
    String holiday = "{\"key\":\"csrf-" + UUID.randomUUID().toString().substring(0, 8)
        + "\",\"name\":\"x\",\"date\":\"2027-05-05\",\"annual\":false}";

    HttpResponse<String> withoutToken = browser.send(HttpRequest.newBuilder(base.resolve("/api/journeys/holidays"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(holiday)));
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(withoutToken.body()).contains("X-XSRF-TOKEN");

    HttpResponse<String> withToken = browser.send(HttpRequest.newBuilder(base.resolve("/api/journeys/holidays"))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN"))
        .POST(HttpRequest.BodyPublishers.ofString(holiday)));
    assertThat(withToken.statusCode()).isBetween(200, 299);
  }

  @Test
  void fiveFailedLoginsLockTheNameUntilTheLockEnds() throws Exception {
    String user = "lock-" + UUID.randomUUID().toString().substring(0, 8);
    accounts.ensureUser(user, "right-password", List.of(Role.VIEWER));

    for (int i = 1; i <= 4; i++) {
      assertThat(basic(user, "wrong").statusCode()).as("failure " + i).isEqualTo(401);
    }
    HttpResponse<String> fifth = basic(user, "wrong");
    assertThat(fifth.statusCode()).isEqualTo(423);
    assertThat(fifth.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(fifth.body()).contains("locked until");
    assertThat(fifth.headers().firstValue("Retry-After").map(Long::parseLong).orElseThrow()).isBetween(1L, 15 * 60L);

    assertThat(basic(user, "right-password").statusCode()).as("locked even with the right password").isEqualTo(423);
    assertThat(new Browser().login(user, "right-password").statusCode()).as("form login too").isEqualTo(423);

    jdbc.update("UPDATE login_lockout SET locked_until = ? WHERE username = ?",
        Timestamp.from(Instant.now().minusSeconds(1)), user.toLowerCase(Locale.ROOT));
    assertThat(basic(user, "right-password").statusCode()).isEqualTo(200);

    String failures = api.getAs("admin", "/api/admin/audit?action=login.failed&actor=" + user).body();
    assertThat(api.getAs("admin", "/api/admin/audit?action=login.failed&actor=" + user).json().path("total").asInt())
        .as(failures).isEqualTo(5);
    assertThat(api.getAs("admin", "/api/admin/audit?action=login.locked&targetId=" + user).json().path("total").asInt())
        .isEqualTo(1);
  }

  @Test
  void aSuccessfulLoginStartsTheCountAgainAndUnknownNamesLockAlike() throws Exception {
    String user = "reset-" + UUID.randomUUID().toString().substring(0, 8);
    accounts.ensureUser(user, "right-password", List.of(Role.VIEWER));
    for (int i = 0; i < 4; i++) {
      basic(user, "wrong");
    }
    assertThat(basic(user, "right-password").statusCode()).isEqualTo(200);
    for (int i = 0; i < 4; i++) {
      assertThat(basic(user, "wrong").statusCode()).isEqualTo(401);
    }

    String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < 4; i++) {
      assertThat(basic(nobody, "guess").statusCode()).isEqualTo(401);
    }
    assertThat(basic(nobody, "guess").statusCode()).as("the answer does not tell which names exist").isEqualTo(423);
  }

  private HttpResponse<String> basic(String user, String password) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/api/me"))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String setCookie(HttpResponse<?> response, String name) {
    return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
        .findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers()));
  }

  private final class Browser {
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

    HttpResponse<String> get(String path) throws Exception {
      return send(HttpRequest.newBuilder(base.resolve(path)));
    }

    HttpResponse<String> login(String user, String password) throws Exception {
      if (cookie("XSRF-TOKEN").isEmpty()) {
        get("/api/me");
      }
      return send(HttpRequest.newBuilder(base.resolve("/login"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
          .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    String cookie(String name) {
      return cookies.getCookieStore().get(base).stream().filter(c -> c.getName().equals(name))
          .map(HttpCookie::getValue).findFirst().orElse("");
    }
  }
}
