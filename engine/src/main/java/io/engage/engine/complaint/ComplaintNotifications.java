package io.engage.engine.complaint;

import io.engage.engine.messaging.StaffNotifications;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Tells the staff holding each role the escalation rules name for a level that a complaint needs
 * them, through messaging's staff notifications (a transactional email per person, sent after the
 * escalation commits, once per step and role). Only ids and the severity travel, not the
 * customer's words.
 */
@Component
class ComplaintNotifications {

  static final String ESCALATED = "complaint-escalated";
  static final String REOPENED = "complaint-reopened";

  private final StaffNotifications staff;

  ComplaintNotifications(StaffNotifications staff) {
    this.staff = staff;
  }

  void notify(ComplaintRow complaint, int level, List<String> roles, String template, String reason, String key) {
    notify(complaint, level, roles, template, reason, key, Map.of());
  }

  void notify(ComplaintRow complaint, int level, List<String> roles, String template, String reason, String key,
      Map<String, Object> extra) {
    Map<String, Object> vars = new LinkedHashMap<>(extra);
    vars.put("complaintId", complaint.complaintId());
    vars.put("customerId", complaint.customerId());
    vars.put("level", level);
    vars.put("severity", complaint.severity());
    vars.put("reason", reason);
    for (String role : roles) {
      staff.notify(role, template, vars, key);
    }
  }
}
