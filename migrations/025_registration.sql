-- Enterprise self-registration (issue 14): an enterprise registers, confirms its e-mail, and the unit it chose
-- (its USCC's region's unit by default) approves or rejects it; approval creates the applicant account. A second
-- registration for a USCC that already has a holder is a claim: approving it disables the holder.

-- The uploaded 营业执照 and 授权书 of a registration, before and after it is submitted. Each file serves one
-- registration only (registration_id is set once, when the registration that names it is inserted).
CREATE TABLE registration_file (
  id               uuid PRIMARY KEY,
  storage_key      text NOT NULL UNIQUE,
  file_name        text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  media_type       text NOT NULL,
  size_bytes       integer NOT NULL CHECK (size_bytes > 0),
  sha256           text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  registration_id  uuid,
  created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE registration (
  id                    uuid PRIMARY KEY,
  uscc                  text NOT NULL CHECK (length(uscc) = 18),
  -- The applicant confirmed a code failing the checksum is exactly as printed (DOMAIN.md "Identifiers"): the
  -- reviewer sees it flagged.
  uscc_as_printed       boolean NOT NULL DEFAULT false,
  enterprise_name       text NOT NULL CHECK (length(enterprise_name) BETWEEN 1 AND 200),
  unit_id               text NOT NULL,
  legal_representative  text NOT NULL CHECK (length(legal_representative) BETWEEN 1 AND 50),
  contact_name          text NOT NULL CHECK (length(contact_name) BETWEEN 1 AND 50),
  contact_phone         text NOT NULL CHECK (length(contact_phone) BETWEEN 5 AND 30),
  email                 text NOT NULL CHECK (length(email) <= 254 AND email ~ '^[^@\s]+@[^@\s]+$'),
  username              text NOT NULL CHECK (username ~ '^[a-z0-9._-]{3,64}$'),
  password_hash         text NOT NULL,
  licence_file_id       uuid NOT NULL UNIQUE REFERENCES registration_file (id),
  authorisation_file_id uuid NOT NULL UNIQUE REFERENCES registration_file (id),
  kind                  text NOT NULL CHECK (kind IN ('new', 'claim')),
  status                text NOT NULL DEFAULT 'unconfirmed' CHECK (status IN ('unconfirmed', 'pending', 'approved', 'rejected')),
  confirmed_at          timestamptz,
  decided_by            text,
  decided_at            timestamptz,
  decision_reason       text CHECK (decision_reason IS NULL OR length(decision_reason) <= 500),
  account_id            bigint REFERENCES account (id),
  created_at            timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT registration_files_differ CHECK (licence_file_id <> authorisation_file_id),
  CONSTRAINT registration_decided CHECK ((status IN ('approved', 'rejected')) = (decided_at IS NOT NULL)),
  CONSTRAINT registration_account_when_approved CHECK ((status = 'approved') = (account_id IS NOT NULL))
);

ALTER TABLE registration_file ADD CONSTRAINT registration_file_registration_fk FOREIGN KEY (registration_id) REFERENCES registration (id);

-- A name is held by one open registration at a time. An unconfirmed one holds it for 24 h only: a later registration
-- of the same name first closes the stale one (status rejected, decided by 'system'), so no name is blocked forever.
CREATE UNIQUE INDEX registration_open_username_idx ON registration (username) WHERE status IN ('unconfirmed', 'pending');
CREATE INDEX registration_unit_idx ON registration (unit_id, status, created_at);
CREATE INDEX registration_uscc_idx ON registration (uscc);

-- One-use links mailed for an e-mail confirmation or a password reset; only the SHA-256 of the token is stored.
CREATE TABLE account_token (
  token_hash       text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  purpose          text NOT NULL CHECK (purpose IN ('confirm-email', 'reset-password')),
  registration_id  uuid REFERENCES registration (id),
  account_id       bigint REFERENCES account (id) ON DELETE CASCADE,
  created_at       timestamptz NOT NULL DEFAULT now(),
  expires_at       timestamptz NOT NULL,
  used_at          timestamptz,
  CONSTRAINT account_token_subject CHECK (
    (purpose = 'confirm-email' AND registration_id IS NOT NULL AND account_id IS NULL)
    OR (purpose = 'reset-password' AND account_id IS NOT NULL AND registration_id IS NULL))
);
