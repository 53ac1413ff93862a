package io.engage.engine.complaint;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface ComplaintMapper {

  int insertIfAbsent(ComplaintRow row);

  ComplaintRow find(@Param("complaintId") String complaintId);

  ComplaintRow lock(@Param("complaintId") String complaintId);

  void recordDecision(@Param("complaintId") String complaintId, @Param("level") int level,
      @Param("maxLevel") int maxLevel, @Param("slaHours") int slaHours, @Param("slaDueAt") Instant slaDueAt,
      @Param("ruleSet") String ruleSet, @Param("ruleSetVersion") String ruleSetVersion,
      @Param("reason") String reason, @Param("rulesFired") String rulesFired, @Param("inputs") String inputs,
      @Param("notifyByLevel") String notifyByLevel, @Param("now") Instant now);

  void updateLevel(@Param("complaintId") String complaintId, @Param("status") String status,
      @Param("level") int level, @Param("slaDueAt") Instant slaDueAt, @Param("now") Instant now);

  void updateStatus(@Param("complaintId") String complaintId, @Param("status") String status,
      @Param("slaDueAt") Instant slaDueAt, @Param("now") Instant now);

  void resolve(@Param("complaintId") String complaintId, @Param("resolution") String resolution,
      @Param("now") Instant now);

  void recordSurvey(@Param("complaintId") String complaintId, @Param("score") int score,
      @Param("comment") String comment, @Param("status") String status, @Param("now") Instant now);

  int insertHistory(@Param("complaintId") String complaintId, @Param("key") String key,
      @Param("action") String action, @Param("level") Integer level, @Param("roles") String roles,
      @Param("detail") String detail, @Param("at") Instant at);

  HistoryRow findHistoryByKey(@Param("key") String key);

  List<HistoryRow> findHistory(@Param("complaintId") String complaintId);

  List<ComplaintRow> findQueue(@Param("statuses") List<String> statuses, @Param("limit") int limit);

  List<ComplaintRow> findByCustomer(@Param("customerId") String customerId, @Param("limit") int limit);

  record HistoryRow(String action, Integer level, String notifiedRoles, String detail, Instant occurredAt) {}

  /** Moves a merged profile's complaints (their history follows by complaint id). */
  int moveComplaints(@Param("from") String from, @Param("to") String to);
}
