-- Call detail records: one row per call an authenticated caller placed. A call that is answered
-- gets its row at once, with ended_at empty, so that a call up when the server died is found and
-- closed at the next start; every call gets its final row before its end is acknowledged.
CREATE TABLE call_record (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  call_key         VARCHAR(36)  NOT NULL,
  caller           VARCHAR(64)  NOT NULL,
  caller_name      VARCHAR(64)  NULL,
  callee           VARCHAR(64)  NOT NULL,
  dialled          VARCHAR(64)  NOT NULL,
  route            VARCHAR(64)  NULL,
  trunk            VARCHAR(64)  NULL,
  started_at       TIMESTAMP(3) NOT NULL,
  answered_at      TIMESTAMP(3) NULL,
  ended_at         TIMESTAMP(3) NULL,
  billable_seconds INT          NOT NULL DEFAULT 0,
  disposition      VARCHAR(16)  NOT NULL,
  hangup_side      VARCHAR(8)   NULL,
  cause            VARCHAR(128) NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_call_record_key UNIQUE (call_key),
  INDEX ix_call_record_started (started_at),
  INDEX ix_call_record_open (ended_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- When the server last said it was alive: the end given to calls that were up when it died.
CREATE TABLE call_record_heartbeat (
  id       TINYINT      NOT NULL,
  alive_at TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
