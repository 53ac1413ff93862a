-- A message's subject is rendered with the customer's name ("Zhang Wei, welcome"): sealed like the
-- recipient, so the column needs room for the envelope.
ALTER TABLE message MODIFY subject VARCHAR(4096) NULL;
