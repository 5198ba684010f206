-- Call Features > Blocked Numbers: numbers and patterns the PBX never dials, one per line.
CREATE TABLE blocked_number (
  id        BIGINT       NOT NULL AUTO_INCREMENT,
  name      VARCHAR(64)  NOT NULL,
  patterns  TEXT         NOT NULL,
  version   INT          NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_blocked_number_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
