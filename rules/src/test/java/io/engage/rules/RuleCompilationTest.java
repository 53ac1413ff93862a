package io.engage.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleCompilationTest {

  @Test
  void aSyntaxErrorNamesItsLineAndColumn() {
    String drl = """
        package io.engage.rules.points;
        rule "Broken"
        when
            $c : PointsCalculation(tier == )
        then
        end
        """;
    assertThatThrownBy(() -> CompiledRuleSet.compile("points", "2", List.of(new RuleSource("broken.drl", drl))))
        .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
          RuleError error = e.errors().getFirst();
          assertThat(error.source()).isEqualTo("broken.drl");
          assertThat(error.line()).isEqualTo(4);
          assertThat(error.column()).isPositive();
        });
  }

  @Test
  void anUnknownFactTypeIsAnError() {
    String drl = """
        package io.engage.rules.points;
        rule "Wrong fact"
        when
            $o : NoSuchFact()
        then
        end
        """;
    assertThatThrownBy(() -> CompiledRuleSet.compile("points", "2", List.of(new RuleSource("wrong.drl", drl))))
        .isInstanceOfSatisfying(RuleCompilationException.class,
            e -> assertThat(e.errors()).anySatisfy(error -> assertThat(error.line()).isEqualTo(4)));
  }

  @Test
  void aRuleSetWithoutRulesIsRefused() {
    assertThatThrownBy(() -> CompiledRuleSet.compile("points", "2",
        List.of(new RuleSource("empty.drl", "package io.engage.rules.points;\n"))))
        .isInstanceOf(RuleCompilationException.class)
        .hasMessageContaining("no rules");
  }

  @Test
  void theShippedRuleSetsCompileAsVersionOne() {
    assertThat(ShippedRuleSets.points().version()).isEqualTo("1");
    assertThat(ShippedRuleSets.points().ruleCount()).isEqualTo(6);
    assertThat(ShippedRuleSets.tiers().ruleCount()).isEqualTo(5);
  }
}
