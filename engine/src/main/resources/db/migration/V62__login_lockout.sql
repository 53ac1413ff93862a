-- Failed logins per username, so repeated failures lock the name for a while on every engine node.
-- Names that do not exist are counted too (the answer must not tell which names exist); a
-- successful login removes the row.
CREATE TABLE login_lockout (
  username        VARCHAR(128) NOT NULL PRIMARY KEY,
  failures        INT          NOT NULL,
  last_failure_at DATETIME(3)  NOT NULL,
  locked_until    DATETIME(3)  NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
