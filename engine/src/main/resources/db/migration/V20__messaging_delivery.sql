-- Messaging: delivery policy, attempts, templates in the database, device tokens, WeChat openids,
-- blocked addresses (hard bounces), customer events from tracking links, and staff recipients.
-- MySQL 8 dialect; also runs on MariaDB 10.11+. Personal data columns (token, openid, vars,
-- app_user.email) pass through PersonalDataTypeHandler; their *_hash columns (SHA-256) are what
-- lookups and unique keys use, so they keep working once the handler encrypts.

-- Staff notifications have no customer; origin says who asked (a journey job, the API, a staff
-- notification) and therefore who retries: Zeebe for journey sends, the message dispatcher otherwise.
ALTER TABLE message
  MODIFY customer_id VARCHAR(64) NULL,
  ADD COLUMN audience          VARCHAR(16)   NOT NULL DEFAULT 'CUSTOMER' AFTER customer_id,
  ADD COLUMN staff_role        VARCHAR(32)   NULL AFTER audience,
  ADD COLUMN origin            VARCHAR(16)   NOT NULL DEFAULT 'journey' AFTER staff_role,
  ADD COLUMN requested_channel VARCHAR(16)   NULL AFTER channel,
  ADD COLUMN template_version  INT           NULL AFTER template,
  ADD COLUMN locale            VARCHAR(16)   NULL AFTER template_version,
  ADD COLUMN vars              LONGTEXT      NULL,
  ADD COLUMN provider          VARCHAR(64)   NULL,
  ADD COLUMN next_attempt_at   DATETIME(3)   NULL,
  ADD COLUMN delivered_at      DATETIME(3)   NULL,
  ADD COLUMN updated_at        DATETIME(3)   NULL,
  ADD KEY ix_message_provider_id (provider_message_id),
  ADD KEY ix_message_due (status, origin, next_attempt_at),
  ADD KEY ix_message_cap (customer_id, category, sent_at);

-- Every call to a provider for a message (a failover makes two in one round).
CREATE TABLE message_attempt (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  message_id          BIGINT        NOT NULL,
  attempt             INT           NOT NULL,
  provider            VARCHAR(64)   NOT NULL,
  recipient_ref       VARCHAR(64)   NULL,
  outcome             VARCHAR(24)   NOT NULL,
  failure             VARCHAR(24)   NULL,
  reason              VARCHAR(1024) NULL,
  provider_message_id VARCHAR(255)  NULL,
  duration_ms         BIGINT        NOT NULL,
  attempted_at        DATETIME(3)   NOT NULL,
  KEY ix_message_attempt_message (message_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Delivery receipts as they arrive (SMPP deliver_sm, gateway callbacks). Applied to their message at
-- once, or by the dispatcher's next pass when the receipt overtook the commit of the send.
CREATE TABLE message_receipt (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  provider            VARCHAR(64)   NOT NULL,
  provider_message_id VARCHAR(255)  NOT NULL,
  status              VARCHAR(16)   NOT NULL,
  reason              VARCHAR(1024) NULL,
  received_at         DATETIME(3)   NOT NULL,
  applied_at          DATETIME(3)   NULL,
  KEY ix_message_receipt_pending (applied_at, id),
  KEY ix_message_receipt_provider_id (provider_message_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Serialises one customer's marketing sends, so two concurrent sends cannot both pass the cap.
CREATE TABLE message_customer_lock (
  customer_id VARCHAR(64) NOT NULL PRIMARY KEY
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE message_template (
  template_key    VARCHAR(64)  NOT NULL PRIMARY KEY,
  description     VARCHAR(512) NULL,
  fallback_locale VARCHAR(16)  NOT NULL,
  version         INT          NOT NULL,
  updated_by      VARCHAR(128) NOT NULL,
  updated_at      DATETIME(3)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- channel ANY serves every channel without a variant of its own.
CREATE TABLE message_template_variant (
  template_key VARCHAR(64)  NOT NULL,
  locale       VARCHAR(16)  NOT NULL,
  channel      VARCHAR(16)  NOT NULL,
  subject      TEXT         NULL,
  text_body    MEDIUMTEXT   NULL,
  html_body    MEDIUMTEXT   NULL,
  fields       MEDIUMTEXT   NULL,
  PRIMARY KEY (template_key, locale, channel)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE device_token (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id  VARCHAR(64)   NOT NULL,
  platform     VARCHAR(16)   NOT NULL,
  token        VARCHAR(4096) NOT NULL,
  token_hash   CHAR(64)      NOT NULL,
  app_id       VARCHAR(128)  NULL,
  status       VARCHAR(8)    NOT NULL,
  dead_reason  VARCHAR(512)  NULL,
  created_at   DATETIME(3)   NOT NULL,
  updated_at   DATETIME(3)   NOT NULL,
  UNIQUE KEY uk_device_token (platform, token_hash),
  KEY ix_device_token_customer (customer_id, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE wechat_binding (
  customer_id VARCHAR(64)   NOT NULL PRIMARY KEY,
  app_id      VARCHAR(64)   NULL,
  openid      VARCHAR(1024) NOT NULL,
  openid_hash CHAR(64)      NOT NULL,
  status      VARCHAR(8)    NOT NULL,
  dead_reason VARCHAR(512)  NULL,
  updated_at  DATETIME(3)   NOT NULL,
  KEY ix_wechat_binding_openid (openid_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Addresses a provider said do not exist (SMTP 5.1.1, SMPP invalid destination): never sent to again.
CREATE TABLE message_address_block (
  channel      VARCHAR(16)   NOT NULL,
  address_hash CHAR(64)      NOT NULL,
  customer_id  VARCHAR(64)   NULL,
  message_id   BIGINT        NULL,
  reason       VARCHAR(1024) NULL,
  blocked_at   DATETIME(3)   NOT NULL,
  PRIMARY KEY (channel, address_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What customers did with messages: opened, clicked, unsubscribed, bounced, delivered.
CREATE TABLE message_event (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id VARCHAR(64)   NULL,
  message_id  BIGINT        NULL,
  type        VARCHAR(32)   NOT NULL,
  detail      VARCHAR(2048) NULL,
  occurred_at DATETIME(3)   NOT NULL,
  KEY ix_message_event_customer (customer_id, occurred_at),
  KEY ix_message_event_message (message_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The frequency cap and quiet hours as marketers set them through the API; without a row the
-- configuration's defaults (engage.messaging.frequency-cap, engage.messaging.quiet-hours) apply.
CREATE TABLE messaging_policy (
  id                   TINYINT      NOT NULL PRIMARY KEY,
  frequency_cap_max    INT          NOT NULL,
  frequency_cap_period VARCHAR(32)  NOT NULL,
  quiet_hours_enabled  BOOLEAN      NOT NULL,
  quiet_hours_start    CHAR(5)      NOT NULL,
  quiet_hours_end      CHAR(5)      NOT NULL,
  updated_by           VARCHAR(128) NOT NULL,
  updated_at           DATETIME(3)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The key that signs unsubscribe and tracking links when none is configured: generated once, kept
-- here so links in mail already sent stay valid across restarts and on every node.
CREATE TABLE messaging_secret (
  name       VARCHAR(64)  NOT NULL PRIMARY KEY,
  secret     VARCHAR(255) NOT NULL,
  created_at DATETIME(3)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Staff notifications go to the users holding a role; this is where they are reached.
ALTER TABLE app_user ADD COLUMN email VARCHAR(1024) NULL;
