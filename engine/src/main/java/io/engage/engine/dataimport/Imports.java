package io.engage.engine.dataimport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.engage.engine.customer.Customers;
import io.engage.engine.lifecycle.Lifecycle;
import io.engage.engine.loyalty.HistoricalOrders;
import io.engage.engine.platform.web.ApiProblemException;
import io.engage.engine.platform.web.FieldError;
import io.engage.engine.rfm.Rfm;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CSV imports of customers and orders, as jobs: the upload is stored to disk and a job row written
 * before the answer, then one background thread streams the file. A job that was cut off (the node
 * stopped) runs again from the start when the node comes back; every row has a stable key, so the
 * second run adds only what the first did not.
 */
@Service
public class Imports implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(Imports.class);
  private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {};

  private final ImportMapper mapper;
  private final Customers customers;
  private final HistoricalOrders orders;
  private final Rfm rfm;
  private final Lifecycle lifecycle;
  private final TransactionTemplate transactions;
  private final ImportProperties properties;
  private final ObjectMapper json;
  private final Clock clock;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("import").daemon().factory());

  Imports(ImportMapper mapper, Customers customers, HistoricalOrders orders, Rfm rfm, Lifecycle lifecycle,
      TransactionTemplate transactions, ImportProperties properties, ObjectMapper json, Clock clock) {
    this.mapper = mapper;
    this.customers = customers;
    this.orders = orders;
    this.rfm = rfm;
    this.lifecycle = lifecycle;
    this.transactions = transactions;
    this.properties = properties;
    this.json = json;
    this.clock = clock;
  }

  /** The mapping named by {@code preset}, or given as JSON; 400 naming the field at fault. */
  public ImportMapping mapping(String preset, String mappingJson) {
    ImportMapping mapping;
    if (mappingJson != null && !mappingJson.isBlank()) {
      try {
        mapping = json.readValue(mappingJson, ImportMapping.class);
      } catch (JsonProcessingException e) {
        throw invalid("mapping", "is not a mapping JSON object: " + e.getOriginalMessage());
      }
    } else if (preset != null) {
      mapping = ImportMapping.PRESETS.get(preset);
      if (mapping == null) {
        throw invalid("preset", "unknown preset '" + preset + "'; known: " + String.join(", ", new java.util.TreeSet<>(ImportMapping.PRESETS.keySet())));
      }
    } else {
      throw invalid("mapping", "give a mapping (JSON) or a preset (" + String.join(", ", ImportMapping.PRESETS.keySet()) + ")");
    }
    validate(mapping);
    return mapping;
  }

  private static void validate(ImportMapping mapping) {
    if (!ImportMapping.ORDERS.equals(mapping.kind()) && !ImportMapping.CUSTOMERS.equals(mapping.kind())) {
      throw invalid("mapping.kind", "must be orders or customers");
    }
    if (!mapping.columns().containsKey("customerId")) {
      throw invalid("mapping.columns.customerId", "is required");
    }
    if (ImportMapping.ORDERS.equals(mapping.kind())) {
      for (String field : mapping.lines() ? List.of("orderId", "placedAt", "quantity", "unitPrice") : List.of("orderId", "placedAt", "amount")) {
        if (!mapping.columns().containsKey(field)) {
          throw invalid("mapping.columns." + field, "is required for an order file"
              + (mapping.lines() ? " with quantity and unitPrice" : " (or map quantity and unitPrice)"));
        }
      }
    }
    if (mapping.delimiter().length() != 1) {
      throw invalid("mapping.delimiter", "must be one character");
    }
    try {
      ZoneId.of(mapping.timeZone());
    } catch (DateTimeException e) {
      throw invalid("mapping.timeZone", "must be an IANA time zone");
    }
    for (String pattern : mapping.dateFormats()) {
      if (!pattern.equals("iso")) {
        try {
          DateTimeFormatter.ofPattern(pattern);
        } catch (IllegalArgumentException e) {
          throw invalid("mapping.dateFormats", "'" + pattern + "' is not a java.time pattern");
        }
      }
    }
  }

  /** Stores the upload and queues the job; returns it as queued. */
  public ImportJob submit(String fileName, InputStream content, ImportMapping mapping, String actor) throws IOException {
    Files.createDirectories(properties.dir());
    Path stored = properties.dir().resolve(UUID.randomUUID() + ".csv");
    long size;
    try {
      size = Files.copy(content, stored, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      // A body cut off or past its limit (engage.limits.body.imports) leaves no half file behind.
      Files.deleteIfExists(stored);
      throw e;
    }
    ImportMapper.NewJob job = new ImportMapper.NewJob();
    job.kind = mapping.kind();
    job.fileName = fileName == null ? "upload.csv" : fileName.length() > 255 ? fileName.substring(0, 255) : fileName;
    job.storedFile = stored.toString();
    job.mapping = json.writeValueAsString(mapping);
    job.totalBytes = size;
    job.createdBy = actor;
    job.createdAt = clock.instant();
    mapper.insertJob(job);
    long id = job.id;
    worker.submit(() -> run(id));
    return job(id);
  }

  public ImportJob job(long id) {
    ImportMapper.JobRow row = mapper.findJob(id);
    if (row == null) {
      throw ApiProblemException.notFound("Import " + id);
    }
    return view(row);
  }

  public List<ImportJob> recent(int limit) {
    return mapper.findRecent(limit).stream().map(this::view).toList();
  }

  /** The per-row report: line, reason, detail, key; streamed. */
  public void report(long id, Consumer<ImportMapper.RowIssue> sink) {
    job(id);
    mapper.streamIssues(id, context -> sink.accept(context.getResultObject()));
  }

  @EventListener(ApplicationReadyEvent.class)
  void resumeUnfinished() {
    for (long id : mapper.findUnfinished()) {
      log.info("Import {} was cut off; running it again", id);
      worker.submit(() -> run(id));
    }
  }

  void run(long id) {
    ImportMapper.JobRow row = mapper.findJob(id);
    Path file = Path.of(row.storedFile());
    try {
      ImportMapping mapping = json.readValue(row.mapping(), ImportMapping.class);
      mapper.deleteIssues(id);
      AtomicLong bytes = new AtomicLong();
      try (InputStream in = new CountingInputStream(Files.newInputStream(file), bytes);
           CsvReader csv = new CsvReader(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16),
               mapping.delimiter().charAt(0))) {
        ImportRun.Counts counts = new ImportRun(id, mapping, customers, orders, rfm, lifecycle, mapper, transactions, clock,
            properties.batchSize(), bytes::get, c -> progress(id, ImportJob.RUNNING, c, null)).run(csv);
        counts.bytesRead = row.totalBytes();
        progress(id, ImportJob.DONE, counts, null);
        log.info("Import {} done: {} rows, {} imported, {} duplicates, {} skipped; {}", id, counts.rowsRead, counts.imported,
            counts.duplicates, counts.skipped, counts.phases);
      }
      Files.deleteIfExists(file);
    } catch (Exception e) {
      log.warn("Import {} failed: {}", id, e.getMessage());
      ImportMapper.JobRow now = mapper.findJob(id);
      mapper.updateProgress(id, ImportJob.FAILED, now.bytesRead(), now.rowsRead(), now.imported(), now.duplicates(),
          now.skipped(), now.skippedByReason(), abbreviate(e.getMessage()), clock.instant());
    }
  }

  private void progress(long id, String status, ImportRun.Counts counts, String error) {
    try {
      mapper.updateProgress(id, status, counts.bytesRead, counts.rowsRead, counts.imported, counts.duplicates, counts.skipped,
          json.writeValueAsString(counts.skippedByReason), error, ImportJob.RUNNING.equals(status) ? null : clock.instant());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private ImportJob view(ImportMapper.JobRow row) {
    Map<String, Long> reasons;
    try {
      reasons = row.skippedByReason() == null ? Map.of() : json.readValue(row.skippedByReason(), COUNTS);
    } catch (JsonProcessingException e) {
      reasons = Map.of();
    }
    return new ImportJob(row.id(), row.kind(), row.fileName(), row.status(), row.totalBytes(), row.bytesRead(), row.rowsRead(),
        row.imported(), row.duplicates(), row.skipped(), reasons, row.error(), row.createdBy(), row.createdAt(), row.finishedAt());
  }

  private static String abbreviate(String message) {
    String text = message == null ? "failed" : message;
    return text.length() <= 2000 ? text : text.substring(0, 2000);
  }

  private static ApiProblemException invalid(String field, String reason) {
    return new ApiProblemException(HttpStatus.BAD_REQUEST, "Invalid import", field + " " + reason,
        List.of(new FieldError(field, reason)));
  }

  @Override
  public void destroy() {
    worker.shutdownNow();
  }

  private static final class CountingInputStream extends FilterInputStream {
    private final AtomicLong count;

    CountingInputStream(InputStream in, AtomicLong count) {
      super(in);
      this.count = count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count.incrementAndGet();
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count.addAndGet(n);
      }
      return n;
    }
  }
}
