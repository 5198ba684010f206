-- Maintenance > Backup and Restore, Backup Schedule: off on a new system; one row. The passphrase
-- is encrypted like every secret; last_run_at is when the schedule last made (or was set to make)
-- a backup, from which the next run is reckoned.
CREATE TABLE backup_schedule (
  id          INT          NOT NULL,
  enabled     BOOLEAN      NOT NULL,
  frequency   VARCHAR(8)   NOT NULL,
  day_of_week VARCHAR(9)   NOT NULL,
  at_time     TIME         NOT NULL,
  keep        INT          NOT NULL,
  contents    VARCHAR(64)  NOT NULL,
  passphrase  VARCHAR(2048) NULL,
  last_run_at TIMESTAMP(3) NULL,
  version     INT          NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO backup_schedule (id, enabled, frequency, day_of_week, at_time, keep, contents)
VALUES (1, FALSE, 'DAILY', 'SUNDAY', '02:30:00', 7, 'CALL_RECORDS,CONFIGURATION,EVENT_LOGS');
