package io.engage.engine.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every public input fed malformed, oversized, injection, unicode and wrong-type cases: each gets
 * a 4xx problem+json that says why, the engine keeps serving, and nothing is stored or lost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest extends EngineTest {

  /** What a refused request must leave as it was (tables that only requests write). */
  private static final List<String> TABLES = List.of("event", "rule_set_version", "rule_audit", "journey_version",
      "message_template", "message_template_variant", "import_job", "customer_tag", "device_token", "tier_override",
      "points_allocation", "app_user", "api_key", "segment");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  Api api;

  @BeforeAll
  void acceptSomethingFirst() throws InterruptedException {
    api = new Api(port);
    Api.Response seeded = api.postEvents(HostileCases.valid("h-seed", "customer.registered",
        "{\"name\":\"李娜\",\"email\":\"seed@example.com\"}"));
    assertThat(seeded.status()).as(seeded.body()).isBetween(200, 202);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (customers("c-hostile-seed") == 0 && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    assertThat(customers("c-hostile-seed")).isOne();
  }

  Stream<HostileRequest> cases() {
    return HostileCases.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedWithAReasonAndChangesNothing(HostileRequest hostile) {
    Map<String, Integer> before = counts();

    Api.Response response = api.send(hostile.build(api));

    assertThat(response.status()).as(hostile.name() + " -> " + abbreviated(response.body())).isBetween(400, 499);
    assertThat(response.contentType()).as(hostile.name() + " content type").startsWith("application/problem+json");
    String reason = response.json().path("detail").asText(response.json().path("title").asText());
    assertThat(reason).as(hostile.name() + " reason").isNotBlank().doesNotContain("Exception").doesNotContain("at io.engage");
    assertThat(counts()).as(hostile.name() + " stored or removed something").isEqualTo(before);
    assertStillServing();
  }

  private void assertStillServing() {
    assertThat(api.getAnonymous("/actuator/health").status()).isEqualTo(200);
    Api.Response seed = api.getAs("admin", "/api/customers/c-hostile-seed");
    assertThat(seed.status()).as(seed.body()).isEqualTo(200);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event WHERE event_id = 'h-seed'", Integer.class)).isOne();
  }

  private Map<String, Integer> counts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String table : TABLES) {
      counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class));
    }
    return counts;
  }

  private int customers(String id) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM customer WHERE id = ?", Integer.class, id);
  }

  private static String abbreviated(String body) {
    return body.length() > 600 ? body.substring(0, 600) + "..." : body;
  }
}
