-- The province's stage 4a (LIFECYCLE.md) around each project: its process instance started through the engine
-- command outbox, the formal review's rounds (入库 / 退回市局 with the unit's answer / 不予入库), the checks re-run
-- for it, change requests (变更申请) and exit proposals (退库). Every decision names who made it and when.

-- A command may concern a project: a start links the project's instance to it.
ALTER TABLE engine_command ADD COLUMN project_id uuid REFERENCES project (id);
CREATE INDEX engine_command_project_idx ON engine_command (project_id) WHERE project_id IS NOT NULL;
ALTER TABLE engine_command DROP CONSTRAINT engine_command_one_subject;
ALTER TABLE engine_command ADD CONSTRAINT engine_command_one_subject
  CHECK (num_nonnulls(application_id, batch_call_id, project_id) <= 1);
ALTER TABLE engine_command DROP CONSTRAINT engine_command_start_has_subject;
ALTER TABLE engine_command ADD CONSTRAINT engine_command_start_has_subject
  CHECK (kind <> 'start-process' OR application_id IS NOT NULL OR batch_call_id IS NOT NULL OR project_id IS NOT NULL);
-- The declaration and the project share a business key (the application number): one pending start per key and
-- process.
DROP INDEX engine_command_one_pending_start_idx;
CREATE UNIQUE INDEX engine_command_one_pending_start_idx ON engine_command (process_definition_key, business_key)
  WHERE kind = 'start-process' AND done_at IS NULL;

-- The checks re-run at formal review (E1–E7 on the data as submitted, E8 against its submission time), one set per
-- review round.
CREATE TABLE project_check (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES project (id),
  round      integer NOT NULL CHECK (round >= 1),
  rule_id    text NOT NULL,
  result     text NOT NULL CHECK (result IN ('pass', 'warning', 'correction', 'refused')),
  reason     text,
  field      text,
  checked_at timestamptz NOT NULL
);
CREATE INDEX project_check_idx ON project_check (project_id, round);

-- One row per formal review decision. A return carries the comments per field and its due date, and later the
-- unit's answer: comments, attachments, and the new sealed 推荐表 when the application leaves the batch.
CREATE TABLE project_formal_review (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_id         uuid NOT NULL REFERENCES project (id),
  round              integer NOT NULL CHECK (round >= 1),
  decision           text NOT NULL CHECK (decision IN ('admit', 'return', 'refuse')),
  opinion            text NOT NULL,
  field_comments     jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(field_comments) = 'array'),
  decided_by         text NOT NULL,
  decided_at         timestamptz NOT NULL,
  -- A return only: answered within this time.
  answer_due_at      timestamptz,
  answer_kind        text CHECK (answer_kind IN ('answered', 'withdrawn', 'overdue')),
  answer_comment     text,
  answer_attachments jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(answer_attachments) = 'array'),
  new_sealed_table   jsonb,
  answered_by        text,
  answered_at        timestamptz,
  UNIQUE (project_id, round),
  CONSTRAINT project_formal_review_return_due CHECK ((decision = 'return') = (answer_due_at IS NOT NULL)),
  CONSTRAINT project_formal_review_answer_only_to_return CHECK (decision = 'return' OR answer_kind IS NULL),
  CONSTRAINT project_formal_review_withdrawal_sealed CHECK (answer_kind IS DISTINCT FROM 'withdrawn' OR new_sealed_table IS NOT NULL)
);

-- 变更申请: the enterprise asks, the unit gives its opinion, the province decides; the city-platform rule refuses
-- by itself. At most one open per project.
CREATE TABLE project_change_request (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id     uuid NOT NULL REFERENCES project (id),
  kind           text NOT NULL CHECK (kind IN ('change', 'terminate')),
  -- The fields asked to change, with their new values (kind change); empty for a termination.
  changes        jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(changes) = 'object'),
  reason         text NOT NULL,
  requested_by   text NOT NULL,
  requested_at   timestamptz NOT NULL,
  status         text NOT NULL CHECK (status IN ('checking', 'unit-review', 'province-review', 'approved', 'refused', 'refused-by-rule')),
  rule_reason    text,
  unit_opinion   text CHECK (unit_opinion IN ('agree', 'disagree')),
  unit_comment   text,
  unit_by        text,
  unit_at        timestamptz,
  decision_comment text,
  decided_by     text,
  decided_at     timestamptz,
  applied_at     timestamptz
);
CREATE UNIQUE INDEX project_change_request_one_open_idx ON project_change_request (project_id)
  WHERE status IN ('checking', 'unit-review', 'province-review');

-- 退库 proposed by the province (officer or division head) and approved by a division head who did not propose it.
CREATE TABLE project_exit_proposal (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id       uuid NOT NULL REFERENCES project (id),
  ground           text NOT NULL CHECK (ground IN ('terminated', 'acceptance-failed', 'fraud', 'serious-deviation')),
  reason           text NOT NULL,
  proposed_by      text NOT NULL,
  proposed_at      timestamptz NOT NULL,
  status           text NOT NULL CHECK (status IN ('pending', 'approved', 'refused')),
  decision_comment text,
  decided_by       text,
  decided_at       timestamptz,
  CONSTRAINT project_exit_proposal_no_self_approval CHECK (decided_by IS DISTINCT FROM proposed_by)
);
CREATE UNIQUE INDEX project_exit_proposal_one_pending_idx ON project_exit_proposal (project_id) WHERE status = 'pending';

-- The province's window for a unit's answer to a return, in working days (LIFECYCLE.md: 5, configurable per call).
ALTER TABLE call ADD COLUMN return_answer_working_days integer NOT NULL DEFAULT 5 CHECK (return_answer_working_days BETWEEN 1 AND 30);
