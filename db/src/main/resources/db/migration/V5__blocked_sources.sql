-- Blocked IPs: sources kept out of SIP and the web, by hand or by a defense that decided so.
-- until_at NULL is a permanent block; a temporary one stops counting when it passes and is
-- removed later.
CREATE TABLE blocked_source (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  source       VARCHAR(49)  NOT NULL,
  defense_type VARCHAR(24)  NOT NULL,
  reason       VARCHAR(255) NOT NULL,
  blocked_at   TIMESTAMP(3) NOT NULL,
  until_at     TIMESTAMP(3) NULL,
  blocked_by   VARCHAR(128) NULL,
  PRIMARY KEY (id),
  INDEX ix_blocked_source (source),
  INDEX ix_blocked_until (until_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
