package io.engage.engine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

class DemoDataGeneratorTest {

  private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");

  @Test
  void buildsAThousandCustomersWithChineseAndEnglishNamesAndAYearOfOrders() {
    List<ObjectNode> events = new DemoDataGenerator(NOW).events(1000);
    List<ObjectNode> registrations = events.stream().filter(e -> e.path("type").asText().equals("customer.registered")).toList();
    List<ObjectNode> orders = events.stream().filter(e -> e.path("type").asText().equals("order.placed")).toList();

    assertThat(registrations).hasSize(1000);
    assertThat(registrations).anyMatch(e -> e.path("data").path("name").asText().matches("\\p{IsHan}+"));
    assertThat(registrations).anyMatch(e -> e.path("data").path("name").asText().matches("[A-Za-z]+ [A-Za-z]+"));
    assertThat(registrations).allMatch(e -> e.path("data").has("birthday") && e.path("data").has("timeZone")
        && e.path("data").path("consents").has("email"));
    assertThat(orders.size()).isGreaterThan(3000);
    assertThat(orders).allMatch(o -> {
      Instant at = Instant.parse(o.path("occurredAt").asText());
      return at.isBefore(NOW) && at.isAfter(NOW.minus(366, ChronoUnit.DAYS));
    });
  }

  @Test
  void isTheSameShopEveryTime() {
    assertThat(new DemoDataGenerator(NOW).events(50)).isEqualTo(new DemoDataGenerator(NOW).events(50));
  }
}
