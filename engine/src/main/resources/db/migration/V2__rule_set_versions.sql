-- Rule sets are versioned here: draft -> active -> retired. Exactly one active version per rule
-- set; every node compiles the active version and swaps it in when it changes.
CREATE TABLE rule_set_version (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  rule_set     VARCHAR(32)   NOT NULL,
  version      INT           NOT NULL,
  status       VARCHAR(16)   NOT NULL,
  -- how it was authored: DRL, GRID (JSON document), XLSX or CSV (decision table)
  format       VARCHAR(16)   NOT NULL,
  -- the compiled-from text: DRL, or the DRL generated from a grid or decision table
  drl          LONGTEXT      NOT NULL,
  -- the authored document when it was not DRL (grid JSON, or base64 of the uploaded file)
  original     LONGTEXT      NULL,
  file_name    VARCHAR(255)  NULL,
  comment      VARCHAR(1024) NULL,
  created_by   VARCHAR(64)   NOT NULL,
  created_at   DATETIME(3)   NOT NULL,
  activated_by VARCHAR(64)   NULL,
  activated_at DATETIME(3)   NULL,
  -- increases with every activation of the set; rollback returns to the retired version with the
  -- highest value (timestamps may be whole seconds on some servers, so they cannot order this)
  activation_seq BIGINT      NULL,
  UNIQUE KEY uk_rule_set_version (rule_set, version),
  KEY ix_rule_set_status (rule_set, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who changed which rule set, when, and what changed. Append-only.
CREATE TABLE rule_audit (
  id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  rule_set   VARCHAR(32)   NOT NULL,
  version    INT           NULL,
  action     VARCHAR(32)   NOT NULL,
  actor      VARCHAR(64)   NOT NULL,
  detail     LONGTEXT      NULL,
  at         DATETIME(3)   NOT NULL,
  KEY ix_rule_audit_set (rule_set, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
