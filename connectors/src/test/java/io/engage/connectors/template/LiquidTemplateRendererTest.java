package io.engage.connectors.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LiquidTemplateRendererTest {

  private final LiquidTemplateRenderer renderer = new LiquidTemplateRenderer();

  @Test
  void rendersNestedFieldsInChinese() {
    MessageTemplate template = new MessageTemplate("welcome", "zh-CN", "{{ customer.name }}，欢迎",
        "您的邀请码：{{ customer.referralCode }}", "<b>{{ customer.name | escape }}</b>");
    RenderedMessage rendered = renderer.render(template,
        Map.of("customer", Map.of("name", "王<芳>", "referralCode", "AB12CD34")));
    assertThat(rendered.subject()).isEqualTo("王<芳>，欢迎");
    assertThat(rendered.text()).isEqualTo("您的邀请码：AB12CD34");
    assertThat(rendered.html()).isEqualTo("<b>王&lt;芳&gt;</b>");
  }

  @Test
  void fallsBackToDefaultsAndKeepsAbsentPartsNull() {
    MessageTemplate sms = new MessageTemplate("r", "en", null, "Hi {{ customer.name | default: 'there' }}", null);
    RenderedMessage rendered = renderer.render(sms, Map.of("customer", Map.of()));
    assertThat(rendered.text()).isEqualTo("Hi there");
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
        });
  }

  @Test
  void includesCannotReadFiles() {
    MessageTemplate include = new MessageTemplate("i", "en", null, "{% include '/etc/passwd' %}", null);
    assertThatThrownBy(() -> renderer.render(include, Map.of()))
        .isInstanceOf(TemplateSyntaxException.class);
  }
}
