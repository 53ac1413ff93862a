package io.engage.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What DRL written by users may refer to, checked before the DRL reaches the compiler. Rules are
 * authored by business staff through the API (DRL drafts, decision tables, grids), and a rule's
 * consequence is Java (or MVEL) that runs inside the engine: without this check a draft could call
 * {@code System.exit}, start a process, read files or use reflection the moment it is compiled,
 * probed or simulated.
 *
 * <p>Allowed: the fact and result classes under the fact packages ({@code io.engage.rules...}), and
 * value types of {@code java.lang}, {@code java.math}, {@code java.time} and {@code java.util}.
 * Refused, with the line and column: imports and fully qualified names outside those packages;
 * names that reach the JVM (System, Runtime, ProcessBuilder, Thread, ClassLoader, Class and
 * reflection, files, sockets, script engines, timers, JVM-wide defaults); {@code eval}; the
 * {@code drools}/{@code kcontext} handles to the rule engine's runtime (except reading the rule's
 * name, {@code drools.getRule().getName()}); loops and {@code function} declarations, which a
 * draft's probe and every evaluation would run (an endless loop would hold a thread for good); and
 * unicode escapes, which the Java compiler decodes
 * before it reads the code and which would hide any of the above. Comments and string literals
 * are not code and are not checked (after escapes are refused, a string cannot turn into code).
 */
public final class DrlPolicy {

  /** The packages of Engage's facts and results; a grid or table may import any class in them. */
  public static final String FACT_PACKAGE = "io.engage.rules";

  private static final Set<String> VALUE_PACKAGES = Set.of(
      "java.lang", "java.math", "java.time", "java.time.format", "java.time.temporal", "java.util");

  private static final Set<String> REFUSED_NAMES = Set.of(
      "System", "Runtime", "ProcessBuilder", "Process", "ProcessHandle", "Thread", "ThreadGroup", "ThreadLocal",
      "InheritableThreadLocal", "ClassLoader", "URLClassLoader", "Class", "class", "getClass", "forName",
      "classLoader", "getClassLoader", "Compiler", "SecurityManager", "StackWalker", "Module", "ModuleLayer",
      "ServiceLoader", "Unsafe", "MethodHandles", "MethodHandle", "invoke", "invokeExact", "getMethod",
      "getMethods", "getDeclaredMethod", "getDeclaredMethods", "getField", "getFields", "getDeclaredField",
      "getDeclaredFields", "getConstructor", "getDeclaredConstructor", "newInstance", "setAccessible", "exec",
      "exit", "halt", "loadLibrary", "File", "Files", "Path", "Paths", "FileSystems", "FileInputStream",
      "FileOutputStream", "FileReader", "FileWriter", "RandomAccessFile", "ObjectInputStream", "Socket",
      "ServerSocket", "URL", "URI", "HttpClient", "InitialContext", "ScriptEngine", "ScriptEngineManager",
      "eval", "drools", "kcontext", "getKieRuntime", "getKnowledgeRuntime", "getWorkingMemory", "Timer", "TimerTask",
      "setDefault", "setProperty", "getenv", "while", "for", "do", "foreach", "until", "function");

