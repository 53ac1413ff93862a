package io.engage.engine.rulesadmin;

import io.engage.engine.approval.Approval;
import io.engage.engine.approval.ApprovalHandler;
import io.engage.engine.approval.Approvals;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * A reward rule version (points, tiers, referral, activity, birthday) that has never been in force
 * is activated only when a second business user (or ADMIN) approves. Re-activating a version that
 * was in force before (a rollback, or restoring version 1) and escalation rules need no approval.
 */
@Component
class RuleActivationApproval implements ApprovalHandler {

  static final String KIND = "rules.activate";
  static final Set<String> REWARD_SETS = Set.of("points", "tiers", "referral", "activity", "birthday");

  private final RuleSetService rules;
  private final Approvals approvals;

  RuleActivationApproval(RuleSetService rules, Approvals approvals) {
    this.rules = rules;
    this.approvals = approvals;
  }

  /** Whether activating this version waits for approval (unknown versions answer 404 here). */
  boolean needed(String ruleSet, int number) {
    if (!approvals.enabled() || !REWARD_SETS.contains(ruleSet)) {
      return false;
    }
    RuleSetVersion version = rules.version(ruleSet, number);
    return version.activatedAt() == null && !RuleSetVersion.ACTIVE.equals(version.status());
  }

  Approval request(String ruleSet, int number, Authentication requester) {
    return approvals.request(KIND, "rule-set", ruleSet + ":v" + number, "Activate " + ruleSet + " rules v" + number,
        Map.of("ruleSet", ruleSet, "version", number), requester);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void checkApprover(Approval approval, Authentication approver) {
    RuleSetOwners.requireEditor(approval.text("ruleSet"), approver);
  }

  @Override
  public Object perform(Approval approval, Authentication approver) {
    return rules.activate(approval.text("ruleSet"), Integer.parseInt(approval.text("version")), approver.getName());
  }
}
