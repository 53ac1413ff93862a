package io.engage.engine.approval;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface ApprovalMapper {

  record ApprovalRow(
      long id, String kind, String targetType, String targetId, String summary, String payload, String status,
      String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt) {}

  int insertIfNoPending(@Param("kind") String kind, @Param("targetType") String targetType,
      @Param("targetId") String targetId, @Param("summary") String summary, @Param("payload") String payload,
      @Param("requestedBy") String requestedBy, @Param("now") Instant now, @Param("pendingKey") String pendingKey);

  ApprovalRow findPending(@Param("pendingKey") String pendingKey);

  ApprovalRow find(@Param("id") long id);

  ApprovalRow lock(@Param("id") long id);

  List<ApprovalRow> search(@Param("status") String status, @Param("targetType") String targetType,
      @Param("targetId") String targetId, @Param("limit") int limit);

  void decide(@Param("id") long id, @Param("status") String status, @Param("decidedBy") String decidedBy,
      @Param("now") Instant now);
}
