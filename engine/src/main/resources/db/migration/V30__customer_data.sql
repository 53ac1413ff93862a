-- Issue 6: the picture of each customer. Identity (verified contact points, merges), tags, RFM,
-- lifecycle stages, saved segments and CSV imports. MySQL 8 and MariaDB 10.11+.

-- Verified contact points and their lookup keys. The keys come from one Java function
-- (customer/ContactLookup); today a SHA-256 of the normalised value, a keyed hash once personal data
-- is encrypted (issue 8). A merged profile keeps its row and points at the survivor.
ALTER TABLE customer
  ADD COLUMN email_verified BOOLEAN     NOT NULL DEFAULT FALSE,
  ADD COLUMN phone_verified BOOLEAN     NOT NULL DEFAULT FALSE,
  ADD COLUMN email_lookup   CHAR(64)    NULL,
  ADD COLUMN phone_lookup   CHAR(64)    NULL,
  ADD COLUMN merged_to    VARCHAR(64) NULL;
UPDATE customer SET email_lookup = SHA2(LOWER(TRIM(email)), 256) WHERE email IS NOT NULL AND TRIM(email) <> '';
UPDATE customer SET phone_lookup = SHA2(TRIM(phone), 256) WHERE phone IS NOT NULL AND TRIM(phone) <> '';
CREATE INDEX ix_customer_email_lookup ON customer (email_lookup);
CREATE INDEX ix_customer_phone_lookup ON customer (phone_lookup);
CREATE INDEX ix_customer_time_zone ON customer (time_zone);

CREATE TABLE customer_tag (
  customer_id VARCHAR(64)  NOT NULL,
  tag         VARCHAR(64)  NOT NULL,
  source      VARCHAR(128) NOT NULL,
  created_at  DATETIME(3)  NOT NULL,
  PRIMARY KEY (customer_id, tag),
  KEY ix_customer_tag_tag (tag)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every merge, with what moved and why. The merged id keeps redirecting to the survivor.
CREATE TABLE customer_merge (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  survivor_id  VARCHAR(64)   NOT NULL,
  merged_id    VARCHAR(64)   NOT NULL,
  rule         VARCHAR(32)   NOT NULL,
  reason       VARCHAR(1024) NOT NULL,
  requested_by VARCHAR(64)   NOT NULL,
  explanation  LONGTEXT      NOT NULL,
  merged_at    DATETIME(3)   NOT NULL,
  UNIQUE KEY uk_customer_merge_merged (merged_id),
  KEY ix_customer_merge_survivor (survivor_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Paid-order aggregates per customer (paid = status PAID and not fully refunded), the input of RFM,
-- lifecycle and CLV. Rebuilt by the daily recompute, kept current per customer on every order.
CREATE TABLE customer_order_stats (
  customer_id    VARCHAR(64)    NOT NULL PRIMARY KEY,
  first_paid_at  DATETIME(3)    NOT NULL,
  last_paid_at   DATETIME(3)    NOT NULL,
  paid_orders    INT            NOT NULL,
  paid_amount    DECIMAL(16, 2) NOT NULL,
  refreshed_at   DATETIME(3)    NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE customer_rfm (
  customer_id   VARCHAR(64)    NOT NULL PRIMARY KEY,
  as_of         DATE           NOT NULL,
  recency_days  INT            NOT NULL,
  frequency     INT            NOT NULL,
  monetary      DECIMAL(16, 2) NOT NULL,
  r_score       TINYINT        NOT NULL,
  f_score       TINYINT        NOT NULL,
  m_score       TINYINT        NOT NULL,
  segment       VARCHAR(32)    NOT NULL,
  clv           DECIMAL(16, 2) NOT NULL,
  computed_at   DATETIME(3)    NOT NULL,
  KEY ix_customer_rfm_grid (r_score, f_score),
  KEY ix_customer_rfm_segment (segment)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The current lifecycle stage. pinned_at: the stage was set by hand or by a journey and holds until
-- the next paid order after it.
CREATE TABLE customer_lifecycle (
  customer_id VARCHAR(64)   NOT NULL PRIMARY KEY,
  stage       VARCHAR(16)   NOT NULL,
  since       DATETIME(3)   NOT NULL,
  reason      VARCHAR(512)  NOT NULL,
  pinned_at   DATETIME(3)   NULL,
  KEY ix_customer_lifecycle_stage (stage)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE lifecycle_history (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id VARCHAR(64)   NOT NULL,
  from_stage  VARCHAR(16)   NULL,
  to_stage    VARCHAR(16)   NOT NULL,
  reason      VARCHAR(512)  NOT NULL,
  event_id    VARCHAR(128)  NULL,
  changed_at  DATETIME(3)   NOT NULL,
  KEY ix_lifecycle_history_customer (customer_id, changed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The local date up to which each time zone's time-driven lifecycle changes are done.
CREATE TABLE lifecycle_zone_run (
  time_zone  VARCHAR(64) NOT NULL PRIMARY KEY,
  local_date DATE        NOT NULL,
  ran_at     DATETIME(3) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE segment (
  segment_key   VARCHAR(64)   NOT NULL PRIMARY KEY,
  name          VARCHAR(200)  NOT NULL,
  description   VARCHAR(1024) NULL,
  definition    LONGTEXT      NOT NULL,
  created_by    VARCHAR(64)   NOT NULL,
  created_at    DATETIME(3)   NOT NULL,
  updated_at    DATETIME(3)   NOT NULL,
  generation    BIGINT        NOT NULL DEFAULT 0,
  recomputed_at DATETIME(3)   NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE segment_member (
  segment_key VARCHAR(64) NOT NULL,
  customer_id VARCHAR(64) NOT NULL,
  generation  BIGINT      NOT NULL,
  since       DATETIME(3) NOT NULL,
  PRIMARY KEY (segment_key, customer_id),
  KEY ix_segment_member_customer (customer_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE import_job (
  id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind           VARCHAR(16)   NOT NULL,
  file_name      VARCHAR(255)  NOT NULL,
  stored_file    VARCHAR(1024) NOT NULL,
  mapping        LONGTEXT      NOT NULL,
  status         VARCHAR(16)   NOT NULL,
  total_bytes    BIGINT        NOT NULL,
  bytes_read     BIGINT        NOT NULL DEFAULT 0,
  rows_read      BIGINT        NOT NULL DEFAULT 0,
  imported       BIGINT        NOT NULL DEFAULT 0,
  duplicates     BIGINT        NOT NULL DEFAULT 0,
  skipped        BIGINT        NOT NULL DEFAULT 0,
  skipped_by_reason LONGTEXT   NULL,
  error          VARCHAR(2048) NULL,
  created_by     VARCHAR(64)   NOT NULL,
  created_at     DATETIME(3)   NOT NULL,
  finished_at    DATETIME(3)   NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per skipped or duplicate input row: line number, reason and the row's key (never its
-- personal data).
CREATE TABLE import_row_issue (
  job_id    BIGINT        NOT NULL,
  line_no   BIGINT        NOT NULL,
  reason    VARCHAR(32)   NOT NULL,
  detail    VARCHAR(512)  NOT NULL,
  row_key   VARCHAR(128)  NULL,
  PRIMARY KEY (job_id, line_no, reason)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Cluster-wide leases for scheduled work that must run on one node at a time.
CREATE TABLE cluster_lease (
  name        VARCHAR(64)  NOT NULL PRIMARY KEY,
  owner       VARCHAR(128) NOT NULL,
  until       DATETIME(3)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
