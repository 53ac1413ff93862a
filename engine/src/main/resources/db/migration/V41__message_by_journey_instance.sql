-- The queued messages of a journey instance are suppressed when the instance ends.
CREATE INDEX ix_message_instance ON message (process_instance_key, status);
