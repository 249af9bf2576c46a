-- An application lives here from its first draft; its process instance starts at submission.
CREATE TABLE application (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  call_id             text NOT NULL REFERENCES call (id),
  enterprise_uscc     text NOT NULL,
  created_by          bigint NOT NULL REFERENCES account (id),
  template            text NOT NULL CHECK (template IN ('mode-application', 'industry-platform', 'experience-center')),
  -- Filled at submission: the declared unit, the readable number (2021-130100-0007), the instance.
  unit_id             text,
  application_number  text UNIQUE,
  process_instance_id text UNIQUE,
  status              text NOT NULL DEFAULT 'draft',
  -- The form data exactly as typed; never rendered as markup.
  data                jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- For the duplicate rule (E6): the project name after normalisation.
  project_key         text,
  correction_round    integer NOT NULL DEFAULT 0,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  submitted_at        timestamptz,
  CONSTRAINT application_submitted_has_number CHECK ((status = 'draft') OR (application_number IS NOT NULL AND unit_id IS NOT NULL))
);

CREATE INDEX application_enterprise_idx ON application (enterprise_uscc, call_id);
CREATE INDEX application_unit_idx ON application (call_id, unit_id, status);
CREATE INDEX application_duplicate_idx ON application (call_id, enterprise_uscc, project_key);

-- Every status an application passed through, with its date and, for refusals and corrections, the reason.
CREATE TABLE application_status_event (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES application (id),
  status         text NOT NULL,
  at             timestamptz NOT NULL,
  actor          text NOT NULL,
  reason         text,
  -- The engine event that caused it (a task or external task id): makes a retried worker's write idempotent.
  cause_key      text UNIQUE
);

CREATE INDEX application_status_event_idx ON application_status_event (application_id, id);

-- The outcome of each eligibility rule, per check round, visible to the applicant.
CREATE TABLE application_rule_outcome (
  application_id uuid NOT NULL REFERENCES application (id),
  round          integer NOT NULL,
  rule_id        text NOT NULL,
  result         text NOT NULL CHECK (result IN ('pass', 'refused', 'correction', 'warning')),
  reason         text,
  field          text,
  at             timestamptz NOT NULL,
  position       integer NOT NULL,
  PRIMARY KEY (application_id, round, position)
);

-- Application numbers run per call year and unit: 2021-130100-0001, 0002, …
CREATE TABLE application_number_sequence (
  year    integer NOT NULL,
  unit_id text NOT NULL,
  last    integer NOT NULL,
  PRIMARY KEY (year, unit_id)
);
