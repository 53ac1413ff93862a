package io.engage.engine.identity;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface IdentityMapper {

  int insertMerge(@Param("survivorId") String survivorId, @Param("mergedId") String mergedId, @Param("rule") String rule,
      @Param("reason") String reason, @Param("requestedBy") String requestedBy, @Param("explanation") String explanation,
      @Param("now") Instant now);

  CustomerMergeRecord findByMerged(@Param("mergedId") String mergedId);

  List<CustomerMergeRecord> findForCustomer(@Param("customerId") String customerId);

  /** Locks both profiles in id order (no deadlock between two merges of the same pair). */
  List<String> lockCustomers(@Param("a") String a, @Param("b") String b);
}
