-- Journey platform: every deployed BPMN version, entry triggers of the daily scans, the scans'
-- cluster lock, the holiday calendar, experiment assignments and conversions.

-- Every version of every journey as deployed (the in-memory engine forgets them on restart, so
-- they are deployed again from here at start-up). The version is Zeebe's process version.
CREATE TABLE journey_version (
  journey                VARCHAR(64)  NOT NULL,
  version                INT          NOT NULL,
  process_definition_key BIGINT       NOT NULL,
  bpmn_xml               LONGTEXT     NOT NULL,
  checksum               CHAR(64)     NOT NULL,
  resource_name          VARCHAR(255) NOT NULL,
  source                 VARCHAR(16)  NOT NULL,
  deployed_by            VARCHAR(64)  NOT NULL,
  deployed_at            DATETIME(3)  NOT NULL,
  PRIMARY KEY (journey, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Pausing is a property of the journey, not of a version: a paused journey starts no new instance.
CREATE TABLE journey_status (
  journey    VARCHAR(64)  NOT NULL PRIMARY KEY,
  status     VARCHAR(16)  NOT NULL,
  changed_by VARCHAR(64)  NOT NULL,
  changed_at DATETIME(3)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per customer, journey and trigger (birthday:2026, holiday:double-11:2026): the daily
-- scans record it before publishing, so a scan run again (or on another node) triggers nothing twice.
CREATE TABLE journey_trigger (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  trigger_key  VARCHAR(128) NOT NULL,
  customer_id  VARCHAR(64)  NOT NULL,
  journey      VARCHAR(64)  NOT NULL,
  trigger_id   VARCHAR(64)  NOT NULL,
  message_name VARCHAR(64)  NOT NULL,
  variables    LONGTEXT     NOT NULL,
  due_local    DATETIME(3)  NOT NULL,
  created_at   DATETIME(3)  NOT NULL,
  UNIQUE KEY uk_journey_trigger (customer_id, journey, trigger_id),
  UNIQUE KEY uk_journey_trigger_key (trigger_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per scheduled scan; a node runs a scan only while it holds the row lock.
CREATE TABLE scan_lock (
  name        VARCHAR(64)  NOT NULL PRIMARY KEY,
  last_run_at DATETIME(3)  NULL,
  last_node   VARCHAR(128) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO scan_lock (name) VALUES ('birthday'), ('holiday');

-- Holiday definitions. LUNAR: month/day of the Chinese calendar (春节 1/1, 中秋 8/15), ANNUAL:
-- the same Gregorian date every year (618, 双11), ONCE: one date (year, month, day).
CREATE TABLE holiday (
  holiday_key VARCHAR(64)   NOT NULL PRIMARY KEY,
  name        VARCHAR(128)  NOT NULL,
  rule        VARCHAR(16)   NOT NULL,
  year        INT           NULL,
  month       INT           NOT NULL,
  day         INT           NOT NULL,
  template    VARCHAR(64)   NULL,
  shipped     BOOLEAN       NOT NULL,
  created_by  VARCHAR(64)   NOT NULL,
  created_at  DATETIME(3)   NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO holiday (holiday_key, name, rule, year, month, day, template, shipped, created_by, created_at) VALUES
  ('spring-festival', '春节', 'LUNAR', NULL, 1, 1, NULL, TRUE, 'system', CURRENT_TIMESTAMP(3)),
  ('mid-autumn', '中秋', 'LUNAR', NULL, 8, 15, NULL, TRUE, 'system', CURRENT_TIMESTAMP(3)),
  ('618', '618', 'ANNUAL', NULL, 6, 18, NULL, TRUE, 'system', CURRENT_TIMESTAMP(3)),
  ('double-11', '双11', 'ANNUAL', NULL, 11, 11, NULL, TRUE, 'system', CURRENT_TIMESTAMP(3));

-- The variant a customer got in an experiment; the first assignment stands.
CREATE TABLE experiment_assignment (
  experiment           VARCHAR(64)  NOT NULL,
  customer_id          VARCHAR(64)  NOT NULL,
  journey              VARCHAR(64)  NOT NULL,
  variant              VARCHAR(64)  NOT NULL,
  bucket               INT          NOT NULL,
  process_instance_key BIGINT       NOT NULL,
  assigned_at          DATETIME(3)  NOT NULL,
  PRIMARY KEY (experiment, customer_id),
  KEY ix_experiment_journey (journey, experiment)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A journey instance reaching its goal (first order, win-back), once per instance and goal.
CREATE TABLE journey_conversion (
  id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  journey              VARCHAR(64)  NOT NULL,
  goal                 VARCHAR(64)  NOT NULL,
  customer_id          VARCHAR(64)  NOT NULL,
  process_instance_key BIGINT       NOT NULL,
  order_id             VARCHAR(64)  NULL,
  converted_at         DATETIME(3)  NOT NULL,
  UNIQUE KEY uk_journey_conversion (process_instance_key, goal),
  KEY ix_journey_conversion_goal (journey, goal, converted_at),
  KEY ix_journey_conversion_customer (customer_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Where a live instance is now, for the count per element (see JourneyPositions).
ALTER TABLE journey_instance ADD COLUMN last_element_id VARCHAR(128) NULL;
ALTER TABLE journey_instance ADD KEY ix_journey_instance_live (journey, status, version);
