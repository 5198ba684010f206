-- Who may reach Bulwark at all: the guide's Allowed Country IPs (off until countries are chosen)
-- and allowlist mode, where only the sources of Accept rules (and trunk providers) get in.
CREATE TABLE access_settings (
  id                INT     NOT NULL,
  country_filter    BOOLEAN NOT NULL DEFAULT FALSE,
  allowed_countries TEXT    NOT NULL,
  allowlist_only    BOOLEAN NOT NULL DEFAULT FALSE,
  version           INT     NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO access_settings (id, allowed_countries) VALUES (1, '');
