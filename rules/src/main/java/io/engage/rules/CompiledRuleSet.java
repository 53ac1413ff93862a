package io.engage.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.drools.drl.parser.ParserError;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.conf.SequentialOption;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * A named, versioned rule set compiled into a rule base, after {@link DrlPolicy} has checked that
 * it refers to nothing outside the facts. Compiled with the classic (MVEL) compiler because it
 * reports errors at their DRL line and column. Immutable and thread-safe;
 * every evaluation opens its own stateless session.
 */
public final class CompiledRuleSet {

  private final String name;
  private final String version;
  private final KieBase kieBase;
  private final int ruleCount;

  private CompiledRuleSet(String name, String version, KieBase kieBase, int ruleCount) {
    this.name = name;
    this.version = version;
    this.kieBase = kieBase;
    this.ruleCount = ruleCount;
  }

  public static CompiledRuleSet compile(String name, String version, List<RuleSource> sources) {
    // Compiling already runs user code paths (MVEL analysis, class generation): DRL that reaches
    // outside the facts never gets that far.
    List<RuleError> refused = new ArrayList<>();
    sources.forEach(source -> refused.addAll(DrlPolicy.check(source.path(), source.content())));
    if (!refused.isEmpty()) {
      throw new RuleCompilationException(name, refused);
    }
    KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
    List<RuleError> errors = new ArrayList<>();
    for (RuleSource source : sources) {
      builder.add(ResourceFactory.newByteArrayResource(source.content().getBytes(StandardCharsets.UTF_8))
          .setSourcePath(source.path()), ResourceType.DRL);
      if (builder.hasErrors()) {
        builder.getErrors().forEach(error -> errors.add(toRuleError(source.path(), error)));
        builder.undo();
      }
    }
    if (!errors.isEmpty()) {
      throw new RuleCompilationException(name, errors);
    }
    Collection<KiePackage> packages = builder.getKnowledgePackages();
    int rules = packages.stream().mapToInt(pkg -> pkg.getRules().size()).sum();
    if (rules == 0) {
      throw new RuleCompilationException(name, List.of(new RuleError(
          sources.isEmpty() ? name : sources.getFirst().path(), 0, 0, "no rules")));
    }
    // Sequential mode suits stateless sessions whose rules never modify facts (ours call methods on
    // a result object): rules fire once, in salience order, without agenda re-evaluation.
    KieBaseConfiguration configuration = KieServices.get().newKieBaseConfiguration();
    configuration.setOption(SequentialOption.YES);
    InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase(configuration);
    base.addPackages(packages);
    return new CompiledRuleSet(name, version, base, rules);
  }

  private static RuleError toRuleError(String path, KnowledgeBuilderError error) {
    int[] lines = error.getLines();
    int line = lines != null && lines.length > 0 ? Math.max(lines[0], 0) : 0;
    int column = error instanceof ParserError parse ? parse.getCol() : 0;
    return new RuleError(path, line, column, error.getMessage().strip());
  }

  public String name() {
    return name;
  }

  public String version() {
    return version;
  }

  public int ruleCount() {
    return ruleCount;
  }

  /**
   * Whether some rule matches facts of {@code type}: a caller can skip inserting facts that no rule
   * of this version would look at.
   */
  public boolean matches(Class<?> type) {
    return ((InternalKnowledgeBase) kieBase).getRete().getEntryPointNodes().values().stream()
        .flatMap(entryPoint -> entryPoint.getObjectTypeNodes().keySet().stream())
        .anyMatch(objectType -> type.getName().equals(objectType.getClassName()));
  }

  /** A new session for one evaluation or one batch; never share it between threads. */
  public StatelessKieSession newSession() {
    return kieBase.newStatelessKieSession();
  }
}
