package io.engage.connectors.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiquidTemplateRendererTest {

  private final LiquidTemplateRenderer renderer = new LiquidTemplateRenderer();

  @Test
  void rendersVariablesInEveryPart() {
    MessageTemplate template = new MessageTemplate("order", "en", "Order {{ orderId }}",
        "Total {{ total }} for {{ items | size }} items", "<p>{{ orderId }}</p>");

    RenderedMessage rendered = renderer.render(template,
        Map.of("orderId", "O-42", "total", new BigDecimal("19.90"), "items", List.of("a", "b")));

    assertThat(rendered).isEqualTo(new RenderedMessage("Order O-42", "Total 19.90 for 2 items", "<p>O-42</p>"));
  }

  @Test
  void rendersNestedFieldsInChinese() {
    MessageTemplate template = new MessageTemplate("welcome", "zh-CN", "{{ customer.name }}，欢迎",
        "您的邀请码：{{ customer.referral.code }}", "<b>{{ customer.name | escape }}</b>");

    RenderedMessage rendered = renderer.render(template,
        Map.of("customer", Map.of("name", "王<芳>", "referral", Map.of("code", "AB12CD34"))));

    assertThat(rendered.subject()).isEqualTo("王<芳>，欢迎");
    assertThat(rendered.text()).isEqualTo("您的邀请码：AB12CD34");
    assertThat(rendered.html()).isEqualTo("<b>王&lt;芳&gt;</b>");
  }

  @Test
  void fallsBackToDefaultsAndKeepsAbsentPartsNull() {
    MessageTemplate sms = new MessageTemplate("r", "zh-CN", null, "{{ customer.name | default: '亲爱的会员' }}，您好", null);

    RenderedMessage rendered = renderer.render(sms, Map.of("customer", Map.of()));

    assertThat(rendered.text()).isEqualTo("亲爱的会员，您好");
    assertThat(rendered.subject()).isNull();
    assertThat(rendered.html()).isNull();
  }

  @Test
  void aSyntaxErrorNamesThePartAndLine() {
    MessageTemplate broken = new MessageTemplate("b", "en", "ok", "line one\nline two {% if %}", null);

    assertThatThrownBy(() -> renderer.validate(broken))
        .isInstanceOfSatisfying(TemplateSyntaxException.class, e -> {
          assertThat(e.part()).isEqualTo("text");
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.column()).isPositive();
        });
    assertThatThrownBy(() -> renderer.render(
        new MessageTemplate("b", "en", "ok", "fine", "<p>\n\n{{ unclosed </p>"), Map.of()))
        .isInstanceOfSatisfying(TemplateSyntaxException.class, e -> {
          assertThat(e.part()).isEqualTo("html");
          assertThat(e.line()).isEqualTo(3);
        });
  }

  @Test
  void anUnknownFilterFailsValidationWithItsPosition() {
    MessageTemplate typo = new MessageTemplate("f", "en", "ok", "ok", "<p>\n{{ customer.name | escpae }}</p>");

    assertThatThrownBy(() -> renderer.validate(typo))
        .isInstanceOfSatisfying(TemplateSyntaxException.class, e -> {
          assertThat(e.part()).isEqualTo("html");
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.column()).isEqualTo(18);
          assertThat(e.getMessage()).contains("escpae");
        });
  }

  @Test
  void aRenderTimeErrorNamesThePartAndLine() {
    MessageTemplate division = new MessageTemplate("d", "en", "Your share: {{ total | divided_by: people }}", "t", null);

    assertThatThrownBy(() -> renderer.render(division, Map.of("total", 10, "people", 0)))
        .isInstanceOfSatisfying(TemplateSyntaxException.class, e -> {
          assertThat(e.part()).isEqualTo("subject");
          assertThat(e.line()).isEqualTo(1);
          assertThat(e.getMessage()).contains("by zero");
        });
  }

  @Test
  void escapeMakesValuesSafeInsideHtmlAndDoubleQuotedAttributes() {
    MessageTemplate link = new MessageTemplate("e", "en", null, "t",
        "<a href=\"{{ url | escape }}\">{{ name | h }}</a>");

    RenderedMessage rendered = renderer.render(link,
        Map.of("url", "https://x.test/?a=1&b=\"><script>", "name", "<b>Ann & Bob</b>"));

    assertThat(rendered.html()).isEqualTo(
        "<a href=\"https://x.test/?a=1&amp;b=&quot;&gt;&lt;script&gt;\">&lt;b&gt;Ann &amp; Bob&lt;/b&gt;</a>");
  }

  @Test
  void datesFormatWhateverJavaTimeTypeTheyArrive() {
    MessageTemplate dated = new MessageTemplate("t", "zh-CN", null,
        "{{ a | date: '%Y-%m-%d %H:%M' }} {{ b | date: '%Y年%m月%d日' }} {{ c | date: '%H:%M' }}", null);

    RenderedMessage rendered = renderer.render(dated, Map.of(
        "a", Instant.parse("2026-11-11T02:30:00Z"),
        "b", LocalDate.of(2026, 11, 11),
        "c", ZonedDateTime.of(2026, 11, 11, 20, 0, 0, 0, ZoneId.of("Asia/Shanghai"))));

    assertThat(rendered.text()).isEqualTo("2026-11-11 02:30 2026年11月11日 20:00");
  }

  @Test
  void includesAreRefusedAtValidationAndRender() {
    MessageTemplate include = new MessageTemplate("i", "en", null, "hello\n{% include '/etc/passwd' %}", null);

    assertThatThrownBy(() -> renderer.validate(include))
        .isInstanceOfSatisfying(TemplateSyntaxException.class, e -> {
          assertThat(e.part()).isEqualTo("text");
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.getMessage()).contains("include");
        });
    assertThatThrownBy(() -> renderer.render(include, Map.of()))
        .isInstanceOf(TemplateSyntaxException.class)
        .hasMessageNotContaining("root:");
  }

  @Test
  void javaObjectsNeverReachTheTemplate() {
    MessageTemplate probe = new MessageTemplate("p", "en", null, "{{ file.absolutePath }}", null);

    assertThatThrownBy(() -> renderer.render(probe, Map.of("file", new File("/etc/passwd"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("file");
    assertThatThrownBy(() -> renderer.render(probe, Map.of("list", List.of(new Object()))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("list[]");
  }

  @Test
  void loopsAreBounded() {
    MessageTemplate loop = new MessageTemplate("l", "en", null, "{% for i in (1..1000000) %}x{% endfor %}", null);

    assertThatThrownBy(() -> renderer.render(loop, Map.of())).isInstanceOf(TemplateSyntaxException.class);
  }

  @Test
  void concurrentRendersOfOneTemplateNeverMixTheirCustomers() throws Exception {
    MessageTemplate template = new MessageTemplate("c", "zh-CN", "{{ name }}",
        "{% for i in (1..20) %}{{ name }}{% endfor %}", "<p>{{ name | escape }}</p>");
    java.util.List<java.util.concurrent.Callable<Boolean>> renders = new java.util.ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String name = "会员" + i;
      renders.add(() -> {
        RenderedMessage rendered = renderer.render(template, Map.of("name", name));
        return rendered.subject().equals(name) && rendered.text().equals(name.repeat(20))
            && rendered.html().equals("<p>" + name + "</p>");
      });
    }
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
      for (var result : pool.invokeAll(renders)) {
        assertThat(result.get()).isTrue();
      }
    }
  }
}
