-- The statuses of domain/application-status.ts, held by the database too, so no path (a worker, a script, raw SQL)
-- stores one the domain does not know. test/store/enum-checks.test.ts holds these lists, and every other enum CHECK, against the code's.
ALTER TABLE application ADD CONSTRAINT application_status_check CHECK (status IN (
  'draft', 'submitted', 'checking', 'correction-requested', 'resubmitted', 'awaiting-sealed-scans', 'with-city',
  'refused', 'withdrawn', 'in-city-library', 'recommended', 'not-recommended'));

ALTER TABLE application_status_event ADD CONSTRAINT application_status_event_status_check CHECK (status IN (
  'draft', 'submitted', 'checking', 'correction-requested', 'resubmitted', 'awaiting-sealed-scans', 'with-city',
  'refused', 'withdrawn', 'in-city-library', 'recommended', 'not-recommended'));
