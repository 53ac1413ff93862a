package io.engage.engine.rulesadmin;

import io.engage.rules.CompiledRuleSet;
import io.engage.rules.RuleCompilationException;
import io.engage.rules.RuleSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The compiled rule sets in force on this node: the active version of each set in the database.
 * Every node checks for a newly activated version every few seconds and swaps it in atomically; a
 * decision reads the reference once, so it never mixes two versions.
 */
@Component
public class ActiveRules {

  private static final Logger log = LoggerFactory.getLogger(ActiveRules.class);
  static final String SYSTEM = "system";

  private final RuleSetMapper mapper;
  private final Map<String, CompiledRuleSet> active = new ConcurrentHashMap<>();

  ActiveRules(RuleSetMapper mapper, TransactionTemplate transactions) {
    this.mapper = mapper;
    transactions.executeWithoutResult(status -> seedShippedVersions());
    refresh();
  }

  /** The active version of a rule set. */
  public CompiledRuleSet get(String ruleSet) {
    CompiledRuleSet compiled = active.get(ruleSet);
    if (compiled == null) {
      throw new IllegalStateException("No active version of rule set " + ruleSet);
    }
    return compiled;
  }

  /** Swaps in every rule set whose active version changed. Cheap when nothing did. */
  @Scheduled(fixedDelayString = "${engage.rules.refresh-interval:PT2S}")
  public void refresh() {
    for (RuleSetMapper.ActiveVersion current : mapper.findActiveVersions()) {
      CompiledRuleSet loaded = active.get(current.ruleSet());
      if (loaded != null && loaded.version().equals(String.valueOf(current.version()))) {
        continue;
      }
      RuleSetVersion version = mapper.find(current.ruleSet(), current.version());
      try {
        active.put(current.ruleSet(), compile(version));
        log.info("Rule set {} version {} is now in force on this node", current.ruleSet(), current.version());
      } catch (RuleCompilationException e) {
        // Versions are validated before they can be activated; keep serving the previous one.
        log.error("Active version {} of rule set {} does not compile; keeping the previous version",
            current.version(), current.ruleSet(), e);
      }
    }
  }

  static CompiledRuleSet compile(RuleSetVersion version) {
    return CompiledRuleSet.compile(version.ruleSet(), String.valueOf(version.version()),
        List.of(new RuleSource(version.ruleSet() + ".v" + version.version() + ".drl", version.drl())));
  }

  /** Version 1 of each shipped set, active, the first time a database sees it. */
  private void seedShippedVersions() {
    Instant now = Instant.now();
    for (String ruleSet : ShippedRules.names()) {
      if (mapper.lockAndFindMaxVersion(ruleSet) != null) {
        continue;
      }
      mapper.insertIfAbsent(new RuleSetVersion(0, ruleSet, 1, RuleSetVersion.DRAFT, "DRL", ShippedRules.drl(ruleSet),
          null, null, "shipped with Engage", SYSTEM, now, null, null));
      mapper.markActive(ruleSet, 1, SYSTEM, now);
      mapper.insertAudit(new RuleAuditEntry(0, ruleSet, 1, "shipped", SYSTEM, "version 1 as shipped", now));
    }
  }
}
