-- The studio's models: every saved version of a process, form or decision, never updated and never deleted.
CREATE TABLE model_version (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('process', 'form', 'decision')),
  -- Processes: the BPMN process id; forms: the form's `id`; decisions: the first decision's id.
  key         text NOT NULL CHECK (key ~ '^[A-Za-z_][A-Za-z0-9_.-]{0,99}$'),
  version     integer NOT NULL CHECK (version >= 1),
  content     text NOT NULL,
  sha256      text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  -- The process, decision or form name at this version, for lists; null when the model names itself nothing.
  name        text,
  -- The file name it exports (and deploys) under: a shipped file keeps its own.
  file_name   text NOT NULL,
  -- An account id, or 'shipped' for the files in processes/ and forms/.
  author      text NOT NULL,
  comment     text NOT NULL DEFAULT '',
  source      text NOT NULL CHECK (source IN ('shipped', 'studio', 'import', 'restore')),
  based_on    bigint REFERENCES model_version (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, key, version)
);

CREATE INDEX model_version_content_idx ON model_version (kind, key, sha256);

-- One engine deployment: a process version with the form and decision versions it references.
CREATE TABLE model_release (
  id                         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  process_key                text NOT NULL,
  process_version_id         bigint NOT NULL REFERENCES model_version (id),
  deployment_id              text NOT NULL UNIQUE,
  process_definition_id      text NOT NULL UNIQUE,
  process_definition_version integer NOT NULL,
  deployed_by                text NOT NULL,
  comment                    text NOT NULL DEFAULT '',
  deployed_at                timestamptz NOT NULL DEFAULT now(),
  UNIQUE (id, process_key)
);

CREATE INDEX model_release_key_idx ON model_release (process_key, id);

-- Every version a release deployed, the process version included.
CREATE TABLE model_release_member (
  release_id bigint NOT NULL REFERENCES model_release (id),
  version_id bigint NOT NULL REFERENCES model_version (id),
  PRIMARY KEY (release_id, version_id)
);

CREATE INDEX model_release_member_version_idx ON model_release_member (version_id);

-- Versions and releases are history: refuse to change or remove them, whoever asks.
CREATE FUNCTION refuse_model_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are never changed or deleted', TG_TABLE_NAME;
END $$;

CREATE TRIGGER model_version_immutable BEFORE UPDATE OR DELETE ON model_version
  FOR EACH ROW EXECUTE FUNCTION refuse_model_history_change();
CREATE TRIGGER model_release_immutable BEFORE UPDATE OR DELETE ON model_release
  FOR EACH ROW EXECUTE FUNCTION refuse_model_history_change();
CREATE TRIGGER model_release_member_immutable BEFORE UPDATE OR DELETE ON model_release_member
  FOR EACH ROW EXECUTE FUNCTION refuse_model_history_change();

-- A call's set: the release of each process key its new instances start on. A key without a row here follows the
-- latest release of that key. Moving a row is an administrator's audited act (audit_log, studio.call-set.moved).
CREATE TABLE call_release (
  call_id     text NOT NULL REFERENCES call (id),
  process_key text NOT NULL,
  release_id  bigint NOT NULL,
  set_by      text NOT NULL,
  set_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (call_id, process_key),
  FOREIGN KEY (release_id, process_key) REFERENCES model_release (id, process_key)
);

-- A new call starts on the releases that are the latest when it is created, however it is created
-- (call-repository, the demo call, tests, raw SQL). The search path is the migration's, so the trigger finds these
-- tables in the schema they were made in.
CREATE FUNCTION pin_new_call_to_latest_releases() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  INSERT INTO call_release (call_id, process_key, release_id, set_by)
  SELECT NEW.id, process_key, max(id), 'system' FROM model_release GROUP BY process_key;
  RETURN NEW;
END $$;

CREATE TRIGGER call_pinned_to_latest_releases AFTER INSERT ON call
  FOR EACH ROW EXECUTE FUNCTION pin_new_call_to_latest_releases();
