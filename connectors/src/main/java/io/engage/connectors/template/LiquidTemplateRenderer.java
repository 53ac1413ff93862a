package io.engage.connectors.template;

import java.io.IOException;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liqp.Template;
import liqp.TemplateParser;
import liqp.exceptions.LiquidException;
import liqp.org.antlr.v4.runtime.ParserRuleContext;
import liqp.org.antlr.v4.runtime.tree.ParseTree;
import liquid.parser.v4.LiquidParser;

/**
 * Renders message templates written in Liquid (liqp). Thread-safe; one instance serves the whole
 * engine.
 *
 * <p>Templates are written by marketers, not developers, so they are sandboxed:
 * <ul>
 *   <li>{@code include} and {@code include_relative} are refused when the template is parsed, and
 *       the include resolver fails too, so no template can read a file.</li>
 *   <li>The model may hold only maps with string keys, lists, strings, numbers, booleans, enums
 *       (rendered by name) and dates ({@code java.util.Date}, {@code LocalDate},
 *       {@code LocalDateTime}, {@code OffsetDateTime}, {@code ZonedDateTime}, {@code Instant});
 *       anything else is rejected with {@link IllegalArgumentException}. Turning records and
 *       entities into maps is the caller's job: that way the caller decides which fields a
 *       template may see, and liqp never meets a Java bean it could introspect (its Jackson
 *       conversion only applies to objects it is handed; the evaluate mode is pinned to LAZY so
 *       nothing is converted eagerly either). An {@code Instant} is shown in UTC: pass a
 *       {@code ZonedDateTime} in the customer's zone to show local time.</li>
 *   <li>Loop iterations, output size, template size and render time are bounded, so one bad
 *       template cannot stall a journey.</li>
 * </ul>
 *
 * <p>Strictness: a syntax error, an unknown tag, an unknown filter or an include fails
 * {@link #validate} (and {@link #render}) with {@link TemplateSyntaxException} naming the part,
 * line and column. An undefined variable renders as empty on purpose, so optional data can be
 * handled with {@code default}: {@code {{ customer.name | default: "会员" }}}.
 *
 * <p>HTML: liqp has no escape-by-default mode, so the HTML part renders values as they are.
 * Templates must escape every value in the HTML part with {@code | escape} (alias {@code | h}),
 * which replaces {@code < > & "}; it leaves {@code '} alone, so attributes must be double-quoted:
 * {@code <a href="{{ link | escape }}">}. Text and subject are plain text and need no escaping.
 */
public final class LiquidTemplateRenderer {

  /**
   * liqp enforces the time limit by rendering on an executor; without one it would start a
   * platform thread per render. Virtual threads cost nothing when idle, so sharing one executor
   * for the renderer's lifetime needs no shutdown.
   */
  private static final ExecutorService RENDER_THREADS = Executors.newVirtualThreadPerTaskExecutor();

  /** liqp's wording for an error raised while rendering, with a 1-based line and 0-based index. */
  private static final Pattern RENDER_ERROR = Pattern.compile("error on line (\\d+), index (\\d+): (.*)", Pattern.DOTALL);

  /** Distinct template sources whose parsed form is kept; templates change rarely. */
  private static final int MAX_CACHED_SOURCES = 500;
  private static final int MAX_IDLE_PER_SOURCE = 32;

  /** Tags that read files; refused wherever the grammar puts them. */
  private static final java.util.Set<String> FILE_TAGS = java.util.Set.of("include", "include_relative");

  private static final int MAX_TEMPLATE_BYTES = 200_000;

  private final Map<String, Queue<Template>> parsedBySource = new ConcurrentHashMap<>();

  private final TemplateParser parser = new TemplateParser.Builder()
      .withStrictVariables(false)
      .withErrorMode(TemplateParser.ErrorMode.STRICT)
      .withEvaluateMode(TemplateParser.EvaluateMode.LAZY)
      .withShowExceptionsFromInclude(true)
      .withNameResolver(name -> {
        throw new IOException("includes are disabled in Engage templates ('" + name + "')");
      })
      .withMaxIterations(10_000)
      .withMaxRenderTimeMillis(2_000)
      .withMaxSizeRenderedString(1_000_000)
      .withMaxTemplateSizeBytes(MAX_TEMPLATE_BYTES)
      .build();

  /** Renders every present part; a part the template lacks stays null. */
  public RenderedMessage render(MessageTemplate template, Map<String, Object> model) {
    Map<String, Object> plain = PlainModel.copy(model);
    return new RenderedMessage(
        render("subject", template.subject(), plain),
        render("text", template.text(), plain),
        render("html", template.html(), plain));
  }

