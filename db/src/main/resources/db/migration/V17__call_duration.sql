-- The guide's maximum call duration: for every call (Preferences), and for an extension's
-- outbound calls (its Security tab); NULL there means the global limit alone.
ALTER TABLE call_security_settings
  ADD COLUMN max_call_seconds INT NOT NULL DEFAULT 10800;

ALTER TABLE extension
  ADD COLUMN max_outbound_seconds INT NULL;
