-- A person's named filters of the tasklist (stage, unit, category, due date, assignee), kept per account.
CREATE TABLE saved_task_filter (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 30),
  -- The criteria as the web server validated them (web/server/tasks/criteria.ts); read back through the same schema.
  criteria   jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Saving under an existing name replaces that filter.
  UNIQUE (account_id, name)
);
