-- System > API Clients: named Keycloak clients (client credentials) scripts call the API with, each
-- holding one role. The secret lives in Keycloak only and is shown once, when issued.
CREATE TABLE api_client (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  name         VARCHAR(40)  NOT NULL,
  description  VARCHAR(255) NOT NULL DEFAULT '',
  role         VARCHAR(48)  NOT NULL,
  keycloak_id  VARCHAR(64)  NOT NULL,
  created_at   TIMESTAMP(3) NOT NULL,
  created_by   VARCHAR(128) NULL,
  secret_set_at TIMESTAMP(3) NOT NULL,
  version      INT          NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_api_client_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
