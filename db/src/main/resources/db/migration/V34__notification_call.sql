-- A notification contact can also be told by a call to an extension, which hears the event spoken.
ALTER TABLE notification_contact ADD COLUMN call_extension VARCHAR(16) NULL AFTER webhook_url;
