package io.engage.engine.dataimport;

import java.util.List;
import java.util.Map;

/**
 * How the columns of a CSV file map to Engage's fields, so a shop's own export loads unedited.
 *
 * <ul>
 *   <li>{@code kind}: {@code orders} or {@code customers};
 *   <li>{@code columns}: Engage field -> the file's header. Orders: orderId, customerId, placedAt,
 *       and either amount (one row per order) or quantity + unitPrice (one row per order line,
 *       rows of one order next to each other, the order's amount is the sum of its lines); optional
 *       sku, category, currency, channel. Customers: customerId; optional name, email, phone,
 *       birthday, timeZone, locale, preferredChannel, registeredAt, emailVerified, phoneVerified;
 *   <li>{@code dateFormats}: java.time patterns tried in order ({@code iso}: ISO-8601, with or
 *       without offset); {@code timeZone}: the zone of dates without an offset;
 *   <li>{@code cancellationPrefix}: order ids starting with it are cancellations (skipped);
 *   <li>{@code orderIdPrefix} / {@code customerIdPrefix}: prepended to the file's ids (keeps ids
 *       from different sources apart);
 *   <li>{@code currency}, {@code channel}: defaults when the file has no such column.
 * </ul>
 */
public record ImportMapping(
    String kind,
    Map<String, String> columns,
    String delimiter,
    List<String> dateFormats,
    String timeZone,
    String cancellationPrefix,
    String orderIdPrefix,
    String customerIdPrefix,
    String currency,
    String channel) {

  public static final String ORDERS = "orders";
  public static final String CUSTOMERS = "customers";

  /** Presets by name: {@code online-retail}, {@code engage-orders}, {@code engage-customers}. */
  public static final Map<String, ImportMapping> PRESETS = Map.of(
      "online-retail", new ImportMapping(ORDERS,
          Map.of("orderId", "InvoiceNo", "sku", "StockCode", "quantity", "Quantity", "placedAt", "InvoiceDate",
              "unitPrice", "UnitPrice", "customerId", "CustomerID"),
          ",", List.of("M/d/yyyy H:mm", "M/d/yy H:mm", "yyyy-MM-dd H:mm:ss", "yyyy-MM-dd H:mm", "iso"), "Europe/London", "C",
          "or-", "or-", "GBP", "store"),
      "engage-orders", new ImportMapping(ORDERS,
          Map.of("orderId", "order_id", "customerId", "customer_id", "placedAt", "placed_at", "amount", "amount",
              "currency", "currency", "channel", "channel", "category", "category"),
          ",", List.of("iso"), "Asia/Shanghai", null, "", "", "CNY", "web"),
      "engage-customers", new ImportMapping(CUSTOMERS,
          Map.ofEntries(Map.entry("customerId", "customer_id"), Map.entry("name", "name"), Map.entry("email", "email"),
              Map.entry("phone", "phone"), Map.entry("birthday", "birthday"), Map.entry("timeZone", "time_zone"),
              Map.entry("locale", "locale"), Map.entry("preferredChannel", "preferred_channel"),
              Map.entry("registeredAt", "registered_at"), Map.entry("emailVerified", "email_verified"),
              Map.entry("phoneVerified", "phone_verified")),
          ",", List.of("iso"), "Asia/Shanghai", null, "", "", null, null));

  public ImportMapping {
    delimiter = delimiter == null || delimiter.isEmpty() ? "," : delimiter;
    dateFormats = dateFormats == null || dateFormats.isEmpty() ? List.of("iso") : List.copyOf(dateFormats);
    timeZone = timeZone == null ? "Asia/Shanghai" : timeZone;
    orderIdPrefix = orderIdPrefix == null ? "" : orderIdPrefix;
    customerIdPrefix = customerIdPrefix == null ? "" : customerIdPrefix;
    currency = currency == null ? "CNY" : currency;
    channel = channel == null ? "web" : channel;
    columns = columns == null ? Map.of() : Map.copyOf(columns);
  }

  boolean lines() {
    return columns.containsKey("quantity") || columns.containsKey("unitPrice");
  }
}
