-- A unit's batch to the province (各市局汇总填写并加盖公章): the rendered 推荐表, the stamped scan, and when it went.
CREATE TABLE unit_batch (
  call_id             text NOT NULL REFERENCES call (id),
  unit_id             text NOT NULL,
  process_instance_id text UNIQUE,
  table_pdf_id        uuid REFERENCES attachment (id),
  table_docx_id       uuid REFERENCES attachment (id),
  sealed_scan_id      uuid REFERENCES attachment (id),
  rendered_at         timestamptz,
  -- The ranked recommendations the current 推荐表 shows: a submission must match them, else the scan is stale.
  rendered_entries    jsonb,
  submitted_at        timestamptz,
  submitted_by        text,
  -- What was submitted, as the province received it: the ranked recommendations.
  submitted_entries   jsonb,
  PRIMARY KEY (call_id, unit_id),
  CONSTRAINT unit_batch_submitted_with_scan CHECK (submitted_at IS NULL OR sealed_scan_id IS NOT NULL)
);

-- The province reopens a unit's window after its deadline: recorded with who, why and until when.
CREATE TABLE unit_window_reopening (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  call_id     text NOT NULL REFERENCES call (id),
  unit_id     text NOT NULL,
  open_until  timestamptz NOT NULL,
  reason      text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  reopened_by text NOT NULL,
  reopened_at timestamptz NOT NULL
);

CREATE INDEX unit_window_reopening_idx ON unit_window_reopening (call_id, unit_id, open_until);
