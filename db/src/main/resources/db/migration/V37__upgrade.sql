-- Maintenance > Upgrade: where release packages come from and what to do when a newer one is
-- there (the guide's three choices), checked daily at a time; AUTO as the guide recommends.
CREATE TABLE upgrade_setting (
  id                 INT           NOT NULL,
  policy             VARCHAR(8)    NOT NULL DEFAULT 'AUTO',
  check_at           TIME          NOT NULL DEFAULT '03:00:00',
  source             VARCHAR(500)  NOT NULL DEFAULT '',
  counting_from      DATETIME(6)   NULL,
  last_check_at      DATETIME(6)   NULL,
  available_version  VARCHAR(64)   NULL,
  available_package  VARCHAR(1000) NULL,
  version            INT           NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO upgrade_setting (id) VALUES (1);

-- Each install: from which version to which, and how it ended. The running system's own history,
-- so no backup holds it and no restore replaces it.
CREATE TABLE upgrade_attempt (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  started_at    DATETIME(6)   NOT NULL,
  finished_at   DATETIME(6)   NULL,
  from_version  VARCHAR(64)   NOT NULL,
  to_version    VARCHAR(64)   NOT NULL,
  outcome       VARCHAR(16)   NOT NULL,
  detail        VARCHAR(1000) NOT NULL DEFAULT '',
  actor         VARCHAR(128)  NOT NULL,
  PRIMARY KEY (id),
  KEY upgrade_attempt_started (started_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
