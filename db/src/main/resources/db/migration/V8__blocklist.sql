-- The global anti-hacking IP blocklist: a feed of addresses and networks, fetched on a timer.
-- Its entries live in memory; this row says where the feed is and how the last fetch went.
CREATE TABLE blocklist_settings (
  id              INT           NOT NULL,
  enabled         BOOLEAN       NOT NULL,
  url             VARCHAR(2048) NULL,
  interval_hours  INT           NOT NULL,
  last_sync_at    TIMESTAMP(3)  NULL,
  last_entries    INT           NULL,
  last_skipped    INT           NULL,
  last_error      VARCHAR(255)  NULL,
  version         INT           NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO blocklist_settings (id, enabled, url, interval_hours) VALUES (1, FALSE, NULL, 24);
