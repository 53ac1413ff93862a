-- The customer's tier when the order was placed: simulations replay orders with the tier they
-- were actually decided at.
ALTER TABLE customer_order ADD COLUMN tier VARCHAR(16) NULL;
CREATE INDEX ix_order_placed ON customer_order (placed_at);
