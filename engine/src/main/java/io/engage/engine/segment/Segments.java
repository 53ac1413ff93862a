package io.engage.engine.segment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.engage.engine.platform.web.ApiProblemException;
import io.engage.engine.platform.web.FieldError;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved segments and their members: the segment feature's public API, also for journeys (entry
 * audiences through {@link #forEachMember}, {@code engage:check-segment} through {@link #contains}).
 * Definitions compile to parameterised SQL ({@link SegmentCompiler}); the compiled text is run with
 * a named-parameter JDBC template because MyBatis could only take it through {@code ${}}.
 */
@Service
public class Segments {

  public static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  static final int SAMPLE = 20;

  private final SegmentMapper mapper;
  private final SegmentCompiler compiler;
  private final NamedParameterJdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Clock clock;

  Segments(SegmentMapper mapper, SegmentCompiler compiler, NamedParameterJdbcTemplate jdbc, ObjectMapper json, Clock clock) {
    this.mapper = mapper;
    this.compiler = compiler;
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  public record Sample(String customerId, String tier, String stage, String rfmSegment) {}

  public record Preview(long count, List<Sample> sample) {}

  /** How many customers the definition selects now, and the first 20 of them by id. */
  @Transactional(readOnly = true)
  public Preview preview(JsonNode definition) {
    SegmentCompiler.Compiled compiled = compiler.compile(definition);
    Long count = jdbc.queryForObject("SELECT COUNT(*)" + SegmentCompiler.FROM + compiled.condition(), compiled.parameters(), Long.class);
    List<Sample> sample = jdbc.query("SELECT c.id, c.tier, l.stage, r.segment" + SegmentCompiler.FROM + compiled.condition()
            + " ORDER BY c.id LIMIT " + SAMPLE, compiled.parameters(),
        (rs, n) -> new Sample(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    return new Preview(count == null ? 0 : count, sample);
  }

  public List<SavedSegment> all() {
    return mapper.findAll();
  }

  public Optional<SavedSegment> find(String key) {
    return Optional.ofNullable(mapper.find(key));
  }

  /** Saves a new segment and computes its members; 409 when the key is taken. */
  @Transactional
  public SavedSegment create(String key, String name, String description, JsonNode definition, String actor) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw invalid("key", "must be 1-64 lower-case letters, digits and hyphens");
    }
    requireName(name);
    compiler.compile(definition);
    Instant now = clock.instant();
    if (mapper.insert(new SavedSegment(key, name, description, write(definition), actor, now, now, 0, null)) == 0) {
      throw new ApiProblemException(HttpStatus.CONFLICT, "Segment exists", "A segment with key " + key + " exists",
          List.of(new FieldError("key", "is taken")));
    }
    recompute(key);
    return mapper.find(key);
  }

  @Transactional
  public SavedSegment update(String key, String name, String description, JsonNode definition) {
    require(key);
    requireName(name);
    compiler.compile(definition);
    mapper.update(key, name, description, write(definition), clock.instant());
    recompute(key);
    return mapper.find(key);
  }

  @Transactional
  public void delete(String key) {
    require(key);
    mapper.deleteMembers(key);
    mapper.delete(key);
  }

  public record Recomputed(String key, long members, long generation) {}

  /** Rebuilds the segment's membership from its definition: members keep their "since" date. */
  @Transactional
  public Recomputed recompute(String key) {
    SavedSegment segment = mapper.lock(key);
    if (segment == null) {
      throw ApiProblemException.notFound("Segment " + key);
    }
    SegmentCompiler.Compiled compiled = compiler.compile(parse(segment.definition()));
    long generation = segment.generation() + 1;
    Instant now = clock.instant();
    MapSqlParameterSource parameters = compiled.parameters()
        .addValue("segmentKey", key).addValue("generation", generation).addValue("now", java.sql.Timestamp.from(now));
    jdbc.update("INSERT INTO segment_member (segment_key, customer_id, generation, since) SELECT :segmentKey, c.id, :generation, :now"
        + SegmentCompiler.FROM + compiled.condition()
        + " ON DUPLICATE KEY UPDATE generation = VALUES(generation)", parameters);
    mapper.deleteOlderMembers(key, generation);
    mapper.markRecomputed(key, generation, now);
    return new Recomputed(key, mapper.countMembers(key), generation);
  }

  /** Recomputes every saved segment (the daily run). */
  public List<Recomputed> recomputeAll() {
    return mapper.findAll().stream().map(segment -> recompute(segment.key())).toList();
  }

  /**
   * Whether the customer is in the segment now: evaluated for this one customer (so time windows
   * such as "in the last 30 days" are exact today), and the stored membership corrected to match.
   */
  @Transactional
  public boolean contains(String key, String customerId) {
    SavedSegment segment = require(key);
    return refresh(segment, customerId);
  }

  /** Brings the customer's membership of every saved segment up to date (after an event about them). */
  @Transactional
  public void refreshCustomer(String customerId) {
    for (SavedSegment segment : mapper.findAll()) {
      refresh(segment, customerId);
    }
  }

  private boolean refresh(SavedSegment segment, String customerId) {
    SegmentCompiler.Compiled compiled = compiler.compile(parse(segment.definition()));
    MapSqlParameterSource parameters = compiled.parameters().addValue("customerId", customerId);
    Long matches = jdbc.queryForObject("SELECT COUNT(*)" + SegmentCompiler.FROM + "c.id = :customerId AND " + compiled.condition(),
        parameters, Long.class);
    boolean member = matches != null && matches > 0;
    if (member) {
      mapper.addMember(segment.key(), customerId, segment.generation(), clock.instant());
    } else {
      mapper.removeMember(segment.key(), customerId);
    }
    return member;
  }

  /**
   * The segment's members as stored (kept current on events, rebuilt daily), in pages of customer
   * ids in id order; for journey entry audiences. Each page is read in its own short query, so an
   * audience of millions streams without holding a transaction open.
   */
  public long forEachMember(String key, int pageSize, Consumer<List<String>> page) {
    require(key);
    long total = 0;
    String after = null;
    while (true) {
      List<String> ids = mapper.members(key, after, pageSize);
      if (ids.isEmpty()) {
        return total;
      }
      page.accept(ids);
      total += ids.size();
      after = ids.getLast();
    }
  }

  public List<String> members(String key, String after, int limit) {
    require(key);
    return mapper.members(key, after, limit);
  }

  public long countMembers(String key) {
    return mapper.countMembers(key);
  }

  /** The saved segments the customer is a member of. */
  public List<String> segmentsOf(String customerId) {
    return mapper.segmentsOf(customerId);
  }

  /** A merged profile is in no segment; the survivor's memberships are decided again. */
  @Transactional
  public void mergeInto(String mergedId, String survivorId) {
    mapper.deleteCustomer(mergedId);
    refreshCustomer(survivorId);
  }

  private SavedSegment require(String key) {
    SavedSegment segment = mapper.find(key);
    if (segment == null) {
      throw ApiProblemException.notFound("Segment " + key);
    }
    return segment;
  }

  private static void requireName(String name) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw invalid("name", "is required, at most 200 characters");
    }
  }

  private static ApiProblemException invalid(String field, String reason) {
    return new ApiProblemException(HttpStatus.BAD_REQUEST, "Invalid segment", field + " " + reason,
        List.of(new FieldError(field, reason)));
  }

  private String write(JsonNode definition) {
    try {
      return json.writeValueAsString(definition);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode parse(String definition) {
    try {
      return json.readTree(definition);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored segment definition is not JSON", e);
    }
  }
}
