-- The guide's Allowed Country/Region Code Dialing Protection: off on a new system; once on, only
-- the calling codes listed here may be dialled abroad.
ALTER TABLE call_security_settings
  ADD COLUMN country_codes_enabled BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE allowed_calling_code (
  settings_id INT        NOT NULL,
  digits      VARCHAR(8) NOT NULL,
  PRIMARY KEY (settings_id, digits),
  CONSTRAINT fk_allowed_calling_code_settings FOREIGN KEY (settings_id)
    REFERENCES call_security_settings (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
