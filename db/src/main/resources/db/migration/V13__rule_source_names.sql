-- A static rule's source may be a domain name (up to 253 characters) or a MAC address.
ALTER TABLE static_rule
  MODIFY COLUMN source VARCHAR(253) NOT NULL;
