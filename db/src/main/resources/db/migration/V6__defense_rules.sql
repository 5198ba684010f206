-- Static defense rules: a source (address or network), protocol and ports, and what to do with it.
-- The first rule that matches decides, in ascending position. Accept also exempts the source from
-- every automatic block.
CREATE TABLE static_rule (
  id          BIGINT      NOT NULL AUTO_INCREMENT,
  name        VARCHAR(64) NOT NULL,
  source      VARCHAR(49) NOT NULL,
  protocol    VARCHAR(8)  NOT NULL,
  service     VARCHAR(8)  NOT NULL,
  port_first  INT         NULL,
  port_last   INT         NULL,
  action      VARCHAR(8)  NOT NULL,
  position    INT         NOT NULL,
  version     BIGINT      NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_static_rule_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The guide's defaults: the private ranges and link-local addresses are trusted.
INSERT INTO static_rule (name, source, protocol, service, action, position) VALUES
  ('Default_Private_IPv4_1', '192.168.0.0/16', 'BOTH', 'ALL', 'ACCEPT', 10),
  ('Default_Private_IPv4_2', '172.16.0.0/12', 'BOTH', 'ALL', 'ACCEPT', 20),
  ('Default_Private_IPv4_3', '10.0.0.0/8', 'BOTH', 'ALL', 'ACCEPT', 30),
  ('Default_Link-Local_IPv4_1', '169.254.0.0/16', 'BOTH', 'ALL', 'ACCEPT', 40);

-- Auto defense: more than `packets` from one source in `seconds` blocks it.
CREATE TABLE auto_defense_rule (
  id          BIGINT      NOT NULL AUTO_INCREMENT,
  name        VARCHAR(64) NOT NULL,
  protocol    VARCHAR(8)  NOT NULL,
  service     VARCHAR(8)  NOT NULL,
  port_first  INT         NULL,
  port_last   INT         NULL,
  packets     INT         NOT NULL,
  seconds     INT         NOT NULL,
  version     BIGINT      NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_auto_defense_rule_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO auto_defense_rule (name, protocol, service, packets, seconds) VALUES
  ('ssh', 'TCP', 'SSH', 10, 60),
  ('udp', 'UDP', 'SIP', 40, 2),
  ('tcp', 'TCP', 'SIP', 40, 2),
  ('http', 'BOTH', 'HTTP', 120, 60),
  ('https', 'BOTH', 'HTTPS', 120, 60);

-- One row: how long automatic blocks last, the registration lockout, the scanner user agents.
-- trusted_seeded records that the networks the installer trusted became Accept rules once.
CREATE TABLE defense_settings (
  id                  INT          NOT NULL,
  auto_block_minutes  INT          NOT NULL,
  lockout_attempts    INT          NOT NULL,
  lockout_seconds     INT          NOT NULL,
  lockout_minutes     INT          NOT NULL,
  scanner_agents      TEXT         NOT NULL,
  trusted_seeded      BOOLEAN      NOT NULL DEFAULT FALSE,
  version             BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO defense_settings
  (id, auto_block_minutes, lockout_attempts, lockout_seconds, lockout_minutes, scanner_agents)
VALUES (1, 60, 5, 300, 60,
  'friendly-scanner\nsipvicious\nsipcli\nsip-scan\nSIPScan\nVaxSIPUserAgent\nsundayddr\niWar\npplsip');

-- What the Blocked IPs list shows of an automatic block: the protocol and port attacked, and what
-- it was after (an extension, for a registration lockout).
ALTER TABLE blocked_source
  ADD COLUMN protocol      VARCHAR(8)  NULL,
  ADD COLUMN attacked_port INT         NULL,
  ADD COLUMN target        VARCHAR(96) NULL;
