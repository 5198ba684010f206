-- System > Service ports, the port of the appliance's SSH service as last saved (null: the
-- launcher's BULWARK_SSH_PORT). Like the portal's ports, it belongs to this machine: never backed up.
CREATE TABLE ssh_port (
  id       INT NOT NULL,
  port     INT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO ssh_port (id) VALUES (1);
