-- The call policy's settings: the guide's default outbound call frequency rule (5 calls a second).
CREATE TABLE call_security_settings (
  id                  INT      NOT NULL,
  frequency_enabled   BOOLEAN  NOT NULL DEFAULT TRUE,
  frequency_calls     INT      NOT NULL DEFAULT 5,
  frequency_seconds   INT      NOT NULL DEFAULT 1,
  version             INT      NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO call_security_settings (id) VALUES (1);
