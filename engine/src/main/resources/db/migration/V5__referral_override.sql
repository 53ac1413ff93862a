-- A manual tier override is explicit and visible: who set it, why, and until when.
CREATE TABLE tier_override (
  customer_id VARCHAR(64)   NOT NULL PRIMARY KEY,
  tier        VARCHAR(16)   NOT NULL,
  until_date  DATE          NOT NULL,
  reason      VARCHAR(500)  NOT NULL,
  set_by      VARCHAR(64)   NOT NULL,
  set_at      DATETIME(3)   NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The referral decision for each referee: granted with points, or refused with the reason.
CREATE TABLE referral (
  referee_id      VARCHAR(64)   NOT NULL PRIMARY KEY,
  referrer_id     VARCHAR(64)   NULL,
  referral_code   VARCHAR(32)   NOT NULL,
  status          VARCHAR(16)   NOT NULL,
  reason          VARCHAR(500)  NULL,
  referrer_points BIGINT        NOT NULL,
  referee_points  BIGINT        NOT NULL,
  rule_set_version VARCHAR(32)  NOT NULL,
  event_id        VARCHAR(128)  NOT NULL,
  decided_at      DATETIME(3)   NOT NULL,
  KEY ix_referral_referrer (referrer_id, decided_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
