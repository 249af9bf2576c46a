-- Who did what to which record, and when. Every later stage appends here (studio saves, deploys, reopened windows).
CREATE TABLE audit_log (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  actor       text NOT NULL,
  action      text NOT NULL,
  subject     text NOT NULL,
  detail      jsonb NOT NULL DEFAULT '{}'::jsonb
);

CREATE INDEX audit_log_subject_idx ON audit_log (subject, at);
