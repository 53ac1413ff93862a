-- The dashboards count ledger entries and messages by creation time over all customers; without
-- these every chart would scan both tables. Covering indexes: the charts read no other column.
CREATE INDEX ix_ledger_created ON points_ledger (created_at, kind, points);
CREATE INDEX ix_message_created ON message (created_at, channel, status);
