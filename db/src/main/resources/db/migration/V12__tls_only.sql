-- The extension's "TLS only": its devices must register and call over SIP over TLS.
ALTER TABLE extension
  ADD COLUMN tls_only BOOLEAN NOT NULL DEFAULT FALSE;
