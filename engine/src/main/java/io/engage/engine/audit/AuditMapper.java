package io.engage.engine.audit;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Insert and read only: the audit log has no update or delete path. */
@Mapper
interface AuditMapper {

  void insert(@Param("row") AuditRow row);

  List<AuditRow> search(@Param("q") AuditQuery query, @Param("offset") int offset, @Param("limit") int limit);

  long count(@Param("q") AuditQuery query);

  record AuditRow(
      Long id, Instant occurredAt, String actor, String actorRoles, String action, String targetType,
      String targetId, String detail, String remoteAddr, String requestId) {}
}
