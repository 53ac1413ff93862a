-- Every consent decision with its source and time, not only the latest per channel (consent keeps
-- that). A replayed event records nothing twice (the unique key). Back-filled from the current rows.
CREATE TABLE consent_history (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id VARCHAR(64)  NOT NULL,
  channel     VARCHAR(16)  NOT NULL,
  granted     BOOLEAN      NOT NULL,
  source      VARCHAR(255) NOT NULL,
  changed_at  DATETIME(3)  NOT NULL,
  recorded_at DATETIME(3)  NOT NULL,
  UNIQUE KEY uk_consent_history (customer_id, channel, source, changed_at),
  KEY ix_consent_history_customer (customer_id, changed_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO consent_history (customer_id, channel, granted, source, changed_at, recorded_at)
SELECT customer_id, channel, granted, source, updated_at, updated_at FROM consent;

-- When the customer's personal data was erased (a data subject request); the row stays so orders,
-- points and the ledger keep their customer.
ALTER TABLE customer ADD COLUMN erased_at DATETIME(3) NULL;
