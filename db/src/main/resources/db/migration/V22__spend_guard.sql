-- The spend guard: limits on outbound minutes and international calls (NULL: no limit), for each
-- extension and for the PBX; a suspicion of toll fraud raises an alert, and may block.
CREATE TABLE spend_guard_settings (
  id                               INT     NOT NULL,
  extension_minutes_per_day        INT     NULL,
  global_minutes_per_day           INT     NULL,
  extension_international_per_hour INT     NULL,
  extension_international_per_day  INT     NULL,
  global_international_per_hour    INT     NULL,
  global_international_per_day     INT     NULL,
  alert_on_anomaly                 BOOLEAN NOT NULL DEFAULT TRUE,
  block_on_anomaly                 BOOLEAN NOT NULL DEFAULT FALSE,
  version                          INT     NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO spend_guard_settings (id) VALUES (1);
