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

  // Journey and message history. These tables belong to the journey and messaging features, which
  // other helpers own at the moment; these two statements should move there as their merge steps.
  int moveJourneyInstances(@Param("from") String from, @Param("to") String to);

  int moveJourneySteps(@Param("from") String from, @Param("to") String to);

  int moveMessages(@Param("from") String from, @Param("to") String to);
}
