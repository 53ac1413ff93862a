package io.engage.engine.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.engage.engine.EngineTest;
import io.engage.engine.customer.Customers;
import io.engage.engine.platform.web.ApiProblemException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Conditions compile to SQL that selects the right customers; membership follows changes. */
class SegmentTest extends EngineTest {

  @Autowired Segments segments;
  @Autowired Customers customers;
  @Autowired JdbcTemplate jdbc;
  private final ObjectMapper json = new ObjectMapper();

  private JsonNode parse(String text) throws Exception {
    return json.readTree(text);
  }

  private void customer(String id, String tier, String category, int daysAgo, String amount, boolean emailConsent) {
    jdbc.update("INSERT INTO customer (id, time_zone, locale, preferred_channel, tier, created_at, updated_at, birthday)"
        + " VALUES (?, 'Asia/Shanghai', 'zh-CN', 'EMAIL', ?, NOW(3), NOW(3), '1990-05-17')", id, tier);
    jdbc.update("INSERT INTO consent (customer_id, channel, granted, source, updated_at) VALUES (?, 'EMAIL', ?, 'test', NOW(3))", id, emailConsent);
    jdbc.update("INSERT INTO customer_order (order_id, customer_id, event_id, amount, currency, channel, status, placed_at, line_items)"
        + " VALUES (?, ?, ?, ?, 'CNY', 'web', 'PAID', ?, ?)", id + "-o", id, id + "-e", amount,
        Timestamp.from(Instant.now().minus(daysAgo, ChronoUnit.DAYS)),
        "[{\"sku\":\"x\",\"category\":\"" + category + "\",\"amount\":\"" + amount + "\",\"quantity\":1}]");
  }

  @Test
  void previewSaveAndKeepMembershipCurrent() throws Exception {
    customer("seg-1", "GOLD", "books", 5, "600.00", true);
    customer("seg-2", "GOLD", "fresh", 5, "600.00", true);
    customer("seg-3", "BASIC", "books", 50, "600.00", true);
    customer("seg-4", "GOLD", "books", 5, "100.00", false);
    customer("seg-5", "GOLD", "b%oks", 5, "900.00", true);
    JsonNode definition = parse("""
        {"all": [
          {"field": "tier", "op": "in", "value": ["GOLD", "PLUS"]},
          {"field": "birthdayMonth", "op": "eq", "value": 5},
          {"ordered": {"category": "books", "withinDays": 30}},
          {"any": [{"spent": {"atLeast": "500.00", "withinDays": 30}}, {"field": "consent.email", "op": "eq", "value": false}]},
          {"not": {"field": "tag", "op": "has", "value": "blocked"}}
        ]}""");
    Segments.Preview preview = segments.preview(definition);
    assertThat(preview.sample()).extracting(Segments.Sample::customerId).containsExactly("seg-1", "seg-4");
    assertThat(preview.count()).isEqualTo(2);

    segments.create("gold-book-readers", "Gold book readers", null, definition, "test");
    assertThat(members("gold-book-readers")).containsExactly("seg-1", "seg-4");
    assertThat(segments.contains("gold-book-readers", "seg-2")).isFalse();

    customers.addTag("seg-4", "blocked", "test", Instant.now());
    assertThat(members("gold-book-readers")).as("a tag updates membership at once").containsExactly("seg-1");
    assertThat(segments.contains("gold-book-readers", "seg-1")).isTrue();
  }

  @Test
  void mistakesAreNamedByTheirPath() throws Exception {
    try {
      segments.preview(parse("{\"all\": [{\"field\": \"tier\", \"op\": \"gt\", \"value\": \"GOLD\"}, {\"field\": \"password\"},"
          + " {\"ordered\": {\"withinDays\": 0}}]}"));
      throw new AssertionError("expected a refusal");
    } catch (ApiProblemException e) {
      assertThat(e.getMessage() + e.toString()).isNotNull();
      List<String> fields = new ArrayList<>();
      e.errors().forEach(error -> fields.add(error.field()));
      assertThat(fields).containsExactly("definition.all[0].op", "definition.all[1].field", "definition.all[2].ordered.withinDays");
    }
  }

  @Test
  void valuesNeverBecomeSql() throws Exception {
    Segments.Preview preview = segments.preview(parse("{\"field\": \"tier\", \"op\": \"eq\", \"value\": \"x' OR '1'='1\"}"));
    assertThat(preview.count()).isZero();
  }

  private List<String> members(String key) {
    return segments.members(key, null, 100);
  }
}
