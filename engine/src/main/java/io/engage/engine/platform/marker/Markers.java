package io.engage.engine.platform.marker;

import java.time.Instant;
import org.springframework.stereotype.Component;

/** Records that one-time work (such as loading demo data) has been done in this database. */
@Component
public class Markers {

  private final MarkerMapper mapper;

  Markers(MarkerMapper mapper) {
    this.mapper = mapper;
  }

  public boolean isSet(String name) {
    return mapper.exists(name) > 0;
  }

  /** Sets the marker in the caller's transaction; returns false when it was already set. */
  public boolean set(String name) {
    return mapper.insertIfAbsent(name, Instant.now()) == 1;
  }
}
