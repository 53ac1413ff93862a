-- Risky changes wait here for a second person: one row per requested change, decided once.
CREATE TABLE approval (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind         VARCHAR(64)   NOT NULL,
  target_type  VARCHAR(64)   NOT NULL,
  target_id    VARCHAR(255)  NOT NULL,
  summary      VARCHAR(500)  NOT NULL,
  payload      MEDIUMTEXT    NOT NULL,
  status       VARCHAR(16)   NOT NULL,
  requested_by VARCHAR(128)  NOT NULL,
  requested_at DATETIME(3)   NOT NULL,
  decided_by   VARCHAR(128)  NULL,
  decided_at   DATETIME(3)   NULL,
  -- Only one pending request per change: the column is NULL once decided, and NULLs do not collide.
  pending_key  VARCHAR(400)  NULL,
  UNIQUE KEY uk_approval_pending (pending_key),
  KEY ix_approval_status (status, id),
  KEY ix_approval_target (target_type, target_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
