package io.engage.engine.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.engage.engine.platform.crypto.Hashes;
import io.engage.engine.platform.zeebe.JobKeys;
import io.engage.engine.security.Accounts;
import io.engage.engine.security.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells staff that something needs them (a complaint escalated or reopened): one transactional
 * email per person holding the role, from the template in the staff locale
 * ({@code engage.messaging.staff.locale}). People are the enabled users with the role and an email
 * (app_user.email), plus the addresses configured for the role
 * ({@code engage.messaging.staff.addresses.SERVICE_MANAGER=...}).
 *
 * <p>Exactly once per (idempotency key, role, person): a repeated call records and sends nothing
 * more. The messages are recorded in the caller's transaction and sent by the dispatcher after it
 * commits, so a rolled-back escalation notifies nobody.
 */
@Service
public class StaffNotifications {

  private static final Logger log = LoggerFactory.getLogger(StaffNotifications.class);

  private final MessageService messages;
  private final Accounts accounts;
  private final MessagingProperties properties;
  private final ObjectMapper json;

  StaffNotifications(MessageService messages, Accounts accounts, MessagingProperties properties, ObjectMapper json) {
    this.messages = messages;
    this.accounts = accounts;
    this.properties = properties;
    this.json = json;
  }

  /**
   * Notifies everyone holding {@code role} (AGENT, SERVICE_MANAGER, ADMIN, ...) with the template
   * ({@code complaint-escalated}, {@code complaint-reopened}, or any other), its {@code vars.*}
   * filled from {@code vars}. Returns one message per person; when nobody can be reached, one
   * SUPPRESSED message says so.
   *
   * @throws IllegalArgumentException for an unknown role
   */
  @Transactional
  public List<Message> notify(String role, String template, Map<String, Object> vars, String idempotencyKey) {
    Role target = Role.valueOf(role.trim().toUpperCase(Locale.ROOT));
    String payload = write(vars);
    List<Message> sent = new ArrayList<>();
    for (String address : recipients(target)) {
      String key = JobKeys.bounded("staff:" + idempotencyKey + ":" + target.name() + ":"
          + Hashes.sha256Hex(address.toLowerCase(Locale.ROOT)).substring(0, 16), SendMessageWorker.MESSAGE_KEY_LENGTH);
      sent.add(messages.enqueueStaff(key, target.name(), address, template, payload));
    }
    if (sent.isEmpty()) {
      log.warn("Nobody holding {} has an email address: notification {} cannot be sent", target, template);
      sent.add(messages.recordUnreachableStaff(JobKeys.bounded("staff:" + idempotencyKey + ":"
          + target.name(), SendMessageWorker.MESSAGE_KEY_LENGTH), target.name(), template, payload));
    }
    return sent;
  }

  private List<String> recipients(Role role) {
    Map<String, String> byLowerCase = new LinkedHashMap<>();
    properties.staff().addresses().getOrDefault(role.name(), List.of())
        .forEach(address -> byLowerCase.putIfAbsent(address.trim().toLowerCase(Locale.ROOT), address.trim()));
    accounts.staffWithRole(role)
        .forEach(staff -> byLowerCase.putIfAbsent(staff.email().trim().toLowerCase(Locale.ROOT), staff.email().trim()));
    return new ArrayList<>(byLowerCase.values());
  }

  private String write(Map<String, Object> vars) {
    try {
      return json.writeValueAsString(vars == null ? Map.of() : vars);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("vars must be plain values", e);
    }
  }
}
