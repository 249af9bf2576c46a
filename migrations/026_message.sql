-- Letters (站内信) from the province to the units and from a unit to its enterprises, and each account's own read
-- state of the in-app messages it sees.

-- A letter as its writer sent it; the recipients each get an in_app_message (letter_id) and their accounts a mail.
CREATE TABLE letter (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  author_account_id bigint NOT NULL REFERENCES account (id),
  -- The writing unit for a city's letter; null for the province's.
  author_unit_id    text,
  audience          text NOT NULL CHECK (audience IN ('units', 'enterprises')),
  title             text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
  body              text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  created_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT letter_author_matches_audience CHECK ((audience = 'units') = (author_unit_id IS NULL))
);

CREATE INDEX letter_author_unit_idx ON letter (author_unit_id, id);
CREATE INDEX letter_author_account_idx ON letter (author_account_id, id);

-- The files a letter carries (uploads of its writer), with the name shown to recipients.
CREATE TABLE letter_attachment (
  letter_id     bigint NOT NULL REFERENCES letter (id),
  attachment_id uuid NOT NULL REFERENCES attachment (id),
  file_name     text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  PRIMARY KEY (letter_id, attachment_id)
);

CREATE INDEX letter_attachment_attachment_idx ON letter_attachment (attachment_id);

-- Whom a letter went to: one unit or one enterprise per row.
CREATE TABLE letter_recipient (
  letter_id       bigint NOT NULL REFERENCES letter (id),
  unit_id         text,
  enterprise_uscc text,
  CONSTRAINT letter_recipient_one_kind CHECK ((unit_id IS NULL) <> (enterprise_uscc IS NULL)),
  UNIQUE (letter_id, unit_id),
  UNIQUE (letter_id, enterprise_uscc)
);

CREATE INDEX letter_recipient_unit_idx ON letter_recipient (unit_id) WHERE unit_id IS NOT NULL;
CREATE INDEX letter_recipient_enterprise_idx ON letter_recipient (enterprise_uscc) WHERE enterprise_uscc IS NOT NULL;

-- A message may also be addressed to one account (e.g. a province officer), and may be a letter's copy.
ALTER TABLE in_app_message ADD COLUMN account_id bigint REFERENCES account (id);
ALTER TABLE in_app_message ADD COLUMN letter_id bigint REFERENCES letter (id);
ALTER TABLE in_app_message DROP CONSTRAINT in_app_message_has_audience;
ALTER TABLE in_app_message ADD CONSTRAINT in_app_message_has_audience
  CHECK (enterprise_uscc IS NOT NULL OR unit_id IS NOT NULL OR account_id IS NOT NULL);
CREATE INDEX in_app_message_unit_idx ON in_app_message (unit_id, id) WHERE unit_id IS NOT NULL;
CREATE INDEX in_app_message_account_idx ON in_app_message (account_id, id) WHERE account_id IS NOT NULL;
CREATE INDEX in_app_message_letter_idx ON in_app_message (letter_id) WHERE letter_id IS NOT NULL;

-- Read state per account: one reviewer reading a unit's message does not mark it read for its colleagues.
-- in_app_message.read_at (one state shared by every account of the audience) stays for older rows but is no longer
-- read or written by the inbox.
CREATE TABLE message_read (
  message_id bigint NOT NULL REFERENCES in_app_message (id),
  account_id bigint NOT NULL REFERENCES account (id),
  read_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (message_id, account_id)
);

CREATE INDEX message_read_account_idx ON message_read (account_id);

-- A province officer's upload (a letter's attachment) belongs to no enterprise and no unit: it is the uploading
-- account's own (attachment.uploaded_by), as store/attachment-repository.ts ownedBy reads an account's files.
ALTER TABLE attachment DROP CONSTRAINT attachment_has_owner;
