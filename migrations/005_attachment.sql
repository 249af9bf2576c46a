-- Uploaded files: the bytes live in the attachment store (a folder by default), the metadata here, and only
-- references ({ id, fileName, sha256 }) in form data and process variables.
CREATE TABLE attachment (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Whose file it is: an applicant's enterprise, or a unit for a city's uploads.
  owner_uscc    text,
  owner_unit_id text,
  uploaded_by   bigint NOT NULL REFERENCES account (id),
  file_name     text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  media_type    text NOT NULL,
  size_bytes    bigint NOT NULL CHECK (size_bytes > 0),
  sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key   text NOT NULL UNIQUE,
  -- A correction replaces a file with a new version; the old one stays.
  replaces      uuid REFERENCES attachment (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT attachment_has_owner CHECK (owner_uscc IS NOT NULL OR owner_unit_id IS NOT NULL)
);

CREATE INDEX attachment_owner_idx ON attachment (owner_uscc);
