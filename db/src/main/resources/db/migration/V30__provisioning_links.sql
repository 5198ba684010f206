-- One-time addresses a phone app (Linphone) fetches its account from, issued in the user portal:
-- the token's SHA-256 only, the extension, the expiry, and when it was used (once).
CREATE TABLE provisioning_link (
  token_hash       CHAR(64)    NOT NULL,
  extension_number VARCHAR(32) NOT NULL,
  expires_at       TIMESTAMP(3) NOT NULL,
  used_at          TIMESTAMP(3) NULL,
  PRIMARY KEY (token_hash),
  KEY provisioning_link_expiry (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
