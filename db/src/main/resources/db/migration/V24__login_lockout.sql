-- Account lockout for failed logins (portal, user portal, API clients), per source address:
-- attempts failures in seconds block the address for block_minutes; max_attempts failures in
-- max_hours block it for good ("Web user blocked out"). One row.
CREATE TABLE login_lockout (
  id            INT NOT NULL,
  attempts      INT NOT NULL,
  seconds       INT NOT NULL,
  block_minutes INT NOT NULL,
  max_attempts  INT NOT NULL,
  max_hours     INT NOT NULL,
  version       INT NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO login_lockout (id, attempts, seconds, block_minutes, max_attempts, max_hours)
  VALUES (1, 5, 300, 15, 15, 24);
