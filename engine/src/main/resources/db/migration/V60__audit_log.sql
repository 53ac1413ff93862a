-- Append-only audit log: who did what, when, from where. The code has no UPDATE or DELETE of it;
-- the triggers below refuse them in the database as well (they need the TRIGGER privilege at
-- migration time; TRUNCATE and DROP bypass triggers, so the application's database user should not
-- hold DROP on this schema in production, see README "Audit log").
CREATE TABLE audit_entry (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  occurred_at  DATETIME(3)   NOT NULL,
  actor        VARCHAR(128)  NOT NULL,
  actor_roles  VARCHAR(255)  NOT NULL,
  action       VARCHAR(64)   NOT NULL,
  target_type  VARCHAR(64)   NULL,
  target_id    VARCHAR(255)  NULL,
  detail       JSON          NULL,
  remote_addr  VARCHAR(64)   NULL,
  request_id   VARCHAR(64)   NULL,
  KEY ix_audit_occurred (occurred_at),
  KEY ix_audit_actor (actor, occurred_at),
  KEY ix_audit_action (action, occurred_at),
  KEY ix_audit_target (target_type, target_id, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER audit_entry_refuse_update BEFORE UPDATE ON audit_entry FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entry is append-only';

CREATE TRIGGER audit_entry_refuse_delete BEFORE DELETE ON audit_entry FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entry is append-only';
