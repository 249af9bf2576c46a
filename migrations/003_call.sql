-- A call (申报批次): one year's notice with its directions, templates, calendar, contacts and downloads.
CREATE TABLE call (
  id                    text PRIMARY KEY CHECK (id ~ '^[a-z0-9-]{1,40}$'),
  year                  integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  title                 text NOT NULL,
  guide                 text NOT NULL,
  opens_at              timestamptz NOT NULL,
  -- The enterprises' deadline unless a unit sets its own (call_unit_deadline).
  enterprise_deadline   timestamptz NOT NULL,
  -- The units' deadline for submitting their batch to the province (2021: 2021-12-20).
  city_deadline         timestamptz NOT NULL,
  directions            jsonb NOT NULL,
  direction_templates   jsonb NOT NULL,
  contacts              jsonb NOT NULL,
  downloads             jsonb NOT NULL,
  correction_days       integer NOT NULL DEFAULT 10 CHECK (correction_days BETWEEN 1 AND 90),
  max_correction_rounds integer NOT NULL DEFAULT 2 CHECK (max_correction_rounds BETWEEN 0 AND 10),
  created_at            timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT call_calendar_in_order CHECK (opens_at < enterprise_deadline AND enterprise_deadline <= city_deadline)
);

-- The enterprise deadline a city sets for its own enterprises (各市组织申报企业), within the call's calendar.
CREATE TABLE call_unit_deadline (
  call_id             text NOT NULL REFERENCES call (id),
  unit_id             text NOT NULL,
  enterprise_deadline timestamptz NOT NULL,
  PRIMARY KEY (call_id, unit_id)
);
