package io.engage.engine.complaint;

import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the staff holding each role that a complaint needs them: one notification row per
 * (step, role), which is the staff inbox behind the complaint view.
 */
@Component
class StaffNotifications {

  private static final Logger log = LoggerFactory.getLogger(StaffNotifications.class);
  private final ComplaintMapper mapper;

  StaffNotifications(ComplaintMapper mapper) {
    this.mapper = mapper;
  }

  void notify(ComplaintRow complaint, int level, List<String> roles, String reason, String key, Instant now) {
    for (String role : roles) {
      mapper.insertNotification(complaint.complaintId(), level, role, reason, key, now);
    }
    log.info("Complaint {} at level {} ({}): notified {}", complaint.complaintId(), level, reason, roles);
  }
}
