-- System > Network > Service Ports for SIP, one row: NULL keeps the port the environment gives
-- (BULWARK_SIP_PORT for UDP and TCP, BULWARK_SIP_TLS_PORT for TLS); a saved port wins over it.
CREATE TABLE sip_ports (
  id        INT NOT NULL,
  port      INT NULL,
  tls_port  INT NULL,
  version   INT NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO sip_ports (id) VALUES (1);
