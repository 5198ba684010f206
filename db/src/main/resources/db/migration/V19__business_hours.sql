-- The guide's Business Hours and Holidays, read in one time zone; a new system is open Monday to
-- Friday, 09:00 to 18:00 (days is a bit per weekday, Monday the lowest). Outbound routes may be
-- usable only inside or only outside them, and an extension's outbound calls may be disabled
-- outside them.
CREATE TABLE office_calendar (
  id        INT         NOT NULL,
  time_zone VARCHAR(64) NOT NULL,
  version   INT         NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE business_hours (
  calendar_id INT     NOT NULL,
  idx         INT     NOT NULL,
  days        INT     NOT NULL,
  start_time  TIME    NOT NULL,
  end_time    TIME    NOT NULL,
  PRIMARY KEY (calendar_id, idx),
  CONSTRAINT fk_business_hours_calendar FOREIGN KEY (calendar_id) REFERENCES office_calendar (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE holiday (
  calendar_id INT         NOT NULL,
  idx         INT         NOT NULL,
  name        VARCHAR(64) NOT NULL,
  first_day   DATE        NOT NULL,
  last_day    DATE        NOT NULL,
  yearly      BOOLEAN     NOT NULL,
  PRIMARY KEY (calendar_id, idx),
  CONSTRAINT fk_holiday_calendar FOREIGN KEY (calendar_id) REFERENCES office_calendar (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO office_calendar (id, time_zone) VALUES (1, 'UTC');
INSERT INTO business_hours (calendar_id, idx, days, start_time, end_time)
  VALUES (1, 0, 31, '09:00:00', '18:00:00');

ALTER TABLE outbound_route
  ADD COLUMN time_condition VARCHAR(24) NOT NULL DEFAULT 'ANY_TIME';

ALTER TABLE extension
  ADD COLUMN outside_hours_disabled BOOLEAN NOT NULL DEFAULT FALSE;
