-- System > Service ports, SSH access, one row: off on a new system, as the guide advises. Bulwark
-- brings the system's SSH service to this state through its helper at every start.
CREATE TABLE ssh_access (
  id       INT     NOT NULL,
  enabled  BOOLEAN NOT NULL DEFAULT FALSE,
  version  INT     NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO ssh_access (id) VALUES (1);
