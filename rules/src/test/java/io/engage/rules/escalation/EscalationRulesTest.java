package io.engage.rules.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.engage.rules.ShippedRuleSets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EscalationRulesTest {

  private final EscalationRules rules = new EscalationRules(ShippedRuleSets.escalation());

  @Test
  void slaAndStartLevelBySeverity() {
    assertPlan(decide(Severity.CRITICAL, "BASIC", "PHONE"), 2, 2);
    assertPlan(decide(Severity.HIGH, "BASIC", "PHONE"), 8, 1);
    assertPlan(decide(Severity.MEDIUM, "SILVER", "EMAIL"), 24, 1);
    assertPlan(decide(Severity.LOW, "SILVER", "APP"), 72, 1);
  }

  @Test
  void notifiesAgentThenServiceManagerThenAdmin() {
    EscalationDecision decision = decide(Severity.HIGH, "BASIC", "PHONE");
    assertThat(decision.maxLevel()).isEqualTo(3);
    assertThat(decision.notifyByLevel()).containsExactly(
        Map.entry(1, List.of("AGENT")), Map.entry(2, List.of("SERVICE_MANAGER")), Map.entry(3, List.of("ADMIN")));
    assertThat(decision.reason()).isEqualTo("HIGH: 8h, start level 1");
    assertThat(decision.rulesFired()).containsExactly("Escalation ladder", "HIGH severity");
    assertThat(decision.ruleSet()).isEqualTo("escalation");
    assertThat(decision.version()).isEqualTo("1");
  }

  @Test
  void aComplaintStartingHigherSkipsTheLowerLevels() {
    EscalationDecision decision = decide(Severity.CRITICAL, "BASIC", "WECHAT");
    assertThat(decision.notifyByLevel()).containsOnlyKeys(2, 3);
  }

  @Test
  void goldAndPlusCustomersGetHalfTheSla() {
    EscalationDecision gold = decide(Severity.HIGH, "GOLD", "PHONE");
    assertPlan(gold, 4, 1);
    assertThat(gold.reason()).isEqualTo("HIGH: 8h, start level 1; GOLD: half SLA 4h");
    assertThat(gold.rulesFired()).contains("Half SLA for GOLD and PLUS");
    assertPlan(decide(Severity.CRITICAL, "PLUS", "APP"), 1, 2);
    assertPlan(decide(Severity.MEDIUM, "PLUS", "EMAIL"), 12, 1);
    assertPlan(decide(Severity.LOW, "GOLD", "EMAIL"), 36, 1);
    assertThat(decide(Severity.LOW, "SILVER", "EMAIL").rulesFired()).doesNotContain("Half SLA for GOLD and PLUS");
  }

  @Test
  void weiboStartsOneLevelHigher() {
    EscalationDecision decision = decide(Severity.MEDIUM, "BASIC", "WEIBO");
    assertPlan(decision, 24, 2);
    assertThat(decision.reason()).isEqualTo("MEDIUM: 24h, start level 1; WEIBO public channel: start level +1 → 2");
    assertThat(decision.notifyByLevel()).containsOnlyKeys(2, 3);
  }

  @Test
  void aCriticalWeiboComplaintFromAGoldCustomerGoesStraightToTheTop() {
    EscalationDecision decision = decide(Severity.CRITICAL, "GOLD", "WEIBO");
    assertPlan(decision, 1, 3);
    assertThat(decision.notifyByLevel()).containsExactly(Map.entry(3, List.of("ADMIN")));
    assertThat(decision.rulesFired()).containsExactly(
        "Escalation ladder", "CRITICAL severity", "Half SLA for GOLD and PLUS", "WEIBO starts one level higher");
  }

  private EscalationDecision decide(Severity severity, String tier, String channel) {
    return rules.decide(new EscalationFact("cp-1", severity, tier, channel));
  }

  private static void assertPlan(EscalationDecision decision, int slaHours, int startLevel) {
    assertThat(decision.slaHours()).as("SLA hours").isEqualTo(slaHours);
    assertThat(decision.startLevel()).as("start level").isEqualTo(startLevel);
    assertThat(decision.maxLevel()).as("max level").isEqualTo(3);
  }
}
