-- Coupons issued to customers by journeys (first-order, win-back, ...). One per idempotency key.
CREATE TABLE coupon (
  id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code                 VARCHAR(32)   NOT NULL,
  idempotency_key      VARCHAR(191)  NOT NULL,
  customer_id          VARCHAR(64)   NOT NULL,
  campaign             VARCHAR(64)   NOT NULL,
  value                DECIMAL(14,2) NOT NULL,
  min_spend            DECIMAL(14,2) NULL,
  status               VARCHAR(16)   NOT NULL,
  journey              VARCHAR(64)   NULL,
  process_instance_key BIGINT        NULL,
  element_id           VARCHAR(128)  NULL,
  issued_at            DATETIME(3)   NOT NULL,
  expires_at           DATETIME(3)   NOT NULL,
  redeemed_at          DATETIME(3)   NULL,
  redeemed_order_id    VARCHAR(64)   NULL,
  UNIQUE KEY uk_coupon_code (code),
  UNIQUE KEY uk_coupon_idempotency_key (idempotency_key),
  KEY ix_coupon_customer (customer_id, issued_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
