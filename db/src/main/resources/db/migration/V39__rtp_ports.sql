-- System > Service ports, the media relay's RTP range as last saved (null: the launcher's). The relay
-- is started again on it at once, and at every start after.
CREATE TABLE rtp_ports (
  id        INT NOT NULL,
  port_min  INT NULL,
  port_max  INT NULL,
  version   INT NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO rtp_ports (id) VALUES (1);
