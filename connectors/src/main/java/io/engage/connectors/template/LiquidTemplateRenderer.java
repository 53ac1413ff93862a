package io.engage.connectors.template;

import java.io.IOException;
import java.util.Map;
import liqp.Template;
import liqp.TemplateParser;
import liqp.exceptions.LiquidException;

/**
 * Renders Liquid templates (liqp). Callers pass plain values only (maps, lists, strings, numbers):
 * converting their own objects to maps first is what keeps templates from reaching Java objects.
 * Includes are refused, so a template cannot read files, and rendering is bounded in time, size and
 * loop iterations.
 */
public final class LiquidTemplateRenderer {

  private final TemplateParser parser = new TemplateParser.Builder()
      .withStrictVariables(false)
      .withErrorMode(TemplateParser.ErrorMode.STRICT)
      .withShowExceptionsFromInclude(true)
      .withNameResolver(name -> {
        throw new IOException("includes are disabled in Engage templates ('" + name + "')");
      })
      .withMaxIterations(10_000)
      .withMaxRenderTimeMillis(2_000)
      .withMaxSizeRenderedString(1_000_000)
      .withMaxTemplateSizeBytes(200_000)
      .build();

  public RenderedMessage render(MessageTemplate template, Map<String, Object> model) {
    return new RenderedMessage(
        render("subject", template.subject(), model),
        render("text", template.text(), model),
        render("html", template.html(), model));
  }

  /** Parses every part and renders it once with an empty model, as a send would. */
  public void validate(MessageTemplate template) {
    render(template, Map.of());
  }

  private String render(String part, String source, Map<String, Object> model) {
    if (source == null) {
      return null;
    }
    Template parsed;
    try {
      parsed = parser.parse(source);
    } catch (LiquidException e) {
      throw new TemplateSyntaxException(part, e.line, e.charPositionInLine, e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new TemplateSyntaxException(part, 0, 0, e.getMessage(), e);
    }
    try {
      return parsed.render(model);
    } catch (LiquidException e) {
      throw new TemplateSyntaxException(part, e.line, e.charPositionInLine, e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new TemplateSyntaxException(part, 0, 0, String.valueOf(e.getMessage()), e);
    }
  }
}
