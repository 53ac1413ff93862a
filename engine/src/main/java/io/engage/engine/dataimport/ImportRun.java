package io.engage.engine.dataimport;

import io.engage.engine.customer.Customers;
import io.engage.engine.customer.ImportedProfile;
import io.engage.engine.lifecycle.Lifecycle;
import io.engage.engine.loyalty.HistoricalOrders;
import io.engage.engine.loyalty.ImportedOrder;
import io.engage.engine.rfm.Phases;
import io.engage.engine.rfm.Rfm;
import io.engage.rules.points.OrderLine;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One pass over one file: rows are checked one by one, good ones collected into orders (or
 * profiles) and stored in batches, each batch in its own transaction, so memory holds one batch.
 * Every skipped or duplicate row is reported with its line and reason.
 */
final class ImportRun {

  interface Progress {
    void update(Counts counts);
  }

  static final class Counts {
    long rowsRead;
    long imported;
    long duplicates;
    long skipped;
    long bytesRead;
    final Map<String, Long> skippedByReason = new TreeMap<>();
    /** Where the time went, summed over the batches (for the log). */
    final Phases phases = new Phases();
  }

  private record Line(long lineNo, String sku, String category, BigDecimal amount, int quantity, String key) {}

  private static final class PendingOrder {
    final String orderId;
    final String rawId;
    final String customerId;
    final Instant placedAt;
    final String currency;
    final String channel;
    final List<Line> lines = new ArrayList<>();
    final Set<String> lineKeys = new HashSet<>();

    PendingOrder(String orderId, String rawId, String customerId, Instant placedAt, String currency, String channel) {
      this.orderId = orderId;
      this.rawId = rawId;
      this.customerId = customerId;
      this.placedAt = placedAt;
      this.currency = currency;
      this.channel = channel;
    }
  }

  /** Rows per SQL statement within a batch. */
  private static final int STATEMENT_ROWS = 1000;

  private final long jobId;
  private final ImportMapping mapping;
  private final Customers customers;
  private final HistoricalOrders orders;
  private final Rfm rfm;
  private final Lifecycle lifecycle;
  private final ImportMapper mapper;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final int batchSize;
  private final LongSupplier bytesRead;
  private final Progress progress;
  private final Counts counts = new Counts();
  private final List<ImportMapper.RowIssue> issues = new ArrayList<>();
  private final List<PendingOrder> pendingOrders = new ArrayList<>();
  private final List<ImportedProfile> pendingProfiles = new ArrayList<>();
  private final Map<String, Long> profileLines = new LinkedHashMap<>();
  private PendingOrder current;

  ImportRun(long jobId, ImportMapping mapping, Customers customers, HistoricalOrders orders, Rfm rfm, Lifecycle lifecycle,
      ImportMapper mapper, TransactionTemplate transactions, Clock clock, int batchSize, LongSupplier bytesRead,
      Progress progress) {
    this.jobId = jobId;
    this.mapping = mapping;
    this.customers = customers;
    this.orders = orders;
    this.rfm = rfm;
    this.lifecycle = lifecycle;
    this.mapper = mapper;
    this.transactions = transactions;
    this.clock = clock;
    this.batchSize = batchSize;
    this.bytesRead = bytesRead;
    this.progress = progress;
  }

  Counts run(CsvReader csv) throws IOException {
    List<String> header = csv.next();
    if (header == null) {
      throw new IOException("the file is empty (no header row)");
    }
    RowParser parser = new RowParser(mapping, header);
    boolean orderFile = ImportMapping.ORDERS.equals(mapping.kind());
    List<String> required = orderFile
        ? (mapping.lines() ? List.of("orderId", "customerId", "placedAt", "quantity", "unitPrice")
            : List.of("orderId", "customerId", "placedAt", "amount"))
        : List.of("customerId");
    List<String> missing = parser.missing(required);
    if (!missing.isEmpty()) {
      throw new IOException("the header lacks the mapped columns " + missing);
    }
    List<String> row;
    while ((row = csv.next()) != null) {
      if (row.size() == 1 && row.getFirst().isBlank()) {
        continue;
      }
      counts.rowsRead++;
      long line = csv.recordLine();
      if (orderFile) {
        orderRow(parser, row, line);
      } else {
        profileRow(parser, row, line);
      }
      if (issues.size() >= 5000) {
        flushIssues();
      }
    }
    finishOrder();
    flushOrders();
    flushProfiles();
    return counts;
  }

