package io.engage.engine.lifecycle;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads what a stage is decided on: the profile, the order statistics and RFM scores (other
 * features' read models) joined in SQL, for a few customers or streamed for a million. Plain JDBC
 * with columns by position and java.time getters, because the run over every customer is bound by
 * the cost per row: MyBatis' result mapping and the driver's Calendar-based timestamps took most of
 * it. The one query serves the order path and the runs, so both decide on the same facts.
 */
@Component
class FactsReader {

  private static final String FACTS = """
      SELECT c.id, c.time_zone, c.tier, s.first_paid_at, s.last_paid_at, COALESCE(s.paid_orders, 0), r.f_score,
             l.stage, l.pinned_at
        FROM customer c
        LEFT JOIN customer_order_stats s ON s.customer_id = c.id
        LEFT JOIN customer_rfm r ON r.customer_id = c.id
        LEFT JOIN customer_lifecycle l ON l.customer_id = c.id
       WHERE c.merged_to IS NULL""";

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;

  FactsReader(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
    this.jdbc = jdbc;
    this.named = named;
  }

  /** The facts of these customers (those that exist and are not merged away), in the caller's transaction. */
  List<LifecycleFacts> byIds(Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<LifecycleFacts> facts = new ArrayList<>(ids.size());
    List<String> all = List.copyOf(ids);
    for (int from = 0; from < all.size(); from += 1000) {
      facts.addAll(named.query(FACTS + " AND c.id IN (:ids)",
          new MapSqlParameterSource("ids", all.subList(from, Math.min(all.size(), from + 1000))), (rs, n) -> facts(rs)));
    }
    return facts;
  }

  /**
   * Streams the facts of every live customer, or of one time zone's, with ids in [from, to) (null:
   * open end). The driver streams row by row (fetch size MIN_VALUE) instead of buffering them all.
   */
  void stream(String zone, String from, String to, Consumer<LifecycleFacts> sink) {
    StringBuilder sql = new StringBuilder(FACTS);
    List<String> parameters = new ArrayList<>();
    if (zone != null) {
      sql.append(" AND c.time_zone = ?");
      parameters.add(zone);
    }
    if (from != null) {
      sql.append(" AND c.id >= ?");
      parameters.add(from);
    }
    if (to != null) {
      sql.append(" AND c.id < ?");
      parameters.add(to);
    }
    jdbc.query(connection -> {
      PreparedStatement statement = connection.prepareStatement(sql.toString(), ResultSet.TYPE_FORWARD_ONLY,
          ResultSet.CONCUR_READ_ONLY);
      statement.setFetchSize(Integer.MIN_VALUE);
      for (int i = 0; i < parameters.size(); i++) {
        statement.setString(i + 1, parameters.get(i));
      }
      return statement;
    }, (RowCallbackHandler) rs -> sink.accept(facts(rs)));
  }

  private static LifecycleFacts facts(ResultSet rs) throws SQLException {
    int fScore = rs.getInt(7);
    Integer f = rs.wasNull() ? null : fScore;
    return new LifecycleFacts(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4), instant(rs, 5), rs.getInt(6), f,
        rs.getString(8), instant(rs, 9));
  }

  /** The driver reads DATETIME in the connection's time zone, as the MyBatis mappers' Instant handler does. */
  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
