-- The working-day calendar (LIFECYCLE.md "Working days"): Monday to Friday are working days, Saturday and Sunday are
-- off, except the special days listed here, which the province updates each year from the State Council's notice:
-- a statutory holiday on a weekday (holiday) and a make-up workday on a weekend (workday, 调休上班). A holiday that
-- falls on a weekend changes nothing, so it is not listed; the CHECK keeps the table to days that change the count.
CREATE TABLE special_day (
  day        date PRIMARY KEY,
  kind       text NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 20),
  -- Shipped rows are the project's reading (2026) or estimate (2027) of the notice: 待核对 until an officer saves them.
  checked    boolean NOT NULL DEFAULT false,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT special_day_changes_the_week CHECK (
    (kind = 'holiday' AND extract(isodow FROM day) BETWEEN 1 AND 5) OR (kind = 'workday' AND extract(isodow FROM day) IN (6, 7)))
);

-- 2026: 国务院办公厅关于2026年部分节假日安排的通知, as the project read it; to be checked against the notice.
-- 2027: an estimate from the lunar calendar and the usual pattern, until the State Council publishes its notice.
INSERT INTO special_day (day, kind, name, updated_by) VALUES
  ('2026-01-01', 'holiday', '元旦', 'migration'),
  ('2026-01-02', 'holiday', '元旦', 'migration'),
  ('2026-01-04', 'workday', '元旦调休', 'migration'),
  ('2026-02-14', 'workday', '春节调休', 'migration'),
  ('2026-02-16', 'holiday', '春节', 'migration'),
  ('2026-02-17', 'holiday', '春节', 'migration'),
  ('2026-02-18', 'holiday', '春节', 'migration'),
  ('2026-02-19', 'holiday', '春节', 'migration'),
  ('2026-02-20', 'holiday', '春节', 'migration'),
  ('2026-02-23', 'holiday', '春节', 'migration'),
  ('2026-02-28', 'workday', '春节调休', 'migration'),
  ('2026-04-06', 'holiday', '清明节', 'migration'),
  ('2026-05-01', 'holiday', '劳动节', 'migration'),
  ('2026-05-04', 'holiday', '劳动节', 'migration'),
  ('2026-05-05', 'holiday', '劳动节', 'migration'),
  ('2026-05-09', 'workday', '劳动节调休', 'migration'),
  ('2026-06-19', 'holiday', '端午节', 'migration'),
  ('2026-09-20', 'workday', '国庆节调休', 'migration'),
  ('2026-09-25', 'holiday', '中秋节', 'migration'),
  ('2026-10-01', 'holiday', '国庆节', 'migration'),
  ('2026-10-02', 'holiday', '国庆节', 'migration'),
  ('2026-10-05', 'holiday', '国庆节', 'migration'),
  ('2026-10-06', 'holiday', '国庆节', 'migration'),
  ('2026-10-07', 'holiday', '国庆节', 'migration'),
  ('2026-10-10', 'workday', '国庆节调休', 'migration'),
  ('2027-01-01', 'holiday', '元旦', 'migration'),
  ('2027-01-31', 'workday', '春节调休', 'migration'),
  ('2027-02-05', 'holiday', '春节', 'migration'),
  ('2027-02-08', 'holiday', '春节', 'migration'),
  ('2027-02-09', 'holiday', '春节', 'migration'),
  ('2027-02-10', 'holiday', '春节', 'migration'),
  ('2027-02-11', 'holiday', '春节', 'migration'),
  ('2027-02-12', 'holiday', '春节', 'migration'),
  ('2027-02-14', 'workday', '春节调休', 'migration'),
  ('2027-04-05', 'holiday', '清明节', 'migration'),
  ('2027-05-03', 'holiday', '劳动节', 'migration'),
  ('2027-05-04', 'holiday', '劳动节', 'migration'),
  ('2027-05-05', 'holiday', '劳动节', 'migration'),
  ('2027-05-08', 'workday', '劳动节调休', 'migration'),
  ('2027-06-09', 'holiday', '端午节', 'migration'),
  ('2027-09-15', 'holiday', '中秋节', 'migration'),
  ('2027-09-26', 'workday', '国庆节调休', 'migration'),
  ('2027-10-01', 'holiday', '国庆节', 'migration'),
  ('2027-10-04', 'holiday', '国庆节', 'migration'),
  ('2027-10-05', 'holiday', '国庆节', 'migration'),
  ('2027-10-06', 'holiday', '国庆节', 'migration'),
  ('2027-10-07', 'holiday', '国庆节', 'migration'),
  ('2027-10-09', 'workday', '国庆节调休', 'migration');

-- The days an applicant has to upload the sealed scans once the materials are rendered, in working days (the render
-- worker counted the correction days before).
ALTER TABLE call ADD COLUMN seal_due_days integer NOT NULL DEFAULT 5 CHECK (seal_due_days BETWEEN 1 AND 90);
