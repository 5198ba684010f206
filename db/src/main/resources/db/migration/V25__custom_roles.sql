-- Extension and Trunk > Role: custom roles beside the seven built-in ones (which live in code and
-- cannot change). Each is also a realm role of the same name in Keycloak, which users hold.
CREATE TABLE custom_role (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  name        VARCHAR(48)  NOT NULL,
  description VARCHAR(255) NOT NULL DEFAULT '',
  version     INT          NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_custom_role_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An area not listed is no access.
CREATE TABLE custom_role_permission (
  role_id BIGINT      NOT NULL,
  area    VARCHAR(24) NOT NULL,
  access  VARCHAR(8)  NOT NULL,
  PRIMARY KEY (role_id, area),
  CONSTRAINT fk_custom_role_permission_role FOREIGN KEY (role_id)
    REFERENCES custom_role (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
