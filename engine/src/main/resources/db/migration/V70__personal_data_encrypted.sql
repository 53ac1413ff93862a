-- Personal data is stored as AES-GCM envelopes (v1:<key id>:<base64 of nonce, ciphertext, tag>):
-- about 4/3 of the UTF-8 bytes plus ~60 characters. Widen the columns whose longest accepted value
-- would not fit any more. The plaintext rows of an older installation are encrypted by the engine at
-- start (PiiReencryption), and email_lookup / phone_lookup become keyed hashes at the same time.
ALTER TABLE customer
  MODIFY name    VARCHAR(2048) NULL,
  MODIFY email   VARCHAR(1024) NULL,
  MODIFY address VARCHAR(4096) NULL;

ALTER TABLE message MODIFY recipient VARCHAR(8192) NULL;

ALTER TABLE complaint
  MODIFY description    TEXT NULL,
  MODIFY survey_comment TEXT NULL;

ALTER TABLE wechat_binding MODIFY openid VARCHAR(2048) NOT NULL;

ALTER TABLE device_token MODIFY token TEXT NOT NULL;
