package io.engage.engine.journey;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface TriggerMapper {

  int insertIfAbsent(@Param("triggerKey") String triggerKey, @Param("customerId") String customerId,
      @Param("journey") String journey, @Param("triggerId") String triggerId,
      @Param("messageName") String messageName, @Param("variables") String variables,
      @Param("dueLocal") LocalDateTime dueLocal, @Param("now") Instant now);

  TriggerRow findByKey(@Param("triggerKey") String triggerKey);

  /** The scan's cluster-wide lock row, or null when another node holds it. */
  String lockScan(@Param("name") String name);

  void markScanRun(@Param("name") String name, @Param("node") String node, @Param("at") Instant at);

  List<TriggerRow> findForCustomer(@Param("customerId") String customerId);

  record TriggerRow(String triggerKey, String customerId, String journey, String triggerId, String messageName,
      String variables, LocalDateTime dueLocal, Instant createdAt) {}
}
