package io.engage.engine.security;

import java.time.Instant;
import java.util.List;
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

  /** Enabled users with an email, and their roles (comma-separated). */
  List<StaffRow> findReachableUsers();

  int updateEmail(@Param("username") String username, @Param("email") String email);

  record StaffRow(String username, String roles, String email) {}

  record UserRow(String username, String passwordHash, String roles, boolean enabled) {}

  record ApiKeyRow(long id, String name, String roles) {}
}
