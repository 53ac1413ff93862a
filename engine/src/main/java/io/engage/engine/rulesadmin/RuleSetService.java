package io.engage.engine.rulesadmin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.engage.engine.platform.web.ApiProblemException;
import io.engage.engine.platform.web.FieldError;
import io.engage.rules.RuleCompilationException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Drafts, activation and rollback of rule set versions. Nothing is stored that does not compile,
 * and a failed activation leaves the active version active. Every change is audited.
 */
@Service
public class RuleSetService {

  private final RuleSetMapper mapper;
  private final ActiveRules active;
  private final ObjectMapper json;

  RuleSetService(RuleSetMapper mapper, ActiveRules active, ObjectMapper json) {
    this.mapper = mapper;
    this.active = active;
    this.json = json;
  }

  /** What an author hands in: the DRL to compile and, when authored otherwise, the original. */
  public record Draft(String format, String drl, String original, String fileName, String comment) {}

  @Transactional
  public RuleSetVersion createDraft(String ruleSet, Draft draft, String actor) {
    requireKnown(ruleSet);
    Integer max = mapper.lockAndFindMaxVersion(ruleSet);
    int number = (max == null ? 0 : max) + 1;
    RuleSetVersion version = new RuleSetVersion(0, ruleSet, number, RuleSetVersion.DRAFT, draft.format(),
        draft.drl(), draft.original(), draft.fileName(), draft.comment(), actor, Instant.now(), null, null);
    validate(version);
    mapper.insertIfAbsent(version);
    audit(ruleSet, number, "draft-created", actor, Map.of("format", draft.format(), "comment", String.valueOf(draft.comment())));
    return mapper.find(ruleSet, number);
  }

  @Transactional
  public RuleSetVersion activate(String ruleSet, int number, String actor) {
    requireKnown(ruleSet);
    mapper.lockAndFindMaxVersion(ruleSet);
    RuleSetVersion target = mapper.find(ruleSet, number);
    if (target == null) {
      throw ApiProblemException.notFound("Version " + number + " of rule set " + ruleSet);
    }
    RuleSetVersion current = mapper.findActive(ruleSet);
    if (current != null && current.version() == number) {
      throw new ApiProblemException(HttpStatus.CONFLICT, "Already active",
          "Version " + number + " of " + ruleSet + " is already active", List.of());
    }
    validate(target);
    mapper.retireActive(ruleSet);
    mapper.markActive(ruleSet, number, actor, Instant.now());
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("from", current == null ? null : current.version());
    detail.put("to", number);
    detail.put("diff", LineDiff.between(current == null ? null : current.drl(), target.drl()));
    audit(ruleSet, number, "activated", actor, detail);
    swapAfterCommit();
    return mapper.find(ruleSet, number);
  }

  /** Re-activates the version that was active before the current one. */
  @Transactional
  public RuleSetVersion rollback(String ruleSet, String actor) {
    requireKnown(ruleSet);
    mapper.lockAndFindMaxVersion(ruleSet);
    RuleSetVersion previous = mapper.findPreviouslyActive(ruleSet);
    if (previous == null) {
      throw new ApiProblemException(HttpStatus.CONFLICT, "Nothing to roll back to",
          "Rule set " + ruleSet + " has had only one active version", List.of());
    }
    RuleSetVersion current = mapper.findActive(ruleSet);
    validate(previous);
    mapper.retireActive(ruleSet);
    mapper.markActive(ruleSet, previous.version(), actor, Instant.now());
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("from", current == null ? null : current.version());
    detail.put("to", previous.version());
    detail.put("diff", LineDiff.between(current == null ? null : current.drl(), previous.drl()));
    audit(ruleSet, previous.version(), "rolled-back", actor, detail);
    swapAfterCommit();
    return mapper.find(ruleSet, previous.version());
  }

  public List<RuleSetVersion> versions(String ruleSet) {
    requireKnown(ruleSet);
    return mapper.findAll(ruleSet);
  }

  public RuleSetVersion version(String ruleSet, int number) {
    requireKnown(ruleSet);
    RuleSetVersion version = mapper.find(ruleSet, number);
    if (version == null) {
      throw ApiProblemException.notFound("Version " + number + " of rule set " + ruleSet);
    }
    return version;
  }

  /** A stored version compiled, e.g. a draft to simulate. */
  public io.engage.rules.CompiledRuleSet compiled(String ruleSet, int number) {
    return ActiveRules.compile(version(ruleSet, number));
  }

  public List<RuleAuditEntry> audit(String ruleSet, int limit) {
    return mapper.findAudit(ruleSet, limit);
  }

  public List<String> ruleSets() {
    return ShippedRules.names();
  }

  /** Compiles the version; a failure is a 422 naming each DRL line and column. */
  static void validate(RuleSetVersion version) {
    try {
      RuleSetProbe.problem(ActiveRules.compile(version)).ifPresent(problem -> {
        throw new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "Rules do not fit the rule set",
            "Version " + version.version() + " of " + version.ruleSet() + " is refused: " + problem,
            List.of(new FieldError(version.ruleSet(), problem)));
      });
    } catch (RuleCompilationException e) {
      throw refusal(e, "Version " + version.version() + " of " + version.ruleSet());
    }
  }

  /** A 422 naming each error's source (DRL file, sheet or grid row), line and column. */
  static ApiProblemException refusal(RuleCompilationException e, String what) {
    List<FieldError> errors = e.errors().stream()
        .map(error -> new FieldError(error.source(), error.message(), error.line(), error.column()))
        .toList();
    return new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "Rules refused",
        what + " is refused: " + errors.size() + " error(s)", errors);
  }

  private static void requireKnown(String ruleSet) {
    if (!ShippedRules.exists(ruleSet)) {
      throw ApiProblemException.notFound("Rule set " + ruleSet);
    }
  }

  private void audit(String ruleSet, Integer version, String action, String actor, Map<String, ?> detail) {
    try {
      mapper.insertAudit(new RuleAuditEntry(0, ruleSet, version, action, actor, json.writeValueAsString(detail), Instant.now()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void swapAfterCommit() {
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        active.refresh();
      }
    });
  }
}
