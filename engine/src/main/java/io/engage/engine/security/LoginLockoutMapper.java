package io.engage.engine.security;

import java.time.Instant;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface LoginLockoutMapper {

  record Failures(int failures, Instant lastFailureAt, Instant lockedUntil) {}

  Instant lockedUntil(@Param("username") String username);

  void insertIfAbsent(@Param("username") String username, @Param("now") Instant now);

  /** The name's row, locked until the transaction ends, so concurrent failures all count. */
  Failures lockRow(@Param("username") String username);

  void update(@Param("username") String username, @Param("failures") int failures, @Param("now") Instant now,
      @Param("lockedUntil") Instant lockedUntil);

  void delete(@Param("username") String username);
}
