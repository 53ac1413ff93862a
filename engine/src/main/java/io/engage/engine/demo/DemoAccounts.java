package io.engage.engine.demo;

import io.engage.engine.security.Accounts;
import io.engage.engine.security.ApiKeyScope;
import io.engage.engine.security.ApiKeys;
import io.engage.engine.security.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One demo user per role and a demo API key. Only on the embedded default, whose server listens on
 * loopback: these credentials are public, in the README.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "engage.demo.users", havingValue = "true")
class DemoAccounts implements ApplicationRunner {

  static final String PASSWORD = "engage-demo";
  static final String API_KEY = "demo-integration-key";
  static final Map<String, Role> USERS = Map.of(
      "admin", Role.ADMIN,
      "marketer", Role.MARKETER,
      "service", Role.SERVICE_MANAGER,
      "business", Role.BUSINESS,
      "agent", Role.AGENT,
      "viewer", Role.VIEWER);

  /** What the demo integration does: every machine call of the README, not reading customers. */
  static final Set<ApiKeyScope> DEMO_KEY_SCOPES = EnumSet.of(ApiKeyScope.EVENTS_WRITE, ApiKeyScope.POINTS_WRITE,
      ApiKeyScope.CUSTOMERS_WRITE, ApiKeyScope.IMPORTS_WRITE, ApiKeyScope.MESSAGES_WRITE, ApiKeyScope.MESSAGES_READ);

  private final Accounts accounts;
  private final ApiKeys apiKeys;

  DemoAccounts(Accounts accounts, ApiKeys apiKeys) {
    this.accounts = accounts;
    this.apiKeys = apiKeys;
  }

  @Override
  public void run(ApplicationArguments args) {
    USERS.forEach((username, role) -> {
      accounts.ensureUser(username, PASSWORD, List.of(role));
      // Staff notifications reach demo users through the local SMTP sink.
      accounts.setEmail(username, username + "@engage.local");
    });
    apiKeys.ensureApiKey("demo-integration", API_KEY, DEMO_KEY_SCOPES);
  }
}
