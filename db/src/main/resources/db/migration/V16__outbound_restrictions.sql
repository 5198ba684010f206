-- The guide's extension call restrictions, and the international dialling prefix they read.
ALTER TABLE extension
  ADD COLUMN outbound_disabled        BOOLEAN NOT NULL DEFAULT FALSE,
  ADD COLUMN international_disallowed BOOLEAN NOT NULL DEFAULT FALSE;

ALTER TABLE call_security_settings
  ADD COLUMN international_prefix VARCHAR(4) NOT NULL DEFAULT '00';
