-- A notification contact can also be told by a call, which speaks the event: to an extension's
-- phones, or to an outside number (a mobile) through the outbound routes.
ALTER TABLE notification_contact
  ADD COLUMN call_extension VARCHAR(16) NULL AFTER webhook_url,
  ADD COLUMN call_mobile VARCHAR(32) NULL AFTER call_extension;
