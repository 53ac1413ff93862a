package io.engage.engine.demo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds the demo shop's history as events: customers with Chinese and English names, birthdays,
 * time zones and consents, each with up to a year of paid orders. Seeded, so every machine gets the
 * same shop; event ids are stable, so loading twice stores nothing twice.
 */
final class DemoDataGenerator {

  private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"};
  private static final String[] GIVEN = {"芳", "伟", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "婷婷", "浩然", "子涵", "欣怡", "雨轩", "梓萱"};
  private static final String[] FIRST = {"Emma", "Liam", "Olivia", "Noah", "Ava", "James", "Sophia", "Lucas", "Mia", "Ethan", "Grace", "Daniel"};
  private static final String[] LAST = {"Smith", "Johnson", "Brown", "Taylor", "Miller", "Wilson", "Chen", "Wong", "Lee", "Garcia"};
  private static final String[] ZONES_CN = {"Asia/Shanghai", "Asia/Shanghai", "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei"};
  private static final String[] ZONES_EN = {"America/Los_Angeles", "America/New_York", "Europe/London", "Asia/Singapore"};
  private static final String[] CATEGORIES = {"books", "fresh", "electronics", "apparel", "home", "beauty"};
  private static final String[] ORDER_CHANNELS = {"web", "app", "app", "mini-program", "store"};

  private final Random random = new Random(20261111L);
  private final JsonNodeFactory nodes = JsonNodeFactory.instance;
  private final Instant now;

  DemoDataGenerator(Instant now) {
    this.now = now;
  }

  /** Registration events first, then every order, in time order within each customer. */
  List<ObjectNode> events(int customers) {
    List<ObjectNode> registrations = new ArrayList<>();
    List<ObjectNode> orders = new ArrayList<>();
    for (int n = 1; n <= customers; n++) {
      String id = "c-%06d".formatted(n);
      Instant registeredAt = now.minus(Duration.ofDays(30 + random.nextInt(700)));
      registrations.add(registration(n, id, registeredAt));
      int orderCount = random.nextInt(10) < 2 ? 0 : 1 + random.nextInt(14);
      List<Instant> times = new ArrayList<>();
      for (int k = 0; k < orderCount; k++) {
        times.add(now.minus(Duration.ofMinutes(60 + random.nextInt(365 * 24 * 60))));
      }
      times.sort(null);
      for (int k = 0; k < times.size(); k++) {
        orders.add(order(id, "o-%06d-%02d".formatted(n, k + 1), times.get(k)));
      }
    }
    registrations.addAll(orders);
    return registrations;
  }

  private ObjectNode registration(int n, String id, Instant at) {
    boolean chinese = random.nextInt(10) < 7;
    ObjectNode data = nodes.objectNode();
    String name = chinese
        ? SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
        : FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
    data.put("name", name);
    data.put("email", "customer%06d@example.com".formatted(n));
    data.put("phone", chinese ? "+86138%08d".formatted(n) : "+1415555%04d".formatted(n % 10000));
    data.put("birthday", LocalDate.of(1960 + random.nextInt(46), 1 + random.nextInt(12), 1 + random.nextInt(28)).toString());
    data.put("timeZone", chinese ? ZONES_CN[random.nextInt(ZONES_CN.length)] : ZONES_EN[random.nextInt(ZONES_EN.length)]);
    data.put("locale", chinese ? "zh-CN" : "en");
    data.put("preferredChannel", random.nextInt(10) < 7 ? "email" : "sms");
    ObjectNode consents = data.putObject("consents");
    consents.put("email", random.nextInt(10) < 8);
    consents.put("sms", random.nextInt(10) < 6);
    return event("demo-reg-" + id, id, "customer.registered", at, data);
  }

  private ObjectNode order(String customerId, String orderId, Instant at) {
    ObjectNode data = nodes.objectNode();
    data.put("orderId", orderId);
    data.put("currency", "CNY");
    data.put("channel", ORDER_CHANNELS[random.nextInt(ORDER_CHANNELS.length)]);
    BigDecimal total = BigDecimal.ZERO;
    var lines = data.putArray("lines");
    int lineCount = 1 + random.nextInt(3);
    for (int i = 0; i < lineCount; i++) {
      BigDecimal amount = BigDecimal.valueOf(1990 + random.nextInt(120_000), 2).setScale(2, RoundingMode.UNNECESSARY);
      ObjectNode line = lines.addObject();
      String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
      line.put("sku", category + "-" + (1000 + random.nextInt(9000)));
      line.put("category", category);
      line.put("amount", amount.toPlainString());
      line.put("quantity", 1 + random.nextInt(3));
      total = total.add(amount);
    }
    data.put("amount", total.toPlainString());
    return event("demo-ord-" + orderId, customerId, "order.placed", at, data);
  }

  private ObjectNode event(String eventId, String customerId, String type, Instant at, ObjectNode data) {
    ObjectNode event = nodes.objectNode();
    event.put("eventId", eventId);
    event.put("customerId", customerId);
    event.put("type", type);
    event.put("occurredAt", at.toString());
    event.set("data", data);
    return event;
  }
}
