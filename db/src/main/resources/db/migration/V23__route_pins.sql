-- The guide's Outbound Route Password: none, a single PIN or a PIN list (Call Features > PIN
-- List), kept encrypted; the PIN a call was let through with goes on its call record.
CREATE TABLE pin_list (
  id          BIGINT      NOT NULL AUTO_INCREMENT,
  name        VARCHAR(64) NOT NULL,
  pins_secret TEXT        NOT NULL,
  version     INT         NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_pin_list_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE outbound_route
  ADD COLUMN pin_mode    VARCHAR(8)   NOT NULL DEFAULT 'NONE',
  ADD COLUMN pin_secret  VARCHAR(255) NULL,
  ADD COLUMN pin_list_id BIGINT       NULL,
  ADD CONSTRAINT fk_outbound_route_pin_list FOREIGN KEY (pin_list_id) REFERENCES pin_list (id);

ALTER TABLE call_record
  ADD COLUMN pin VARCHAR(16) NULL;