  private void orderRow(RowParser parser, List<String> row, long line) {
    String rawId = parser.text(row, "orderId");
    try {
      parser.checkWidth(row);
      if (rawId == null) {
        throw new RowParser.Skip("missing-order", "no order id");
      }
      if (mapping.cancellationPrefix() != null && !mapping.cancellationPrefix().isEmpty()
          && rawId.startsWith(mapping.cancellationPrefix())) {
        throw new RowParser.Skip("cancellation", "order id starts with " + mapping.cancellationPrefix());
      }
      String orderId = mapping.orderIdPrefix() + rawId;
      if (!RowParser.ID.matcher(orderId).matches()) {
        throw new RowParser.Skip("bad-order", "order id must be 1-64 letters, digits and . _ : @ -");
      }
      String customerId = parser.customerId(row);
      Instant placedAt = parser.instant(row, "placedAt", true);
      if (placedAt.isAfter(clock.instant().plusSeconds(86_400))) {
        throw new RowParser.Skip("bad-date", "placedAt is in the future");
      }
      BigDecimal amount;
      int quantity = 1;
      if (mapping.lines()) {
        BigDecimal rawQuantity = parser.decimal(row, "quantity");
        if (rawQuantity.signum() <= 0) {
          throw new RowParser.Skip("negative-quantity", "quantity " + rawQuantity.toPlainString() + " is not positive");
        }
        if (rawQuantity.stripTrailingZeros().scale() > 0 || rawQuantity.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
          throw new RowParser.Skip("bad-quantity", "quantity must be a whole number up to 1000000");
        }
        quantity = rawQuantity.intValueExact();
        BigDecimal unitPrice = parser.decimal(row, "unitPrice");
        if (unitPrice.signum() < 0) {
          throw new RowParser.Skip("bad-amount", "unit price is negative");
        }
        amount = unitPrice.multiply(rawQuantity).setScale(2, RoundingMode.HALF_UP);
      } else {
        amount = parser.decimal(row, "amount");
        if (amount.signum() <= 0) {
          throw new RowParser.Skip("bad-amount", "amount must be positive");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
          throw new RowParser.Skip("bad-amount", "amount has more than 2 decimals");
        }
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
      }
      if (current != null && !current.orderId.equals(orderId)) {
        finishOrder();
      }
      if (current == null) {
        String currency = parser.has("currency") && parser.text(row, "currency") != null ? parser.text(row, "currency") : mapping.currency();
        String channel = parser.has("channel") && parser.text(row, "channel") != null ? parser.text(row, "channel") : mapping.channel();
        current = new PendingOrder(orderId, rawId, customerId, placedAt, currency, channel);
      } else if (!current.customerId.equals(customerId)) {
        throw new RowParser.Skip("bad-row", "customer differs from the order's other rows");
      }
      String sku = parser.text(row, "sku");
      String category = parser.text(row, "category");
      String key = sku + "|" + quantity + "|" + amount.toPlainString() + "|" + placedAt + "|" + category;
      if (!current.lineKeys.add(key)) {
        report(line, "duplicate", "same row as an earlier row of order " + rawId, rawId, true);
        return;
      }
      current.lines.add(new Line(line, sku == null ? "unknown" : sku, category == null ? "uncategorised" : category, amount, quantity, key));
    } catch (RowParser.Skip skip) {
      report(line, skip.reason, skip.getMessage(), rawId, false);
    }
  }

  private void finishOrder() {
    if (current == null) {
      return;
    }
    PendingOrder order = current;
    current = null;
    BigDecimal total = order.lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (total.signum() <= 0) {
      order.lines.forEach(l -> report(l.lineNo(), "bad-amount", "order " + order.rawId + " totals zero", order.rawId, false));
      return;
    }
    pendingOrders.add(order);
    if (pendingOrders.size() >= batchSize) {
      flushOrders();
    }
  }

