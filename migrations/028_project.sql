-- The provincial library (省级重点项目库, LIFECYCLE.md stage 4a): each application of a submitted unit batch becomes a
-- project, exactly once, with every status change of it a row (from, to, who, when, why).

CREATE TABLE project (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- One project per application: a replayed or concurrent batch submission cannot create a second.
  application_id      uuid NOT NULL UNIQUE REFERENCES application (id),
  -- The application number; the business key of the project's process.
  project_number      text NOT NULL UNIQUE,
  call_id             text NOT NULL REFERENCES call (id),
  unit_id             text NOT NULL,
  enterprise_uscc     text NOT NULL,
  status              text NOT NULL CHECK (status IN (
    'received', 'returned', 'admitted', 'not-admitted', 'pilot', 'under-construction', 'awaiting-acceptance',
    'accepted', 'acceptance-failed', 'subsidised', 'spot-checking', 'qualified', 'rectifying', 'adjusted',
    'recovered', 'exited')),
  created_at          timestamptz NOT NULL,
  admitted_at         timestamptz,
  -- The application as admitted (data, attachments' hashes, rendered documents), frozen at admission.
  snapshot            jsonb,
  -- Null until the project process exists and is started.
  process_instance_id text UNIQUE
);

-- The library's lists: by call, by unit, by status; E6 looks an enterprise's projects up by its USCC.
CREATE INDEX project_call_idx ON project (call_id, unit_id);
CREATE INDEX project_unit_idx ON project (unit_id, call_id);
CREATE INDEX project_status_idx ON project (status);
CREATE INDEX project_enterprise_idx ON project (enterprise_uscc);

-- Every status change of a project, its creation included (from_status null).
CREATE TABLE project_status_event (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_id  uuid NOT NULL REFERENCES project (id),
  from_status text CHECK (from_status IN (
    'received', 'returned', 'admitted', 'not-admitted', 'pilot', 'under-construction', 'awaiting-acceptance',
    'accepted', 'acceptance-failed', 'subsidised', 'spot-checking', 'qualified', 'rectifying', 'adjusted',
    'recovered', 'exited')),
  to_status   text NOT NULL CHECK (to_status IN (
    'received', 'returned', 'admitted', 'not-admitted', 'pilot', 'under-construction', 'awaiting-acceptance',
    'accepted', 'acceptance-failed', 'subsidised', 'spot-checking', 'qualified', 'rectifying', 'adjusted',
    'recovered', 'exited')),
  actor       text NOT NULL,
  at          timestamptz NOT NULL,
  reason      text,
  CONSTRAINT project_status_event_moves CHECK (from_status IS DISTINCT FROM to_status)
);

CREATE INDEX project_status_event_idx ON project_status_event (project_id, id);
