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
          assertThat(e.getMessage()).contains("broken.drl:4:" + error.column() + ":");
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
    assertThat(ShippedRuleSets.points().ruleCount()).isEqualTo(10);
    assertThat(ShippedRuleSets.tiers().ruleCount()).isEqualTo(7);
    assertThat(ShippedRuleSets.activity().ruleCount()).isEqualTo(4);
    assertThat(ShippedRuleSets.referral().ruleCount()).isEqualTo(6);
    assertThat(ShippedRuleSets.escalation().ruleCount()).isEqualTo(7);
    assertThat(ShippedRuleSets.birthday().ruleCount()).isEqualTo(4);
  }

  @Test
  void everyShippedSetIsListedAndCompilesFromItsSources() {
    assertThat(ShippedRuleSets.names()).containsExactly("points", "tiers", "activity", "referral", "escalation", "birthday");
    for (String name : ShippedRuleSets.names()) {
      CompiledRuleSet compiled = ShippedRuleSets.compiled(name);
      assertThat(compiled.name()).isEqualTo(name);
      assertThat(compiled.version()).isEqualTo("1");
      assertThat(ShippedRuleSets.sources(name)).singleElement()
          .satisfies(source -> assertThat(source.path()).isEqualTo("io/engage/rules/" + name + "/" + name + ".drl"));
    }
    assertThat(ShippedRuleSets.compiled("points")).isSameAs(ShippedRuleSets.points());
    assertThat(ShippedRuleSets.referralSources()).isEqualTo(ShippedRuleSets.sources("referral"));
  }

  @Test
  void anUnknownShippedSetIsRefused() {
    assertThatThrownBy(() -> ShippedRuleSets.sources("loyalty"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("loyalty");
  }
}