  private static final Pattern RULE_ACCESS = Pattern.compile("\\s*\\.\\s*getRule\\s*\\(\\s*\\)(?!\\s*\\.\\s*(?!getName\\s*\\()\\w)");
  private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u+[0-9a-fA-F]{4}");
  private static final Pattern IMPORT = Pattern.compile(
      "^\\s*import\\s+(?:(?:static|function|accumulate|entry-point)\\s+)?([\\w$.*]+)", Pattern.MULTILINE);
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][\\w$]*");
  /** A package path followed by a class name: java.io.File, java . nio . file . Files. */
  private static final Pattern QUALIFIED = Pattern.compile(
      "(?<![\\w$.])([a-z_][\\w$]*(?:\\s*\\.\\s*[a-z_][\\w$]*)+)\\s*\\.\\s*([A-Z][\\w$]*)");

  private DrlPolicy() {}

  /** Every violation in one DRL source, each at its line and column; empty when the source may be compiled. */
  public static List<RuleError> check(String source, String drl) {
    List<RuleError> errors = new ArrayList<>();
    Matcher escape = UNICODE_ESCAPE.matcher(drl);
    while (escape.find()) {
      errors.add(at(source, drl, escape.start(), "unicode escapes (" + escape.group()
          + ") are not allowed in rules: write the character itself"));
    }
    if (!errors.isEmpty()) {
      return errors;
    }
    String code = codeOnly(drl);
    Matcher imported = IMPORT.matcher(code);
    List<int[]> importSpans = new ArrayList<>();
    while (imported.find()) {
      importSpans.add(new int[] {imported.start(), imported.end()});
      String name = imported.group(1);
      if (!allowedClass(name)) {
        errors.add(at(source, drl, imported.start(1), "import of " + name + " is not allowed: rules may use "
            + FACT_PACKAGE + ".* and java.lang, java.math, java.time, java.util value types"));
      }
    }
    Matcher qualified = QUALIFIED.matcher(code);
    while (qualified.find()) {
      if (inside(importSpans, qualified.start())) {
        continue;
      }
      String name = qualified.group(1).replaceAll("\\s", "") + "." + qualified.group(2);
      if (!allowedClass(name)) {
        errors.add(at(source, drl, qualified.start(), name + " is not allowed: rules may use classes of "
            + FACT_PACKAGE + ".* and java.lang, java.math, java.time, java.util value types"));
      }
    }
    Matcher identifier = IDENTIFIER.matcher(code);
    while (identifier.find()) {
      String name = identifier.group();
      if (REFUSED_NAMES.contains(name) && !inside(importSpans, identifier.start())
          && !namesItsRule(code, name, identifier.end())) {
        errors.add(at(source, drl, identifier.start(), "'" + name + "' is not allowed in rules: "
            + reason(name)));
      }
    }
    errors.sort(java.util.Comparator.comparingInt(RuleError::line).thenComparingInt(RuleError::column));
    return errors;
  }

  /**
   * {@code drools.getRule()} (and {@code kcontext.getRule()}) only reads the firing rule's name,
   * which consequences record as the reason of a decision; nothing else of the handle is allowed.
   */
  private static boolean namesItsRule(String code, String name, int end) {
    return (name.equals("drools") || name.equals("kcontext")) && RULE_ACCESS.matcher(code).region(end, code.length()).lookingAt();
  }

  private static String reason(String name) {
    return switch (name) {
      case "eval" -> "write the condition as a constraint on a fact";
      case "drools", "kcontext" -> "it is a handle to the rule engine's own runtime";
      case "while", "for", "do", "foreach", "until", "function" ->
          "rules decide over their facts without loops or functions, which could keep the engine busy forever";
      default -> "it reaches the JVM (system, processes, threads, class loading, reflection, files or network)";
    };
  }

  private static boolean allowedClass(String qualifiedName) {
    if (qualifiedName.startsWith(FACT_PACKAGE + ".")) {
      return true;
    }
    int lastDot = qualifiedName.lastIndexOf('.');
    if (lastDot < 0) {
      return false;
    }
    String simple = qualifiedName.substring(lastDot + 1);
    String pkg = qualifiedName.substring(0, lastDot);
    return VALUE_PACKAGES.contains(pkg) && !simple.equals("*") && !REFUSED_NAMES.contains(simple);
  }

  private static boolean inside(List<int[]> spans, int position) {
    return spans.stream().anyMatch(span -> position >= span[0] && position < span[1]);
  }

  /**
   * The DRL with comments and string literals blanked (newlines kept, so positions stay), leaving
   * what the compilers read as code.
   */
  static String codeOnly(String drl) {
    StringBuilder code = new StringBuilder(drl);
    int i = 0;
    int n = drl.length();
    while (i < n) {
      char c = drl.charAt(i);
      if (c == '/' && i + 1 < n && drl.charAt(i + 1) == '/') {
        while (i < n && drl.charAt(i) != '\n') {
          code.setCharAt(i++, ' ');
        }
      } else if (c == '/' && i + 1 < n && drl.charAt(i + 1) == '*') {
        int end = drl.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        blank(code, drl, i, end);
        i = end;
      } else if (c == '"' || c == '\'') {
        int end = i + 1;
        while (end < n && drl.charAt(end) != c && drl.charAt(end) != '\n') {
          end += drl.charAt(end) == '\\' ? 2 : 1;
        }
        end = Math.min(end + 1, n);
        blank(code, drl, i, end);
        i = end;
      } else {
        i++;
      }
    }
    return code.toString();
  }

  private static void blank(StringBuilder code, String drl, int from, int to) {
    for (int j = from; j < to; j++) {
      if (drl.charAt(j) != '\n') {
        code.setCharAt(j, ' ');
      }
    }
  }

  private static RuleError at(String source, String drl, int offset, String message) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (drl.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new RuleError(source, line, offset - lineStart + 1, message);
  }
}
