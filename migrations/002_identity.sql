-- People live here, not in the engine: the engine only knows the candidate groups derived from role and unit.
CREATE TABLE account (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username            text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]{3,64}$'),
  display_name        text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
  password_hash       text NOT NULL,
  role                text NOT NULL CHECK (role IN ('applicant', 'city-reviewer', 'province-officer', 'expert', 'administrator')),
  -- A city reviewer is bound to exactly one reporting unit; an applicant to exactly one enterprise (its USCC).
  unit_id             text,
  enterprise_uscc     text,
  disabled            boolean NOT NULL DEFAULT false,
  created_at          timestamptz NOT NULL DEFAULT now(),
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT account_unit_for_city_reviewer CHECK ((role = 'city-reviewer') = (unit_id IS NOT NULL)),
  CONSTRAINT account_enterprise_for_applicant CHECK ((role = 'applicant') = (enterprise_uscc IS NOT NULL))
);

-- The cookie carries a random token; only its SHA-256 is stored, so a leaked table opens no session.
CREATE TABLE session (
  token_hash   text PRIMARY KEY,
  account_id   bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  csrf_token   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL
);

CREATE INDEX session_account_idx ON session (account_id);
