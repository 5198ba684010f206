-- System > Service ports, the portal's: the HTTP and HTTPS ports last kept (null: the launcher's),
-- and a move waiting for the administrator to confirm it from the new port, undone at pending_until.
CREATE TABLE web_ports (
  id                 INT          NOT NULL,
  http_port          INT          NULL,
  https_port         INT          NULL,
  pending_http_port  INT          NULL,
  pending_https_port INT          NULL,
  pending_until      DATETIME(6)  NULL,
  pending_by         VARCHAR(255) NULL,
  version            INT          NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO web_ports (id) VALUES (1);
