package io.engage.engine.security;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users (bcrypt-hashed passwords); API keys are {@link ApiKeys}. */
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
    if (row == null) {
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
