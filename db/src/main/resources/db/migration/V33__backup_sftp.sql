-- Maintenance > Backup and Restore, SFTP server: off on a new system; one row. When on, every
-- backup made is also copied to this server's folder. The password is encrypted like every secret;
-- host_key is the SHA-256 fingerprint the server must present, so a copy never goes to an impostor.
CREATE TABLE backup_sftp (
  id         INT           NOT NULL,
  enabled    BOOLEAN       NOT NULL,
  host       VARCHAR(253)  NOT NULL,
  port       INT           NOT NULL,
  username   VARCHAR(64)   NOT NULL,
  password   VARCHAR(2048) NULL,
  directory  VARCHAR(255)  NOT NULL,
  host_key   VARCHAR(80)   NOT NULL,
  version    INT           NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO backup_sftp (id, enabled, host, port, username, directory, host_key)
VALUES (1, FALSE, '', 22, '', 'backups', '');
