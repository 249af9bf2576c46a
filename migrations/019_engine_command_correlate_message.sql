-- Engine commands that deliver a message (issue 12: the batch's submission, the withdrawals): the message's name, the
-- business key of the instance that waits for it, and the element that catches it. A replay whose message the engine
-- refuses is done when the history shows that element reached after the command was queued, or the instance ended.
ALTER TABLE engine_command DROP CONSTRAINT engine_command_kind_check;
ALTER TABLE engine_command ADD CONSTRAINT engine_command_kind_check CHECK (kind IN ('start-process', 'complete-task', 'correlate-message'));
ALTER TABLE engine_command ADD COLUMN message_name text;
ALTER TABLE engine_command ADD COLUMN catching_activity_id text;
ALTER TABLE engine_command ADD CONSTRAINT engine_command_correlate_fields CHECK (kind <> 'correlate-message'
  OR (message_name IS NOT NULL AND business_key IS NOT NULL AND process_definition_key IS NOT NULL AND catching_activity_id IS NOT NULL
      AND task_id IS NULL AND process_definition_id IS NULL));
ALTER TABLE engine_command ADD CONSTRAINT engine_command_message_only_correlates CHECK (kind = 'correlate-message'
  OR (message_name IS NULL AND catching_activity_id IS NULL));
