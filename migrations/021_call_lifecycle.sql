-- A call's life (issue 13): a draft the province prepares (not visible to applicants), published (visible; accepting
-- declarations within its calendar) and closed early by the officer (no new submission, even before the deadline).
-- Calls that exist count as published, and so does a call code inserts (the 2021 call, the demo call, tests): the
-- column's default is the insert's time. The calls page creates its calls as drafts (published_at NULL).
ALTER TABLE call ADD COLUMN published_at timestamptz;
UPDATE call SET published_at = created_at;
ALTER TABLE call ALTER COLUMN published_at SET DEFAULT now();
ALTER TABLE call ADD COLUMN closed_at timestamptz;
-- Who created the call on the calls page (a username); NULL for a call code inserted.
ALTER TABLE call ADD COLUMN created_by text;
ALTER TABLE call ADD CONSTRAINT call_closed_after_published CHECK (closed_at IS NULL OR published_at IS NOT NULL);

-- The files a call offers for download (附件1–5, the 导向目录 …), uploaded by the province: the bytes live in the
-- attachment store, under a key of their own; call.downloads keeps the link downloads ({title, url}).
CREATE TABLE call_download (
  id          uuid PRIMARY KEY,
  call_id     text NOT NULL REFERENCES call (id),
  title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  file_name   text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  media_type  text NOT NULL,
  size_bytes  bigint NOT NULL CHECK (size_bytes > 0),
  sha256      text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key text NOT NULL UNIQUE,
  uploaded_by text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX call_download_call_idx ON call_download (call_id, created_at);
