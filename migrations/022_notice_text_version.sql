-- A call's notice texts are versioned: every change of call.notice_texts is a new version of that call's texts
-- (1, 2, … per call), never changed or deleted, and every notice records the version it was worded with. The column
-- call.notice_texts stays the current texts; the versions are its history, written by triggers whoever changes it.

-- The texts of the unit-facing notices, the sealed-scans request and the withdrawal reasons became data of the call (domain/notice-texts.ts):
-- existing calls get today's wording, keeping any text a call already has.
UPDATE call SET notice_texts = '{
  "sealedScansRequest": "申报材料已通过自动审查。请下载申报材料和承诺书，打印并加盖企业公章后，上传盖章扫描件。",
  "recommendationWithdrawnReason": "推荐单位撤回推荐",
  "applicantWithdrawalReason": "企业撤回申报：{reason}",
  "batchReminderTitle": "请于 {deadline} 前报送推荐批次",
  "batchReminderBody": "{callTitle}：{unitName}尚未向省厅报送推荐项目和盖章推荐表，截止时间为 {deadline}（北京时间），逾期不再受理。",
  "withdrawalTitle": "企业撤回申报：{projectName}",
  "withdrawalBody": "{enterpriseName}已撤回申报“{projectName}”（编号 {applicationNumber}）。撤回原因：{reason}",
  "withdrawalRecommendationEnded": "该项目的推荐已随之撤销，推荐名额已释放。"
}'::jsonb || notice_texts;

CREATE TABLE notice_text_version (
  call_id    text NOT NULL REFERENCES call (id),
  version    integer NOT NULL CHECK (version >= 1),
  texts      jsonb NOT NULL CHECK (jsonb_typeof(texts) = 'object'),
  -- An account's username, or 'system' for a call created or changed by code.
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (call_id, version)
);

-- History: refused like the studio's versions (migration 014).
CREATE TRIGGER notice_text_version_immutable BEFORE UPDATE OR DELETE ON notice_text_version
  FOR EACH ROW EXECUTE FUNCTION refuse_model_history_change();

-- Version 1 when a call is created, the next one when its texts change, however that happens (the notice texts page,
-- a call created from another, the demo call, tests, raw SQL). The author is the transaction's setting
-- iiot.notice_texts_author (store/notice-text-repository.ts sets it), else 'system'. Saves of one call wait for each
-- other on the call's row, so each numbers after the last.
CREATE FUNCTION record_notice_text_version() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  INSERT INTO notice_text_version (call_id, version, texts, created_by)
  SELECT NEW.id, coalesce(max(version), 0) + 1, NEW.notice_texts, coalesce(nullif(current_setting('iiot.notice_texts_author', true), ''), 'system')
    FROM notice_text_version WHERE call_id = NEW.id;
  RETURN NULL;
END $$;

CREATE TRIGGER call_notice_texts_created AFTER INSERT ON call
  FOR EACH ROW EXECUTE FUNCTION record_notice_text_version();
CREATE TRIGGER call_notice_texts_changed AFTER UPDATE OF notice_texts ON call
  FOR EACH ROW WHEN (OLD.notice_texts IS DISTINCT FROM NEW.notice_texts) EXECUTE FUNCTION record_notice_text_version();

INSERT INTO notice_text_version (call_id, version, texts, created_by) SELECT id, 1, notice_texts, 'system' FROM call;

-- The version a notice was worded with (null for a message that is no call's notice).
ALTER TABLE outbox_message
  ADD COLUMN notice_call_id text,
  ADD COLUMN notice_text_version integer,
  ADD CONSTRAINT outbox_message_notice_text_version_fk FOREIGN KEY (notice_call_id, notice_text_version) REFERENCES notice_text_version (call_id, version),
  ADD CONSTRAINT outbox_message_notice_text_version_whole CHECK ((notice_call_id IS NULL) = (notice_text_version IS NULL));
ALTER TABLE in_app_message
  ADD COLUMN notice_call_id text,
  ADD COLUMN notice_text_version integer,
  ADD CONSTRAINT in_app_message_notice_text_version_fk FOREIGN KEY (notice_call_id, notice_text_version) REFERENCES notice_text_version (call_id, version),
  ADD CONSTRAINT in_app_message_notice_text_version_whole CHECK ((notice_call_id IS NULL) = (notice_text_version IS NULL));

-- The notices sent so far were worded with the texts version 1 holds (shipped or as the call stored them; the
-- unit-facing ones were shipped text): an application's notices by its call, a reminder by the call its key names.
UPDATE in_app_message m SET notice_call_id = a.call_id, notice_text_version = 1
  FROM application a WHERE m.application_id = a.id;
UPDATE in_app_message m SET notice_call_id = split_part(m.event_key, ':', 2), notice_text_version = 1
  WHERE m.event_key LIKE 'batch-reminder:%' AND EXISTS (SELECT 1 FROM call c WHERE c.id = split_part(m.event_key, ':', 2));
UPDATE outbox_message o SET notice_call_id = m.notice_call_id, notice_text_version = m.notice_text_version
  FROM in_app_message m WHERE m.event_key = o.event_key AND m.notice_call_id IS NOT NULL;
