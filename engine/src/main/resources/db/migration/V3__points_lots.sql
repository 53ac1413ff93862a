-- Earned points are lots: pending until the order's return window closes, then available until
-- they expire. Redemptions, expiry and refund reversals take points out of lots (FIFO by expiry),
-- and every such take is recorded, so balances can always be explained lot by lot.
CREATE TABLE points_lot (
  id               BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id      VARCHAR(64) NOT NULL,
  earn_ledger_id   BIGINT      NOT NULL,
  order_id         VARCHAR(64) NULL,
  points_earned    BIGINT      NOT NULL,
  points_remaining BIGINT      NOT NULL,
  available_at     DATETIME(3) NOT NULL,
  expires_at       DATETIME(3) NOT NULL,
  UNIQUE KEY uk_lot_earn (earn_ledger_id),
  KEY ix_lot_customer (customer_id, expires_at, id),
  KEY ix_lot_order (order_id),
  KEY ix_lot_expiry (expires_at, points_remaining)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE points_allocation (
  id        BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  ledger_id BIGINT NOT NULL,
  lot_id    BIGINT NOT NULL,
  points    BIGINT NOT NULL,
  KEY ix_allocation_ledger (ledger_id),
  KEY ix_allocation_lot (lot_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Refunds so far per order, so each partial refund reverses only its own share.
ALTER TABLE customer_order ADD COLUMN refunded_amount DECIMAL(14, 2) NOT NULL DEFAULT 0;
