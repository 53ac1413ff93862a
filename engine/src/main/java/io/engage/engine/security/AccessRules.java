package io.engage.engine.security;

import static io.engage.engine.security.Role.ADMIN;
import static io.engage.engine.security.Role.AGENT;
import static io.engage.engine.security.Role.BUSINESS;
import static io.engage.engine.security.Role.INTEGRATION;
import static io.engage.engine.security.Role.MARKETER;
import static io.engage.engine.security.Role.SERVICE_MANAGER;
import static io.engage.engine.security.Role.VIEWER;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who reaches which endpoint: the engine's one table of access rules. The first rule whose method
 * and path match decides; a request no rule matches needs a login of any role. {@code RoleMatrixTest}
 * checks every endpoint of the running app against its own table of expectations.
 *
 * <p>Rules that change data and rules that read are separate rows, so VIEWER (read-only) appears
 * only in reading rows. Features may check finer ownership themselves (e.g. who edits which rule set).
 */
final class AccessRules {

  private AccessRules() {}

  /** Who may call: everyone, anyone logged in, or the holders of some roles. */
  record Rule(HttpMethod method, List<String> paths, boolean open, Set<Role> roles) {}

  static final List<Rule> RULES = List.of(
      // The UI shell (its first screen is the login form), health, and the login itself.
      open(null, "/", "/index.html", "/assets/**", "/favicon.ico", "/favicon.svg", "/error"),
      open(null, "/actuator/health", "/actuator/health/**"),
      open(HttpMethod.POST, "/login"),
      // Links in messages (signed per customer and purpose) and providers' signed callbacks.
      open(null, "/t/u", "/t/o", "/t/c"),
      open(HttpMethod.POST, "/api/receipts/sms/*", "/api/receipts/sms/*/replies"),
      open(null, "/api/receipts/wechat/*"),

      // Machines: events, redemptions at checkout, device and channel bindings.
      roles(HttpMethod.POST, Set.of(INTEGRATION, ADMIN), "/api/events"),
      roles(HttpMethod.POST, Set.of(INTEGRATION, ADMIN), "/api/customers/*/points/redemptions"),
      roles(HttpMethod.POST, Set.of(INTEGRATION, ADMIN), "/api/customers/*/devices"),
      roles(HttpMethod.DELETE, Set.of(INTEGRATION, ADMIN), "/api/customers/*/devices/*"),
      roles(HttpMethod.PUT, Set.of(INTEGRATION, ADMIN), "/api/customers/*/wechat"),
      roles(HttpMethod.PUT, Set.of(INTEGRATION, ADMIN), "/api/customers/*/verification"),
      roles(null, Set.of(INTEGRATION, ADMIN), "/api/imports", "/api/imports/**"),

      // Customers: everyone on staff reads; changes by the role whose job it is. A data subject's
      // export (all their data in clear) and erasure are ADMIN's.
      roles(HttpMethod.GET, Set.of(ADMIN), "/api/customers/*/export"),
      roles(HttpMethod.POST, Set.of(ADMIN), "/api/customers/*/erasure"),
      roles(null, Set.of(BUSINESS, ADMIN), "/api/customers/*/tier-override"),
      roles(HttpMethod.POST, Set.of(SERVICE_MANAGER, ADMIN), "/api/customers/merges", "/api/customers/merges/**"),
      roles(HttpMethod.PUT, Set.of(MARKETER, AGENT, ADMIN), "/api/customers/*/tags/*"),
      roles(HttpMethod.DELETE, Set.of(MARKETER, AGENT, ADMIN), "/api/customers/*/tags/*"),
      roles(HttpMethod.PUT, Set.of(MARKETER, ADMIN), "/api/customers/*/lifecycle"),
      // INTEGRATION reads customers only with a key scoped customers:read (ApiKeyScope).
      roles(HttpMethod.GET, EnumSet.of(ADMIN, MARKETER, SERVICE_MANAGER, BUSINESS, AGENT, VIEWER, INTEGRATION),
          "/api/customers", "/api/customers/**"),
      roles(HttpMethod.POST, Set.of(ADMIN), "/api/lifecycle/recompute"),
      roles(HttpMethod.GET, Set.of(MARKETER, BUSINESS, VIEWER, ADMIN), "/api/rfm/**", "/api/lifecycle/**"),
      roles(HttpMethod.GET, Set.of(MARKETER, VIEWER, ADMIN), "/api/segments", "/api/segments/**"),
      roles(null, Set.of(MARKETER, ADMIN), "/api/segments", "/api/segments/**"),

      // Messaging. The sinks hold whole messages with their addresses: not for read-only staff.
      roles(HttpMethod.POST, Set.of(MARKETER, INTEGRATION, ADMIN), "/api/messages"),
      roles(HttpMethod.GET, EnumSet.of(ADMIN, MARKETER, SERVICE_MANAGER, BUSINESS, AGENT, VIEWER, INTEGRATION),
          "/api/messages/**"),
      roles(HttpMethod.GET, Set.of(MARKETER, VIEWER, ADMIN), "/api/templates", "/api/templates/**", "/api/messaging/**"),
      roles(null, Set.of(MARKETER, ADMIN), "/api/templates", "/api/templates/**", "/api/messaging/**"),
      roles(null, Set.of(MARKETER, ADMIN), "/api/sinks/**"),

      // Complaints, journeys, rules.
      roles(HttpMethod.GET, Set.of(SERVICE_MANAGER, AGENT, VIEWER, ADMIN), "/api/complaints", "/api/complaints/**"),
      roles(null, Set.of(SERVICE_MANAGER, AGENT, ADMIN), "/api/complaints", "/api/complaints/**"),
      roles(HttpMethod.GET, Set.of(MARKETER, VIEWER, ADMIN), "/api/journeys", "/api/journeys/**"),
      roles(null, Set.of(MARKETER, ADMIN), "/api/journeys", "/api/journeys/**"),
      roles(HttpMethod.GET, Set.of(BUSINESS, SERVICE_MANAGER, VIEWER, ADMIN), "/api/rules", "/api/rules/**"),
      roles(null, Set.of(BUSINESS, SERVICE_MANAGER, ADMIN), "/api/rules", "/api/rules/**"),

      // Dashboards: aggregates only, no personal data.
      roles(HttpMethod.GET, Set.of(MARKETER, BUSINESS, SERVICE_MANAGER, VIEWER, ADMIN), "/api/dashboards/**"),

      // Approvals: whoever may make a risky change may approve another's (the change's owner checks the role).
      roles(HttpMethod.GET, Set.of(BUSINESS, MARKETER, VIEWER, ADMIN), "/api/approvals", "/api/approvals/**"),
      roles(HttpMethod.POST, Set.of(BUSINESS, MARKETER, ADMIN), "/api/approvals/*/approve", "/api/approvals/*/reject"),

      // Anyone logged in: who am I, and the API description (integrators read it too).
      roles(HttpMethod.GET, EnumSet.allOf(Role.class), "/api/me", "/v3/api-docs", "/v3/api-docs/**",
          "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**"),

      // Administration: the audit log, API keys, metrics.
      roles(null, Set.of(ADMIN), "/api/admin/**"),
      roles(null, Set.of(ADMIN), "/actuator/**"));

  /**
   * Applies the table; anything it does not name is refused (401 without a login, 403 with one),
   * so a new endpoint is closed until it has a row here (and in RoleMatrixTest).
   */
  static void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
    for (Rule rule : RULES) {
      String[] paths = rule.paths().toArray(String[]::new);
      var matched = rule.method() == null ? auth.requestMatchers(paths) : auth.requestMatchers(rule.method(), paths);
      if (rule.open()) {
        matched.permitAll();
      } else {
        matched.hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
      }
    }
    auth.anyRequest().denyAll();
  }

  private static Rule open(HttpMethod method, String... paths) {
    return new Rule(method, List.of(paths), true, Set.of());
  }

  private static Rule roles(HttpMethod method, Set<Role> roles, String... paths) {
    return new Rule(method, List.of(paths), false, Set.copyOf(roles));
  }
}
