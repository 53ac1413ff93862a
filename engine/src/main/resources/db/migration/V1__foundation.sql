-- Engage foundation schema. MySQL 8 dialect; also runs on MariaDB 10.11+.
-- Columns holding personal data (name, email, phone, address, recipient) are VARCHAR wide enough
-- for ciphertext: they pass through PersonalDataTypeHandler, the one place that will encrypt them.

CREATE TABLE customer (
  id                VARCHAR(64)   NOT NULL PRIMARY KEY,
  name              VARCHAR(1024) NULL,
  email             VARCHAR(1024) NULL,
  phone             VARCHAR(512)  NULL,
  address           VARCHAR(2048) NULL,
  birthday          DATE          NULL,
  time_zone         VARCHAR(64)   NOT NULL DEFAULT 'Asia/Shanghai',
  locale            VARCHAR(16)   NOT NULL DEFAULT 'zh-CN',
  preferred_channel VARCHAR(16)   NOT NULL DEFAULT 'EMAIL',
  tier              VARCHAR(16)   NOT NULL DEFAULT 'BASIC',
  referral_code     VARCHAR(32)   NULL,
  referred_by       VARCHAR(32)   NULL,
  registered_at     DATETIME(3)   NULL,
  created_at        DATETIME(3)   NOT NULL,
  updated_at        DATETIME(3)   NOT NULL,
  UNIQUE KEY uk_customer_referral_code (referral_code),
  KEY ix_customer_birthday (birthday)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE consent (
  customer_id VARCHAR(64)  NOT NULL,
  channel     VARCHAR(16)  NOT NULL,
  granted     BOOLEAN      NOT NULL,
  source      VARCHAR(64)  NOT NULL,
  updated_at  DATETIME(3)  NOT NULL,
  PRIMARY KEY (customer_id, channel)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE event (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  event_id    VARCHAR(128) NOT NULL,
  customer_id VARCHAR(64)  NOT NULL,
  type        VARCHAR(64)  NOT NULL,
  occurred_at DATETIME(3)  NOT NULL,
  received_at DATETIME(3)  NOT NULL,
  payload     LONGTEXT     NOT NULL,
  -- 'api' events are published to journeys after the domain has handled them; 'history'
  -- (imported past events) are not.
  source      VARCHAR(16)  NOT NULL,
  UNIQUE KEY uk_event_event_id (event_id),
  KEY ix_event_customer (customer_id, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE customer_order (
  order_id    VARCHAR(64)    NOT NULL PRIMARY KEY,
  customer_id VARCHAR(64)    NOT NULL,
  event_id    VARCHAR(128)   NOT NULL,
  amount      DECIMAL(14, 2) NOT NULL,
  currency    CHAR(3)        NOT NULL,
  channel     VARCHAR(16)    NOT NULL,
  status      VARCHAR(16)    NOT NULL,
  placed_at   DATETIME(3)    NOT NULL,
  line_items  LONGTEXT       NOT NULL,
  KEY ix_order_customer (customer_id, placed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per decision; (source_event_id, kind) makes a replayed event write nothing twice.
CREATE TABLE points_ledger (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id      VARCHAR(64)   NOT NULL,
  kind             VARCHAR(16)   NOT NULL,
  points           BIGINT        NOT NULL,
  source_event_id  VARCHAR(128)  NOT NULL,
  order_id         VARCHAR(64)   NULL,
  rule_set         VARCHAR(32)   NOT NULL,
  rule_set_version VARCHAR(32)   NOT NULL,
  explanation      VARCHAR(2048) NOT NULL,
  rules_fired      LONGTEXT      NOT NULL,
  inputs           LONGTEXT      NOT NULL,
  created_at       DATETIME(3)   NOT NULL,
  UNIQUE KEY uk_ledger_event_kind (source_event_id, kind),
  KEY ix_ledger_customer (customer_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE tier_history (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id      VARCHAR(64)   NOT NULL,
  from_tier        VARCHAR(16)   NOT NULL,
  to_tier          VARCHAR(16)   NOT NULL,
  reason           VARCHAR(1024) NOT NULL,
  rule_set         VARCHAR(32)   NOT NULL,
  rule_set_version VARCHAR(32)   NOT NULL,
  source_event_id  VARCHAR(128)  NOT NULL,
  changed_at       DATETIME(3)   NOT NULL,
  UNIQUE KEY uk_tier_history_event (customer_id, source_event_id),
  KEY ix_tier_history_customer (customer_id, changed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every message Engage tries to send. The idempotency key makes a re-delivered job send nothing twice.
CREATE TABLE message (
  id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  idempotency_key      VARCHAR(191)  NOT NULL,
  customer_id          VARCHAR(64)   NOT NULL,
  channel              VARCHAR(16)   NOT NULL,
  template             VARCHAR(64)   NOT NULL,
  category             VARCHAR(16)   NOT NULL,
  recipient            VARCHAR(1024) NULL,
  subject              VARCHAR(1024) NULL,
  status               VARCHAR(16)   NOT NULL,
  reason               VARCHAR(1024) NULL,
  provider_message_id  VARCHAR(255)  NULL,
  journey              VARCHAR(64)   NULL,
  process_instance_key BIGINT        NULL,
  element_id           VARCHAR(128)  NULL,
  attempts             INT           NOT NULL DEFAULT 0,
  created_at           DATETIME(3)   NOT NULL,
  sent_at              DATETIME(3)   NULL,
  UNIQUE KEY uk_message_idempotency_key (idempotency_key),
  KEY ix_message_customer (customer_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Work to do after an event is stored: domain handling and publishing to Zeebe. Rows are written in
-- the same transaction as the event, so a Zeebe or handler outage delays work and never loses it.
CREATE TABLE outbox (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  topic           VARCHAR(32)   NOT NULL,
  event_id        VARCHAR(128)  NOT NULL,
  status          VARCHAR(16)   NOT NULL,
  attempts        INT           NOT NULL DEFAULT 0,
  next_attempt_at DATETIME(3)   NOT NULL,
  last_error      VARCHAR(2048) NULL,
  created_at      DATETIME(3)   NOT NULL,
  processed_at    DATETIME(3)   NULL,
  UNIQUE KEY uk_outbox_topic_event (topic, event_id),
  KEY ix_outbox_due (status, next_attempt_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE journey_instance (
  process_instance_key BIGINT       NOT NULL PRIMARY KEY,
  journey              VARCHAR(64)  NOT NULL,
  version              INT          NOT NULL,
  customer_id          VARCHAR(64)  NOT NULL,
  status               VARCHAR(16)  NOT NULL,
  started_at           DATETIME(3)  NOT NULL,
  ended_at             DATETIME(3)  NULL,
  KEY ix_journey_instance_customer (customer_id, started_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE journey_step (
  id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  process_instance_key BIGINT       NOT NULL,
  element_instance_key BIGINT       NOT NULL,
  element_id           VARCHAR(128) NOT NULL,
  customer_id          VARCHAR(64)  NOT NULL,
  journey              VARCHAR(64)  NOT NULL,
  occurred_at          DATETIME(3)  NOT NULL,
  UNIQUE KEY uk_journey_step_element (element_instance_key),
  KEY ix_journey_step_instance (process_instance_key, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE app_user (
  username      VARCHAR(64)  NOT NULL PRIMARY KEY,
  password_hash VARCHAR(255) NOT NULL,
  roles         VARCHAR(255) NOT NULL,
  enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
  created_at    DATETIME(3)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- API keys are stored as SHA-256 of the key; the key itself is shown once, when created.
CREATE TABLE api_key (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name         VARCHAR(64)  NOT NULL,
  key_hash     CHAR(64)     NOT NULL,
  roles        VARCHAR(255) NOT NULL,
  created_at   DATETIME(3)  NOT NULL,
  last_used_at DATETIME(3)  NULL,
  revoked_at   DATETIME(3)  NULL,
  UNIQUE KEY uk_api_key_hash (key_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE platform_marker (
  name       VARCHAR(64) NOT NULL PRIMARY KEY,
  created_at DATETIME(3) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
