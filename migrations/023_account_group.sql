-- A person's extra engine candidate groups besides the one role and unit give (identity/roles.ts): the unit's
-- sub-groups of domain/unit-groups.ts, e.g. city130100leader for 石家庄市's 分管领导. The web server checks a group
-- is one of the account's own unit; the engine only sees the ids in a task query.
CREATE TABLE account_group (
  account_id bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  group_id   text NOT NULL CHECK (group_id ~ '^[A-Za-z0-9]{1,64}$'),
  added_by   text NOT NULL,
  added_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, group_id)
);
