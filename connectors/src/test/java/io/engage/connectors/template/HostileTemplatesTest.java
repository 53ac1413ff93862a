package io.engage.connectors.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Templates written to read files, reach Java objects or exhaust the renderer are refused or inert. */
class HostileTemplatesTest {

  private final LiquidTemplateRenderer renderer = new LiquidTemplateRenderer();

  @ParameterizedTest
  @ValueSource(strings = {
      "{% include '/etc/passwd' %}",
      "{% include '../../../../etc/passwd' %}",
      "{% include 'file:///etc/passwd' %}",
      "{% include_relative '/etc/passwd' %}",
      "{% include_relative ../application.yml %}",
      "{% include {{ path }} %}"})
  void fileIncludesAreRefusedWhenValidated(String text) {
    MessageTemplate template = new MessageTemplate("h", "en", null, text, null);
    assertThatThrownBy(() -> renderer.validate(template)).isInstanceOf(TemplateSyntaxException.class);
    assertThatThrownBy(() -> renderer.render(template, Map.of("path", "/etc/passwd")))
        .isInstanceOf(TemplateSyntaxException.class)
        .hasMessageNotContaining("root:");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{{ customer.class }}", "{{ customer.class.name }}", "{{ customer.getClass }}", "{{ customer.class.classLoader }}",
      "{{ customer.name.class }}", "{{ customer.name.bytes }}", "{{ customer.name.getBytes }}", "{{ customer.size.class }}"})
  void javaMembersOfModelValuesAreInvisible(String text) {
    RenderedMessage rendered = renderer.render(new MessageTemplate("h", "en", null, "[" + text + "]", null),
        Map.of("customer", Map.of("name", "李娜")));
    assertThat(rendered.text()).isEqualTo("[]");
  }

  @Test
  void outputIsBoundedInSize() {
    MessageTemplate huge = new MessageTemplate("h", "en", null,
        "{% for i in (1..9000) %}{{ chunk }}{% endfor %}", null);
    assertThatThrownBy(() -> renderer.render(huge, Map.of("chunk", "x".repeat(200))))
        .isInstanceOf(TemplateSyntaxException.class);
  }

  @Test
  void nestedLoopsAreBoundedInTime() {
    MessageTemplate slow = new MessageTemplate("h", "en", null,
        "{% for a in (1..9999) %}{% for b in (1..9999) %}{% endfor %}{% endfor %}", null);
    long started = System.nanoTime();
    assertThatThrownBy(() -> renderer.render(slow, Map.of())).isInstanceOf(TemplateSyntaxException.class);
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(10_000);
  }

  @Test
  void oversizedTemplatesAreRefused() {
    MessageTemplate big = new MessageTemplate("h", "en", null, "x".repeat(300_000), null);
    assertThatThrownBy(() -> renderer.validate(big)).isInstanceOf(TemplateSyntaxException.class);
  }
}
