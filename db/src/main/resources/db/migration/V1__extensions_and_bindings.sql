-- Extensions: one row per SIP extension.
-- sip_secret holds the registration password encrypted with AES-256-GCM under a key that lives
-- outside the database (see SecretCipher), so a database dump alone yields no usable credential.
CREATE TABLE extension (
  id                BIGINT       NOT NULL AUTO_INCREMENT,
  number            VARCHAR(16)  NOT NULL,
  display_name      VARCHAR(64)  NOT NULL,
  registration_name VARCHAR(64)  NOT NULL,
  sip_secret        VARCHAR(255) NOT NULL,
  email             VARCHAR(254) NULL,
  keycloak_user_id  VARCHAR(36)  NULL,
  created_at        TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at        TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  version           INT          NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uk_extension_number UNIQUE (number),
  CONSTRAINT uk_extension_registration_name UNIQUE (registration_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Registration bindings (RFC 3261 section 10): where an extension can be reached right now.
CREATE TABLE registration_binding (
  id             BIGINT       NOT NULL AUTO_INCREMENT,
  extension_id   BIGINT       NOT NULL,
  contact_uri    VARCHAR(512) NOT NULL,
  expires_at     TIMESTAMP(3) NOT NULL,
  call_id        VARCHAR(255) NOT NULL,
  cseq           BIGINT       NOT NULL,
  source_address VARCHAR(45)  NOT NULL,
  source_port    INT          NOT NULL,
  transport      VARCHAR(8)   NOT NULL,
  user_agent     VARCHAR(255) NULL,
  registered_at  TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_binding_contact UNIQUE (extension_id, contact_uri),
  CONSTRAINT fk_binding_extension FOREIGN KEY (extension_id) REFERENCES extension (id) ON DELETE CASCADE,
  INDEX ix_binding_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
