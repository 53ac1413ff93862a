-- Each relay reads the due rows of its own topic: with the topic first, its scan never passes the
-- rows of other topics (the old index started at status and was shared by every topic's relay).
CREATE INDEX ix_outbox_topic_due ON outbox (topic, status, next_attempt_at, id);
DROP INDEX ix_outbox_due ON outbox;
