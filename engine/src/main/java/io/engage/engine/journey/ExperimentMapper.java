package io.engage.engine.journey;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface ExperimentMapper {

  int insertAssignmentIfAbsent(@Param("experiment") String experiment, @Param("customerId") String customerId,
      @Param("journey") String journey, @Param("variant") String variant, @Param("bucket") int bucket,
      @Param("processInstanceKey") long processInstanceKey, @Param("at") Instant at);

  String findVariant(@Param("experiment") String experiment, @Param("customerId") String customerId);

  int insertConversionIfAbsent(@Param("journey") String journey, @Param("goal") String goal,
      @Param("customerId") String customerId, @Param("processInstanceKey") long processInstanceKey,
      @Param("orderId") String orderId, @Param("at") Instant at);

  /** Per experiment and variant: customers assigned, and of them those who converted afterwards. */
  List<VariantCount> countVariants(@Param("journey") String journey);

  List<GoalCount> countConversions(@Param("journey") String journey);

  record VariantCount(String experiment, String variant, long customers, long converted) {}

  record GoalCount(String goal, long conversions) {}
}
