-- The expert pool (专家库, LIFECYCLE.md stage 4b): the people the review panels are drawn from, kept by the province,
-- with the relationships they declare with enterprises (the conflict rules read them). Experts are never deleted:
-- panels and audit entries name them; one who leaves the pool is deactivated.

CREATE TABLE expert (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Stored normalised (NFKC, trimmed, inner whitespace collapsed: web/server/experts/expert-entry.ts), so the
  -- indexes below compare what people mean.
  name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  -- 工作单位, with its USCC where it is an enterprise (the conflict rules compare it with the applicant's).
  organisation      text NOT NULL CHECK (length(organisation) BETWEEN 1 AND 100),
  organisation_uscc text CHECK (organisation_uscc IS NULL OR organisation_uscc ~ '^[0-9A-HJ-NP-RTUW-Y]{18}$'),
  -- The reporting unit (city) the expert belongs to: one of domain/units.ts.
  home_unit_id      text NOT NULL CHECK (home_unit_id IN (
    '130100', '130200', '130300', '130400', '130500', '130600', '130700', '130800', '130900', '131000', '131100',
    '130181', '130682', 'xiongan')),
  -- The directions (call direction codes) the expert reviews.
  fields            text[] NOT NULL CHECK (cardinality(fields) BETWEEN 1 AND 50
                      AND array_to_string(fields, ',') ~ '^[a-z0-9-]{1,60}(,[a-z0-9-]{1,60})*$'),
  title             text NOT NULL CHECK (length(title) BETWEEN 1 AND 50),
  -- Normalised: a mobile number's 11 digits, or a landline as 区号-号码 (0311-87654321).
  phone             text NOT NULL CHECK (phone ~ '^(1[3-9][0-9]{9}|0[0-9]{2,3}-[0-9]{7,8})$'),
  email             text NOT NULL CHECK (length(email) <= 254 AND email ~ '^[^@\s]+@[^@\s]+$'),
  active            boolean NOT NULL DEFAULT true,
  -- The expert's sign-in account (role expert), once they have one; one account is one expert.
  account_id        bigint REFERENCES account (id),
  created_by        text NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_by        text NOT NULL,
  updated_at        timestamptz NOT NULL DEFAULT now(),
  -- One person, one entry: the same name at the same organisation, or the same phone, is the same person; one
  -- account is one expert. The web server checks these under the pool's lock first, to name the duplicate; the
  -- constraints hold whatever writes. Deferred to the commit, so one import may swap two experts' phones.
  person_key        text GENERATED ALWAYS AS (lower(name) || E'\x1f' || lower(organisation)) STORED,
  CONSTRAINT expert_one_person UNIQUE (person_key) DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT expert_one_phone UNIQUE (phone) DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT expert_one_account UNIQUE (account_id) DEFERRABLE INITIALLY DEFERRED
);

-- The draw looks up the active experts whose fields cover a direction.
CREATE INDEX expert_fields_idx ON expert USING gin (fields) WHERE active;
CREATE INDEX expert_home_unit_idx ON expert (home_unit_id);

-- A relationship an expert declares with an enterprise (by its USCC): works for, worked for or cooperated with in the
-- last 3 years, advises, holds an interest in, or where a close relative works. Replaced as a whole when the expert's
-- entry is saved; the audit entry keeps the earlier list.
CREATE TABLE expert_relationship (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  expert_id       uuid NOT NULL REFERENCES expert (id),
  enterprise_uscc text NOT NULL CHECK (enterprise_uscc ~ '^[0-9A-HJ-NP-RTUW-Y]{18}$'),
  enterprise_name text NOT NULL CHECK (length(enterprise_name) BETWEEN 1 AND 100),
  kind            text NOT NULL CHECK (kind IN ('works-for', 'worked-for', 'cooperated', 'advises', 'interest', 'relative')),
  since           date,
  until           date,
  note            text CHECK (note IS NULL OR length(note) <= 500),
  CONSTRAINT expert_relationship_dates_in_order CHECK (since IS NULL OR until IS NULL OR since <= until),
  CONSTRAINT expert_relationship_once UNIQUE (expert_id, enterprise_uscc, kind)
);

-- The conflict rules look an applicant's relationships up by its USCC.
CREATE INDEX expert_relationship_uscc_idx ON expert_relationship (enterprise_uscc);
