-- The outbox: a message is queued in the same transaction as the event that causes it, at most once per event
-- (event_key), and sent at least once by the sender with a stable Message-ID, so a resend is recognisable.
CREATE TABLE outbox_message (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_key       text NOT NULL UNIQUE,
  message_id      text NOT NULL UNIQUE,
  recipient       text NOT NULL,
  subject         text NOT NULL,
  body            text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  attempts        integer NOT NULL DEFAULT 0,
  sent_at         timestamptz,
  last_error      text
);

CREATE INDEX outbox_message_pending_idx ON outbox_message (next_attempt_at) WHERE sent_at IS NULL;

-- Messages shown in the application itself, to an enterprise's accounts or a unit's reviewers.
CREATE TABLE in_app_message (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_key       text NOT NULL UNIQUE,
  enterprise_uscc text,
  unit_id         text,
  title           text NOT NULL,
  body            text NOT NULL,
  application_id  uuid REFERENCES application (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  read_at         timestamptz,
  CONSTRAINT in_app_message_has_audience CHECK (enterprise_uscc IS NOT NULL OR unit_id IS NOT NULL)
);

CREATE INDEX in_app_message_enterprise_idx ON in_app_message (enterprise_uscc, created_at);
