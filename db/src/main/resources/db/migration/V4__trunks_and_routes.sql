-- SIP trunks. sip_secret holds the provider password encrypted like extension passwords
-- (AES-256-GCM under a key outside the database, see SecretCipher); NULL when the trunk has none.
CREATE TABLE trunk (
  id                   BIGINT       NOT NULL AUTO_INCREMENT,
  name                 VARCHAR(64)  NOT NULL,
  kind                 VARCHAR(8)   NOT NULL,
  host                 VARCHAR(253) NOT NULL,
  port                 INT          NOT NULL,
  transport            VARCHAR(3)   NOT NULL,
  domain               VARCHAR(253) NULL,
  username             VARCHAR(64)  NULL,
  auth_name            VARCHAR(64)  NULL,
  sip_secret           VARCHAR(255) NULL,
  outbound_proxy       VARCHAR(260) NULL,
  registration_expiry  INT          NOT NULL,
  caller_id_number     VARCHAR(33)  NULL,
  caller_id_name       VARCHAR(64)  NULL,
  max_concurrent_calls INT          NULL,
  enabled              BOOLEAN      NOT NULL,
  anchor_media         BOOLEAN      NOT NULL,
  created_at           TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at           TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  version              INT          NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uk_trunk_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Outbound routes, tried in ascending position; the first that applies takes the call.
CREATE TABLE outbound_route (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  name             VARCHAR(64)  NOT NULL,
  position         INT          NOT NULL,
  caller_id_number VARCHAR(33)  NULL,
  created_at       TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at       TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  version          INT          NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uk_outbound_route_name UNIQUE (name),
  INDEX ix_outbound_route_position (position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE outbound_route_pattern (
  route_id BIGINT      NOT NULL,
  idx      INT         NOT NULL,
  pattern  VARCHAR(64) NOT NULL,
  strip    INT         NOT NULL,
  prepend  VARCHAR(32) NOT NULL,
  PRIMARY KEY (route_id, idx),
  CONSTRAINT fk_route_pattern_route FOREIGN KEY (route_id) REFERENCES outbound_route (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The trunks of a route in failover order. A trunk in use cannot be deleted (RESTRICT backs up
-- the service's own check).
CREATE TABLE outbound_route_trunk (
  route_id BIGINT NOT NULL,
  idx      INT    NOT NULL,
  trunk_id BIGINT NOT NULL,
  PRIMARY KEY (route_id, idx),
  CONSTRAINT fk_route_trunk_route FOREIGN KEY (route_id) REFERENCES outbound_route (id) ON DELETE CASCADE,
  CONSTRAINT fk_route_trunk_trunk FOREIGN KEY (trunk_id) REFERENCES trunk (id) ON DELETE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The extensions allowed to use a route. Deleting an extension takes its permissions with it, so a
-- new extension that later gets the same number does not inherit them.
CREATE TABLE outbound_route_member (
  route_id         BIGINT      NOT NULL,
  extension_number VARCHAR(16) NOT NULL,
  PRIMARY KEY (route_id, extension_number),
  CONSTRAINT fk_route_member_route FOREIGN KEY (route_id) REFERENCES outbound_route (id) ON DELETE CASCADE,
  CONSTRAINT fk_route_member_extension FOREIGN KEY (extension_number) REFERENCES extension (number) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Inbound routes, tried in ascending position. A NULL pattern takes any DID or caller. The
-- destination is an extension number, checked when saved; a call to one deleted since is refused.
CREATE TABLE inbound_route (
  id                    BIGINT       NOT NULL AUTO_INCREMENT,
  name                  VARCHAR(64)  NOT NULL,
  position              INT          NOT NULL,
  did_pattern           VARCHAR(64)  NULL,
  caller_pattern        VARCHAR(64)  NULL,
  destination_extension VARCHAR(16)  NOT NULL,
  created_at            TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at            TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  version               INT          NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uk_inbound_route_name UNIQUE (name),
  INDEX ix_inbound_route_position (position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
