package io.engage.engine.security;

import java.time.Instant;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface AccountMapper {

  UserRow findUser(@Param("username") String username);

  int insertUserIfAbsent(
      @Param("username") String username, @Param("passwordHash") String passwordHash,
      @Param("roles") String roles, @Param("now") Instant now);

  ApiKeyRow findActiveKey(@Param("keyHash") String keyHash);

  int insertKeyIfAbsent(
      @Param("name") String name, @Param("keyHash") String keyHash, @Param("roles") String roles,
      @Param("now") Instant now);

  void touchKey(@Param("id") long id, @Param("now") Instant now);

  record UserRow(String username, String passwordHash, String roles, boolean enabled) {}

  record ApiKeyRow(long id, String name, String roles) {}
}
