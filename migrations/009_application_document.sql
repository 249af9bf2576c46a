-- The documents of an application per check round: the rendered 申报材料 and 承诺书 (PDF and Word) for the applicant
-- to print and seal, and the sealed scans it uploads back. The files themselves are attachments.
CREATE TABLE application_document (
  application_id uuid NOT NULL REFERENCES application (id),
  round          integer NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('materials', 'commitment', 'sealed-materials', 'sealed-commitment')),
  format         text NOT NULL CHECK (format IN ('pdf', 'docx', 'scan')),
  attachment_id  uuid NOT NULL REFERENCES attachment (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (application_id, round, kind, format)
);
