-- Each extension's registration security, as the guide's Extension > Security tab has it: how many
-- devices may register at once (1, the guide's default), which user agents (prefixes, one per
-- line; none for any) and which addresses (CIDR, one per line; none for any) may register, and
-- whether a device outside the local networks may.
ALTER TABLE extension
  ADD COLUMN concurrent_registrations INT          NOT NULL DEFAULT 1,
  ADD COLUMN user_agents              VARCHAR(1400) NOT NULL DEFAULT '',
  ADD COLUMN permitted_ips            VARCHAR(2600) NOT NULL DEFAULT '',
  ADD COLUMN remote_registration      BOOLEAN      NOT NULL DEFAULT FALSE;

-- The local networks: a device there registers without its extension allowing remote
-- registration. The private ranges, link-local and loopback of both IP versions.
ALTER TABLE defense_settings
  ADD COLUMN local_networks TEXT NULL;
UPDATE defense_settings SET local_networks =
  '10.0.0.0/8\n172.16.0.0/12\n192.168.0.0/16\n169.254.0.0/16\n127.0.0.0/8\nfc00::/7\nfe80::/10\n::1';
ALTER TABLE defense_settings MODIFY local_networks TEXT NOT NULL;
