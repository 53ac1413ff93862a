package io.engage.engine.dataimport;

import java.time.Instant;
import java.util.Map;

/** An import's status and counts: rows read, imported, duplicates, skipped (by reason). */
public record ImportJob(
    long id, String kind, String fileName, String status, long totalBytes, long bytesRead, long rowsRead, long imported,
    long duplicates, long skipped, Map<String, Long> skippedByReason, String error, String createdBy, Instant createdAt,
    Instant finishedAt) {

  public static final String QUEUED = "QUEUED";
  public static final String RUNNING = "RUNNING";
  public static final String DONE = "DONE";
  public static final String FAILED = "FAILED";
}
