package io.engage.engine.rulesadmin;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface RuleSetMapper {

  int insertIfAbsent(RuleSetVersion version);

  RuleSetVersion find(@Param("ruleSet") String ruleSet, @Param("version") int version);

  RuleSetVersion findActive(@Param("ruleSet") String ruleSet);

  /** rule set -> active version number, for the cheap change check every node runs. */
  List<ActiveVersion> findActiveVersions();

  List<RuleSetVersion> findAll(@Param("ruleSet") String ruleSet);

  /** Locks the rule set's rows, so two activations or drafts of one set run one after the other. */
  Integer lockAndFindMaxVersion(@Param("ruleSet") String ruleSet);

  int markActive(@Param("ruleSet") String ruleSet, @Param("version") int version, @Param("actor") String actor,
      @Param("at") Instant at);

  int retireActive(@Param("ruleSet") String ruleSet);

  /** The version active before the current one: the retired version activated most recently. */
  RuleSetVersion findPreviouslyActive(@Param("ruleSet") String ruleSet);

  void insertAudit(RuleAuditEntry entry);

  List<RuleAuditEntry> findAudit(@Param("ruleSet") String ruleSet, @Param("limit") int limit);

  record ActiveVersion(String ruleSet, int version) {}
}
