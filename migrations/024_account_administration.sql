-- Accounts for real people (issue 14): the province's approval roles (LIFECYCLE.md "Collective decisions": division
-- head, finance division, leadership), a mail address for confirmations, resets and message copies, and the
-- unit-administrator flag (a city reviewer who manages its own unit's reviewers).
ALTER TABLE account DROP CONSTRAINT account_role_check;
ALTER TABLE account ADD CONSTRAINT account_role_check
  CHECK (role IN ('applicant', 'city-reviewer', 'province-officer', 'division-head', 'finance', 'leadership', 'expert', 'administrator'));
ALTER TABLE account ADD COLUMN email text CHECK (email IS NULL OR (length(email) <= 254 AND email ~ '^[^@\s]+@[^@\s]+$'));
ALTER TABLE account ADD COLUMN unit_admin boolean NOT NULL DEFAULT false;
ALTER TABLE account ADD CONSTRAINT account_unit_admin_is_reviewer CHECK (NOT unit_admin OR role = 'city-reviewer');
-- An enterprise account's home unit: the unit that approved its registration (its region's unit by default), whose
-- reviewers write to it as one of "their enterprises". Seeded and older accounts have none.
ALTER TABLE account ADD COLUMN home_unit_id text CHECK (home_unit_id IS NULL OR role = 'applicant');

-- The audit trail filtered by call, unit and application (the audit page, an application's own trail): the record's
-- keys beside the free-form subject. Older rows keep them null.
ALTER TABLE audit_log ADD COLUMN call_id text;
ALTER TABLE audit_log ADD COLUMN unit_id text;
ALTER TABLE audit_log ADD COLUMN application_id uuid;
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_application_idx ON audit_log (application_id, at) WHERE application_id IS NOT NULL;
CREATE INDEX audit_log_actor_idx ON audit_log (actor, at);
