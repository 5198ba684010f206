-- Security > Outbound Call Frequency Restriction: custom rules an extension may follow instead of
-- the default one (call_security_settings.frequency_*).
CREATE TABLE frequency_rule (
  id       BIGINT      NOT NULL AUTO_INCREMENT,
  name     VARCHAR(64) NOT NULL,
  calls    INT         NOT NULL,
  seconds  INT         NOT NULL,
  version  INT         NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_frequency_rule_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE extension
  ADD COLUMN frequency_rule_id BIGINT NULL,
  ADD CONSTRAINT fk_extension_frequency_rule FOREIGN KEY (frequency_rule_id)
    REFERENCES frequency_rule (id);
