package io.engage.engine.security;

import io.engage.engine.platform.crypto.Hashes;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users (bcrypt-hashed passwords) and API keys (stored as SHA-256; shown only when created). */
@Service
public class Accounts implements UserDetailsService {

  private final AccountMapper mapper;
  private final PasswordEncoder passwords;

  Accounts(AccountMapper mapper, PasswordEncoder passwords) {
    this.mapper = mapper;
    this.passwords = passwords;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    AccountMapper.UserRow row = mapper.findUser(username);
    // The column's collation ignores case and control characters ("ad\0min" and "ADMIN" find
    // admin): only the exact name logs in, so one account has one name for lockout and audit.
    if (row == null || !row.username().equals(username)) {
      throw new UsernameNotFoundException("No such user");
    }
    return User.withUsername(row.username())
        .password(row.passwordHash())
        .disabled(!row.enabled())
        .authorities(authorities(row.roles()))
        .build();
  }

  /** Creates the user unless one of that name exists. */
  @Transactional
  public void ensureUser(String username, String rawPassword, List<Role> roles) {
    mapper.insertUserIfAbsent(username, passwords.encode(rawPassword), join(roles), Instant.now());
  }

  /** Registers a key unless it is already registered. */
  @Transactional
  public void ensureApiKey(String name, String rawKey, List<Role> roles) {
    mapper.insertKeyIfAbsent(name, Hashes.sha256Hex(rawKey), join(roles), Instant.now());
  }

  /** The key's name and roles, when it exists and is not revoked; records when it was last used. */
  @Transactional
  Optional<ApiKeyPrincipal> authenticateKey(String rawKey) {
    AccountMapper.ApiKeyRow row = mapper.findActiveKey(Hashes.sha256Hex(rawKey));
    if (row == null) {
      return Optional.empty();
    }
    mapper.touchKey(row.id(), Instant.now());
    return Optional.of(new ApiKeyPrincipal(row.name(), authorities(row.roles())));
  }

  /** A staff member who can be notified: enabled, with an email, holding the role. */
  public record StaffContact(String username, String email) {}

  public List<StaffContact> staffWithRole(Role role) {
    return mapper.findReachableUsers().stream()
        .filter(row -> Arrays.stream(row.roles().split(",")).map(String::trim).anyMatch(role.name()::equals))
        .map(row -> new StaffContact(row.username(), row.email()))
        .toList();
  }

  /** Where the user receives staff notifications (complaint escalations and the like). */
  @Transactional
  public void setEmail(String username, String email) {
    mapper.updateEmail(username, email);
  }

  record ApiKeyPrincipal(String name, List<SimpleGrantedAuthority> authorities) {}

  private static List<SimpleGrantedAuthority> authorities(String roles) {
    return Arrays.stream(roles.split(","))
        .map(String::trim)
        .filter(role -> !role.isEmpty())
        .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
        .toList();
  }

  private static String join(List<Role> roles) {
    return roles.stream().map(Role::name).collect(Collectors.joining(","));
  }

}
