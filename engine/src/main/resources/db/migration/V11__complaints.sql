-- Complaints and their escalation: the decision that set the SLA (with its explanation), every
-- escalation with who was notified, and the satisfaction survey.
CREATE TABLE complaint (
  complaint_id     VARCHAR(64)   NOT NULL PRIMARY KEY,
  customer_id      VARCHAR(64)   NOT NULL,
  severity         VARCHAR(16)   NOT NULL,
  channel          VARCHAR(32)   NOT NULL,
  description      VARCHAR(8192) NULL,
  status           VARCHAR(16)   NOT NULL,
  level            INT           NULL,
  max_level        INT           NULL,
  sla_hours        INT           NULL,
  sla_due_at       DATETIME(3)   NULL,
  rule_set         VARCHAR(32)   NULL,
  rule_set_version VARCHAR(32)   NULL,
  decision_reason  VARCHAR(1024) NULL,
  rules_fired      LONGTEXT      NULL,
  decision_inputs  LONGTEXT      NULL,
  notify_by_level  LONGTEXT      NULL,
  resolution       VARCHAR(2048) NULL,
  survey_score     INT           NULL,
  survey_comment   VARCHAR(4096) NULL,
  opened_event_id  VARCHAR(128)  NOT NULL,
  opened_at        DATETIME(3)   NOT NULL,
  resolved_at      DATETIME(3)   NULL,
  updated_at       DATETIME(3)   NOT NULL,
  KEY ix_complaint_queue (status, sla_due_at),
  KEY ix_complaint_customer (customer_id, opened_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Everything that happened to a complaint, in order. idempotency_key makes a re-delivered job
-- record nothing twice.
CREATE TABLE complaint_history (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  complaint_id    VARCHAR(64)   NOT NULL,
  idempotency_key VARCHAR(191)  NOT NULL,
  action          VARCHAR(32)   NOT NULL,
  level           INT           NULL,
  notified_roles  VARCHAR(512)  NULL,
  detail          VARCHAR(2048) NULL,
  occurred_at     DATETIME(3)   NOT NULL,
  UNIQUE KEY uk_complaint_history_key (idempotency_key),
  KEY ix_complaint_history (complaint_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

