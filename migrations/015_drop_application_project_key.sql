-- project_key was written at submission and correction but never read: the duplicate rule (E6) normalises the
-- project names it compares itself (domain/eligibility/e6-not-duplicate.ts), and its query is served by
-- application_enterprise_idx (enterprise_uscc, call_id). The index that carried the column goes with it.
DROP INDEX application_duplicate_idx;
ALTER TABLE application DROP COLUMN project_key;
