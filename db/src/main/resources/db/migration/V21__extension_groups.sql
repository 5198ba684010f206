-- Extension groups: named sets of extensions an outbound route may list instead of each member.
-- A deleted extension leaves its groups; a group a route lists cannot be deleted.
CREATE TABLE extension_group (
  id       BIGINT      NOT NULL AUTO_INCREMENT,
  name     VARCHAR(64) NOT NULL,
  version  INT         NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_extension_group_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE extension_group_member (
  group_id         BIGINT      NOT NULL,
  extension_number VARCHAR(16) NOT NULL,
  PRIMARY KEY (group_id, extension_number),
  CONSTRAINT fk_group_member_group FOREIGN KEY (group_id) REFERENCES extension_group (id) ON DELETE CASCADE,
  CONSTRAINT fk_group_member_extension FOREIGN KEY (extension_number) REFERENCES extension (number) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE outbound_route_group (
  route_id BIGINT NOT NULL,
  group_id BIGINT NOT NULL,
  PRIMARY KEY (route_id, group_id),
  CONSTRAINT fk_route_group_route FOREIGN KEY (route_id) REFERENCES outbound_route (id) ON DELETE CASCADE,
  CONSTRAINT fk_route_group_group FOREIGN KEY (group_id) REFERENCES extension_group (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
