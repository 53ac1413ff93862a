-- API keys get scopes (what a key may do, on top of its role) and an expiry; who created a key is
-- kept for the admin list. Keys registered before scopes existed keep what they could do: every
-- machine scope except reading customers, which is new.
ALTER TABLE api_key
  ADD COLUMN scopes     VARCHAR(512) NOT NULL DEFAULT '',
  ADD COLUMN expires_at DATETIME(3)  NULL,
  ADD COLUMN created_by VARCHAR(128) NULL;

UPDATE api_key SET scopes = 'events:write,points:write,customers:write,imports:write,messages:write,messages:read'
 WHERE scopes = '';
