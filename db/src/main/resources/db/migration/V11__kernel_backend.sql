-- The kernel backend: the defenses also as the nftables table inet bulwark (off until turned on).
ALTER TABLE defense_settings
  ADD COLUMN kernel_backend BOOLEAN NOT NULL DEFAULT FALSE;
