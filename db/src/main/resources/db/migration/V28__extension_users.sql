-- Extension > User Information: the person an extension belongs to and the role they sign in with;
-- Keycloak's user of the same name (the extension's number) is kept equal to it.
ALTER TABLE extension
  ADD COLUMN user_first_name VARCHAR(64) NULL,
  ADD COLUMN user_last_name  VARCHAR(64) NULL,
  ADD COLUMN user_mobile     VARCHAR(32) NULL,
  ADD COLUMN user_role       VARCHAR(48) NOT NULL DEFAULT 'employee';
