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

  /** The key with this hash unless it is revoked or expired at {@code now}. */
  ApiKeyRow findActiveKey(@Param("keyHash") String keyHash, @Param("now") Instant now);

  int insertKeyIfAbsent(
      @Param("name") String name, @Param("keyHash") String keyHash, @Param("roles") String roles,
      @Param("scopes") String scopes, @Param("now") Instant now);

  void insertKey(@Param("row") NewKey row);

  ApiKeyListRow findKey(@Param("id") long id);

  List<ApiKeyListRow> listKeys();

  int revokeKey(@Param("id") long id, @Param("now") Instant now);

  /** Records the use unless one was recorded after {@code notBefore} (at most one write a minute). */
  void touchKey(@Param("id") long id, @Param("now") Instant now, @Param("notBefore") Instant notBefore);

  /** Enabled users with an email, and their roles (comma-separated). */
  List<StaffRow> findReachableUsers();

  int updateEmail(@Param("username") String username, @Param("email") String email);

  record StaffRow(String username, String roles, String email) {}

  record UserRow(String username, String passwordHash, String roles, boolean enabled) {}

  record ApiKeyRow(long id, String name, String roles, String scopes, Instant lastUsedAt) {}

  record ApiKeyListRow(long id, String name, String scopes, Instant createdAt, String createdBy,
      Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {}

  /** A key to insert; {@code id} is filled in by the insert. */
  final class NewKey {
    private Long id;
    private final String name;
    private final String keyHash;
    private final String roles;
    private final String scopes;
    private final Instant createdAt;
    private final Instant expiresAt;
    private final String createdBy;

    NewKey(Long id, String name, String keyHash, String roles, String scopes, Instant createdAt, Instant expiresAt,
        String createdBy) {
      this.id = id;
      this.name = name;
      this.keyHash = keyHash;
      this.roles = roles;
      this.scopes = scopes;
      this.createdAt = createdAt;
      this.expiresAt = expiresAt;
      this.createdBy = createdBy;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getName() { return name; }
    public String getKeyHash() { return keyHash; }
    public String getRoles() { return roles; }
    public String getScopes() { return scopes; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public String getCreatedBy() { return createdBy; }

    Long id() { return id; }
    String name() { return name; }
    String scopes() { return scopes; }
  }
}