  /** Parses every part without rendering it, as an editor does before saving a template. */
  public void validate(MessageTemplate template) {
    parse("subject", template.subject());
    parse("text", template.text());
    parse("html", template.html());
  }

  private String render(String part, String source, Map<String, Object> model) {
    if (source == null) {
      return null;
    }
    Template parsed = borrow(part, source);
    String rendered;
    try {
      rendered = parsed.render(model, RENDER_THREADS, false);
    } catch (RuntimeException e) {
      // Not given back: after a timeout the render may still be running on its own thread.
      throw failure(part, e);
    }
    giveBack(source, parsed);
    return rendered;
  }

  /**
   * A parsed template for this source, from the idle ones or parsed now. Parsing costs several
   * times more than rendering, but a liqp Template keeps per-render state in a field, so one
   * instance must not render twice at once: each is lent to one render at a time.
   */
  private Template borrow(String part, String source) {
    Queue<Template> idle = parsedBySource.get(source);
    Template parsed = idle == null ? null : idle.poll();
    return parsed != null ? parsed : parse(part, source);
  }

  private void giveBack(String source, Template parsed) {
    Queue<Template> idle = parsedBySource.get(source);
    if (idle == null) {
      if (parsedBySource.size() >= MAX_CACHED_SOURCES) {
        return;
      }
      idle = parsedBySource.computeIfAbsent(source, s -> new ConcurrentLinkedQueue<>());
    }
    if (idle.size() < MAX_IDLE_PER_SOURCE) {
      idle.offer(parsed);
    }
  }

  private Template parse(String part, String source) {
    if (source == null) {
      return null;
    }
    // liqp checks its size limit only when rendering; an editor's validation should see it too.
    int bytes = source.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    if (bytes > MAX_TEMPLATE_BYTES) {
      throw new TemplateSyntaxException(part, 0, 0, "the template has " + bytes + " bytes; at most "
          + MAX_TEMPLATE_BYTES + " are allowed", null);
    }
    Template parsed;
    try {
      parsed = parser.parse(source);
    } catch (RuntimeException e) {
      throw failure(part, e);
    }
    check(part, parsed.getParseTree());
    return parsed;
  }

  /**
   * Finds at parse time what liqp would only report while rendering (an unknown filter) or would
   * do quietly (an include), so validation catches both before a customer's message depends on it.
   */
  private void check(String part, ParseTree node) {
    if (node instanceof LiquidParser.Include_tagContext || node instanceof LiquidParser.Include_relative_tagContext) {
      throw at(part, (ParserRuleContext) node, "include is not allowed in Engage templates");
    }
    // Outside the Jekyll flavour, include_relative parses as a plain tag, and liqp's insertion for it
    // reads the path from the file system without asking the name resolver.
    if (node instanceof LiquidParser.Simple_tagContext tag && tag.getChildCount() > 1
        && FILE_TAGS.contains(tag.getChild(1).getText())) {
      throw at(part, tag, tag.getChild(1).getText() + " is not allowed in Engage templates");
    }
    if (node instanceof LiquidParser.FilterContext filter && filter.Id() != null
        && parser.filters.get(filter.Id().getText()) == null) {
      throw at(part, filter, "unknown filter '" + filter.Id().getText() + "'");
    }
    for (int i = 0; i < node.getChildCount(); i++) {
      check(part, node.getChild(i));
    }
  }

  private static TemplateSyntaxException at(String part, ParserRuleContext node, String message) {
    return new TemplateSyntaxException(part, node.getStart().getLine(), node.getStart().getCharPositionInLine() + 1,
        message, null);
  }

  /**
   * Parse errors arrive as LiquidException with a position. Render errors (e.g. divided_by: 0)
   * arrive as "Oops, something unexpected happened" wrapping an ExecutionException wrapping the
   * real error, whose only record of the position is its message text: read it from there.
   */
  private static TemplateSyntaxException failure(String part, RuntimeException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof LiquidException liquid) {
        return new TemplateSyntaxException(part, liquid.line, liquid.charPositionInLine + 1,
            firstLine(liquid.getMessage()), e);
      }
      Matcher positioned = cause.getMessage() == null ? null : RENDER_ERROR.matcher(cause.getMessage());
      if (positioned != null && positioned.lookingAt()) {
        return new TemplateSyntaxException(part, Integer.parseInt(positioned.group(1)),
            Integer.parseInt(positioned.group(2)) + 1, firstLine(positioned.group(3)), e);
      }
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return new TemplateSyntaxException(part, 0, 0, firstLine(root.getMessage()), e);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "template error";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
