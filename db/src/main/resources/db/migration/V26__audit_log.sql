-- The audit log: every change an administrator's request made to the configuration, once it
-- committed, with the changed fields before and after (secrets only as "changed").
CREATE TABLE audit_log (
  id          BIGINT        NOT NULL AUTO_INCREMENT,
  occurred_at TIMESTAMP(3)  NOT NULL,
  actor       VARCHAR(128)  NULL,
  source_ip   VARCHAR(45)   NULL,
  request     VARCHAR(255)  NULL,
  action      VARCHAR(8)    NOT NULL,
  entity      VARCHAR(64)   NOT NULL,
  entity_id   VARCHAR(64)   NOT NULL,
  changes     MEDIUMTEXT    NOT NULL,
  PRIMARY KEY (id),
  INDEX ix_audit_occurred (occurred_at),
  INDEX ix_audit_entity (entity, entity_id, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
