-- System > Event Notification. event_setting holds the types an administrator changed (level,
-- notification on or off, template); a type without a row keeps the defaults Bulwark ships.
CREATE TABLE event_setting (
  event_type VARCHAR(48)   NOT NULL,
  level      VARCHAR(8)    NOT NULL,
  notify     BOOLEAN       NOT NULL,
  subject    VARCHAR(200)  NOT NULL,
  body       VARCHAR(4000) NOT NULL,
  version    INT           NOT NULL DEFAULT 0,
  PRIMARY KEY (event_type)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who is told, by email and/or a webhook signed with its own secret (encrypted like every secret).
CREATE TABLE notification_contact (
  id             BIGINT       NOT NULL AUTO_INCREMENT,
  name           VARCHAR(64)  NOT NULL,
  email          VARCHAR(320) NULL,
  webhook_url    VARCHAR(512) NULL,
  webhook_secret VARCHAR(512) NULL,
  version        INT          NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_notification_contact_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Event Logs: read or unread, as the administrator marked them.
ALTER TABLE event_log ADD COLUMN is_read BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX ix_event_log_unread ON event_log (is_read, occurred_at);
