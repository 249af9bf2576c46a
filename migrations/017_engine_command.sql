-- Engine commands (an outbox for the engine): a web service writes its change and the engine call that belongs to it
-- in one transaction, and the call is made after COMMIT: at once by the request, and by the relay until it is
-- recorded done (web/server/engine-commands/). A failed COMMIT therefore calls nothing, and a call whose outcome was
-- not recorded (a crash) is replayed: a start first asks the engine for an instance of its business key, a completion
-- of a task that is gone is done when the history shows the task completed.
CREATE TABLE engine_command (
  id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind                   text NOT NULL CHECK (kind IN ('start-process', 'complete-task')),
  -- start-process: the definition (a release) to start, its key and the business key (what a replay asks for).
  process_definition_id  text,
  process_definition_key text,
  business_key           text,
  -- complete-task: the task to complete.
  task_id                text,
  -- For a start, the instance it started (once done); for a completion, the task's instance (its history).
  process_instance_id    text,
  variables              jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(variables) = 'object'),
  -- Whom the command concerns: a start links its instance to it; an operator sees it named.
  application_id         uuid REFERENCES application (id),
  batch_call_id          text,
  batch_unit_id          text,
  created_at             timestamptz NOT NULL DEFAULT now(),
  -- Attempts that reached the engine and failed, with the engine's last answer; a crash counts none.
  attempts               integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error             text,
  next_attempt_at        timestamptz NOT NULL DEFAULT now(),
  done_at                timestamptz,
  CONSTRAINT engine_command_start_fields CHECK (kind <> 'start-process'
    OR (process_definition_id IS NOT NULL AND process_definition_key IS NOT NULL AND business_key IS NOT NULL AND task_id IS NULL)),
  CONSTRAINT engine_command_complete_fields CHECK (kind <> 'complete-task'
    OR (task_id IS NOT NULL AND process_instance_id IS NOT NULL AND process_definition_id IS NULL AND business_key IS NULL)),
  CONSTRAINT engine_command_done_start_has_instance CHECK (done_at IS NULL OR kind <> 'start-process' OR process_instance_id IS NOT NULL),
  CONSTRAINT engine_command_batch_both CHECK ((batch_call_id IS NULL) = (batch_unit_id IS NULL)),
  CONSTRAINT engine_command_one_subject CHECK (application_id IS NULL OR batch_call_id IS NULL),
  -- What a start's instance is linked to once it runs.
  CONSTRAINT engine_command_start_has_subject CHECK (kind <> 'start-process' OR application_id IS NOT NULL OR batch_call_id IS NOT NULL),
  CONSTRAINT engine_command_batch_fkey FOREIGN KEY (batch_call_id, batch_unit_id) REFERENCES unit_batch (call_id, unit_id)
);

-- One pending start per business key: the engine holds one instance per key only if nothing queues a second start.
CREATE UNIQUE INDEX engine_command_one_pending_start_idx ON engine_command (business_key) WHERE kind = 'start-process' AND done_at IS NULL;
CREATE INDEX engine_command_pending_idx ON engine_command (next_attempt_at, id) WHERE done_at IS NULL;
CREATE INDEX engine_command_application_idx ON engine_command (application_id) WHERE application_id IS NOT NULL;