  private void flushOrders() {
    if (pendingOrders.isEmpty()) {
      flushIssues();
      return;
    }
    // In customer id order: consecutive rows of each statement, and consecutive statements, reach the
    // same or neighbouring index pages (customers, orders by customer, statistics, stages) instead of
    // a random page per row.
    List<PendingOrder> batch = pendingOrders.stream().sorted(Comparator.comparing((PendingOrder order) -> order.customerId)).toList();
    pendingOrders.clear();
    transactions.executeWithoutResult(status -> {
      Instant now = clock.instant();
      List<Rfm.NewPaidOrder> added = new ArrayList<>();
      Set<String> changedCustomers = new LinkedHashSet<>();
      for (int from = 0; from < batch.size(); from += STATEMENT_ROWS) {
        List<PendingOrder> chunk = batch.subList(from, Math.min(batch.size(), from + STATEMENT_ROWS));
        Set<String> customerIds = new LinkedHashSet<>();
        chunk.forEach(order -> customerIds.add(order.customerId));
        counts.phases.count("guests", () -> customers.ensureGuests(customerIds, mapping.timeZone(), now));
        List<ImportedOrder> rows = chunk.stream().map(order -> new ImportedOrder(order.orderId, order.customerId,
            order.lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add), order.currency, order.channel,
            order.placedAt, order.lines.stream().map(l -> new OrderLine(l.sku(), l.category(), l.amount(), l.quantity())).toList()))
            .toList();
        Set<String> stored = new HashSet<>();
        counts.phases.run("orders", () -> stored.addAll(orders.store(rows, "import:" + jobId)));
        for (int i = 0; i < chunk.size(); i++) {
          PendingOrder order = chunk.get(i);
          if (stored.contains(order.orderId)) {
            counts.imported += order.lines.size();
            added.add(new Rfm.NewPaidOrder(order.customerId, order.placedAt, rows.get(i).amount()));
            changedCustomers.add(order.customerId);
          } else {
            order.lines.forEach(l -> report(l.lineNo(), "duplicate", "order " + order.rawId + " was imported before", order.rawId, true));
          }
        }
      }
      // Stored imported orders are paid and not refunded: they are added to the statistics as they are.
      counts.phases.run("statistics", () -> rfm.addNewPaidOrders(added));
      List<String> reassessed = List.copyOf(changedCustomers);
      counts.phases.run("stages", () -> {
        for (int from = 0; from < reassessed.size(); from += STATEMENT_ROWS) {
          lifecycle.reassess(reassessed.subList(from, Math.min(reassessed.size(), from + STATEMENT_ROWS)), "order history imported",
              Lifecycle.Publish.NO);
        }
      });
      counts.phases.run("issues", this::writeIssues);
    });
    tick();
  }

  private void profileRow(RowParser parser, List<String> row, long line) {
    String rawId = parser.text(row, "customerId");
    try {
      parser.checkWidth(row);
      String id = parser.customerId(row);
      String email = parser.text(row, "email");
      if (email != null && (!email.contains("@") || email.length() > 254)) {
        throw new RowParser.Skip("bad-email", "not an email address");
      }
      String phone = parser.text(row, "phone");
      if (phone != null && !phone.matches("\\+?[0-9]{6,15}")) {
        throw new RowParser.Skip("bad-phone", "a phone number is 6-15 digits, optionally with +");
      }
      LocalDate birthday = parser.date(row, "birthday");
      String zone = parser.text(row, "timeZone");
      if (zone != null) {
        try {
          java.time.ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
          throw new RowParser.Skip("bad-time-zone", "not an IANA time zone");
        }
      }
      String channel = parser.text(row, "preferredChannel");
      if (channel != null && !Set.of("EMAIL", "SMS", "PUSH", "WECHAT").contains(channel.toUpperCase())) {
        throw new RowParser.Skip("bad-channel", "preferred channel must be email, sms, push or wechat");
      }
      if (profileLines.containsKey(id)) {
        report(line, "duplicate", "customer appears earlier in the file (line " + profileLines.get(id) + ")", rawId, true);
        return;
      }
      profileLines.put(id, line);
      pendingProfiles.add(new ImportedProfile(id, parser.text(row, "name"), email, phone, birthday, zone,
          parser.text(row, "locale"), channel == null ? null : channel.toUpperCase(), parser.instant(row, "registeredAt", false),
          parser.bool(row, "emailVerified"), parser.bool(row, "phoneVerified")));
      if (pendingProfiles.size() >= batchSize) {
        flushProfiles();
      }
    } catch (RowParser.Skip skip) {
      report(line, skip.reason, skip.getMessage(), rawId, false);
    }
  }

  private void flushProfiles() {
    if (pendingProfiles.isEmpty()) {
      flushIssues();
      return;
    }
    List<ImportedProfile> batch = List.copyOf(pendingProfiles);
    Map<String, Long> lines = new LinkedHashMap<>(profileLines);
    pendingProfiles.clear();
    profileLines.clear();
    transactions.executeWithoutResult(status -> {
      Set<String> created = customers.importProfiles(batch, mapping.timeZone(), clock.instant());
      for (ImportedProfile profile : batch) {
        if (created.contains(profile.id())) {
          counts.imported++;
        } else {
          report(lines.get(profile.id()), "duplicate", "customer exists already", profile.id(), true);
        }
      }
      lifecycle.reassess(created, "customer imported", Lifecycle.Publish.NO);
      writeIssues();
    });
    tick();
  }

  private void report(long line, String reason, String detail, String key, boolean duplicate) {
    if (duplicate) {
      counts.duplicates++;
    } else {
      counts.skipped++;
      counts.skippedByReason.merge(reason, 1L, Long::sum);
    }
    issues.add(new ImportMapper.RowIssue(line, reason, detail.length() > 512 ? detail.substring(0, 512) : detail,
        key == null ? null : RowParser.abbreviate(key)));
  }

  private void flushIssues() {
    if (!issues.isEmpty()) {
      transactions.executeWithoutResult(status -> writeIssues());
    }
    tick();
  }

  private void writeIssues() {
    for (int from = 0; from < issues.size(); from += 1000) {
      mapper.insertIssues(jobId, issues.subList(from, Math.min(issues.size(), from + 1000)));
    }
    issues.clear();
  }

  private void tick() {
    counts.bytesRead = bytesRead.getAsLong();
    progress.update(counts);
  }
}
