-- System > Email: the SMTP server Bulwark and Keycloak send mail through (welcome emails, login
-- links, sign-in codes). An empty host means email is off, as on a new system. One row.
CREATE TABLE mail_settings (
  id           INT          NOT NULL,
  host         VARCHAR(253) NOT NULL,
  port         INT          NOT NULL,
  security     VARCHAR(16)  NOT NULL,
  username     VARCHAR(255) NULL,
  password     VARCHAR(512) NULL,
  from_address VARCHAR(320) NULL,
  from_name    VARCHAR(100) NULL,
  version      INT          NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO mail_settings (id, host, port, security) VALUES (1, '', 587, 'STARTTLS');
