package io.engage.engine.messaging;

import java.time.Instant;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface PolicyMapper {

  record PolicyRow(int frequencyCapMax, String frequencyCapPeriod, boolean quietHoursEnabled, String quietHoursStart,
      String quietHoursEnd, String updatedBy, Instant updatedAt) {}

  PolicyRow find();

  void upsert(PolicyRow row);

  int delete();

  String findSecret(@Param("name") String name);

  int insertSecretIfAbsent(@Param("name") String name, @Param("secret") String secret, @Param("now") Instant now);
}
