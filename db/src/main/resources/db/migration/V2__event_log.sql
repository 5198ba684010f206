-- The event log: every security decision and every administrative change, newest first.
CREATE TABLE event_log (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  occurred_at TIMESTAMP(3) NOT NULL,
  type        VARCHAR(48)  NOT NULL,
  severity    VARCHAR(8)   NOT NULL,
  source_ip   VARCHAR(45)  NULL,
  identity    VARCHAR(128) NULL,
  action      VARCHAR(32)  NOT NULL,
  detail      VARCHAR(1024) NULL,
  PRIMARY KEY (id),
  INDEX ix_event_occurred (occurred_at),
  INDEX ix_event_type (type, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
