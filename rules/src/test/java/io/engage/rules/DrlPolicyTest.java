package io.engage.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** DRL that reaches outside the facts is refused before it is compiled, at the line at fault. */
class DrlPolicyTest {

  private static final String HEADER = """
      package io.engage.rules.points;
      import java.math.BigDecimal;
      """;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      System.exit                  | System.exit(1);                                           | 'System'
      Runtime exec                 | Runtime.getRuntime().exec("sh");                          | 'Runtime'
      ProcessBuilder               | new ProcessBuilder("sh").start();                         | 'ProcessBuilder'
      qualified java.lang.System   | java.lang.System.out.println("x");                        | 'System'
      spaced qualified name        | java . io . File f = null;                                | java.io.File
      java.nio                     | java.nio.file.Files.readString(null);                     | java.nio.file.Files
      reflection via getClass      | $c.getClass().getMethod("x").invoke($c);                 | 'getClass'
      MVEL class property          | $c.class.classLoader;                                     | 'class'
      Class.forName                | Class.forName("x");                                       | 'Class'
      Thread                       | new Thread(() -> {}).start();                             | 'Thread'
      ClassLoader                  | ClassLoader.getSystemClassLoader();                       | 'ClassLoader'
      drools handle                | drools.getKieRuntime().halt();                            | 'drools'
      drools rule then more        | drools.getRule().getPackageName().getClass();              | 'getClass'
      drools rule's other parts    | drools.getRule().getMetaData();                           | 'drools'
      timer thread                 | new java.util.Timer().schedule(null, 1L);                 | 'Timer'
      JVM default time zone        | java.util.TimeZone.setDefault(null);                      | 'setDefault'
      endless loop                 | while (true) { }                                          | 'while'
      counting loop                | for (int i = 0; i >= 0; i++) { }                          | 'for'
      kcontext handle              | kcontext.getKieRuntime();                                 | 'kcontext'
      unicode escape hides code    | \\u0053ystem.exit(1);                                      | unicode escapes
      engine internals             | org.drools.core.Foo.bar();                                | org.drools.core.Foo
      """)
  void aConsequenceThatReachesTheJvmIsRefusedAtItsLine(String name, String consequence, String reason) {
    String drl = HEADER + """
        rule "Hostile"
        when
            $c : PointsCalculation()
        then
            %s
        end
        """.formatted(consequence);
    List<RuleError> errors = DrlPolicy.check("hostile.drl", drl);
    assertThat(errors).as(name).isNotEmpty();
    assertThat(errors).anySatisfy(error -> {
      assertThat(error.line()).isEqualTo(7);
      assertThat(error.column()).isPositive();
      assertThat(error.message()).contains(reason);
    });
  }

  @ParameterizedTest(name = "import {0}")
  @CsvSource({"java.io.File, 2", "java.lang.Runtime, 2", "java.lang.reflect.Method, 2", "java.util.concurrent.Executors, 2",
      "static java.lang.System.exit, 2", "function java.lang.System.exit, 2", "java.net.*, 2"})
  void importsOutsideTheFactAndValuePackagesAreRefused(String imported, int line) {
    String drl = "package io.engage.rules.points;\nimport " + imported + ";\nrule \"x\" when $c : PointsCalculation() then end\n";
    assertThat(DrlPolicy.check("imports.drl", drl))
        .anySatisfy(error -> assertThat(error.line()).isEqualTo(line));
  }

  @Test
  void consequencesMayNameTheirRule() {
    String drl = HEADER + """
        rule "Named"
        when
            $c : PointsCalculation()
        then
            $c.awardBase(drools.getRule().getName(), new BigDecimal("1"));
            $c.awardBase(kcontext.getRule().getName(), BigDecimal.ONE);
        end
        """;
    assertThat(DrlPolicy.check("named.drl", drl)).isEmpty();
  }

  @Test
  void functionsAreRefused() {
    String drl = HEADER + "function int again(int n) { return again(n + 1); }\nrule \"f\" when $c : PointsCalculation() then end\n";
    assertThat(DrlPolicy.check("function.drl", drl)).anySatisfy(error -> {
      assertThat(error.line()).isEqualTo(3);
      assertThat(error.message()).contains("'function'");
    });
  }

  @Test
  void evalIsRefusedInConditions() {
    String drl = HEADER + "rule \"e\"\nwhen\n    eval(true)\nthen\nend\n";
    assertThat(DrlPolicy.check("eval.drl", drl)).singleElement()
        .satisfies(error -> {
          assertThat(error.line()).isEqualTo(5);
          assertThat(error.message()).contains("'eval'");
        });
  }

  @Test
  void commentsAndStringsAreNotCode() {
    String drl = HEADER + """
        // System.exit is mentioned here, and /* Runtime */ there
        rule "Says System.exit in its name"
        when
            $c : PointsCalculation(tier == "java.io.File")
        then
            $c.awardBase("Runtime.getRuntime()", new BigDecimal("1"));
        end
        """;
    assertThat(DrlPolicy.check("ok.drl", drl)).isEmpty();
  }

  @Test
  void factAndValueClassesAreAllowed() {
    String drl = """
        package io.engage.rules.points;
        import java.math.BigDecimal;
        import java.util.List;
        import io.engage.rules.points.PointsCalculation;
        rule "Qualified"
        when
            $c : io.engage.rules.points.PointsCalculation()
        then
            $c.awardBase("b", java.math.BigDecimal.ONE);
        end
        """;
    assertThat(DrlPolicy.check("ok.drl", drl)).isEmpty();
  }

  @Test
  void compilingRefusesBeforeTheCompilerSeesTheDrl() {
    String drl = HEADER + "rule \"x\"\nwhen\n    $c : PointsCalculation()\nthen\n    System.exit(3);\nend\n";
    assertThatThrownBy(() -> CompiledRuleSet.compile("points", "2", List.of(new RuleSource("exit.drl", drl))))
        .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.errors()).first()
            .satisfies(error -> {
              assertThat(error.source()).isEqualTo("exit.drl");
              assertThat(error.line()).isEqualTo(7);
              assertThat(error.column()).isEqualTo(5);
            }));
  }

  @Test
  void theShippedRuleSetsPassThePolicy() {
    assertThat(ShippedRuleSets.points().ruleCount()).isPositive();
    assertThat(ShippedRuleSets.escalation().ruleCount()).isPositive();
  }
}
