-- Expert review (专家评审) and pilot selection (试点项目, LIFECYCLE.md stage 4b), run per review session by the
-- campaign process `reviewSession` and one `panelSeat` process per seat. Every draw is a row with its seed and the
-- record that recomputes it; every seat, declaration, score, exclusion, consensus, proposal, decision, objection and
-- answer names who and when.

CREATE TABLE review_session (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  call_id              text NOT NULL REFERENCES call (id),
  name                 text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  -- One direction's projects (a call direction code), or null for a session over several directions.
  direction            text CHECK (direction IS NULL OR direction ~ '^[a-z0-9-]{1,60}$'),
  panel_size           integer NOT NULL CHECK (panel_size BETWEEN 3 AND 15),
  exclude_same_unit    boolean NOT NULL DEFAULT false,
  -- The rubric's criteria as the decision table `reviewRubric` gave them when the session's process started
  -- (recorded by the worker review-rubric-record); scores are checked against these.
  rubric               jsonb CHECK (rubric IS NULL OR jsonb_typeof(rubric) = 'array'),
  rubric_recorded_at   timestamptz,
  limit_per_direction  integer CHECK (limit_per_direction IS NULL OR limit_per_direction >= 1),
  limit_per_unit       integer CHECK (limit_per_unit IS NULL OR limit_per_unit >= 1),
  status               text NOT NULL DEFAULT 'drawing' CHECK (status IN (
                         'drawing', 'scoring', 'consensus', 'proposing', 'deciding', 'public-notice', 'final')),
  process_instance_id  text UNIQUE,
  created_by           text NOT NULL,
  created_at           timestamptz NOT NULL,
  panels_confirmed_by  text,
  panels_confirmed_at  timestamptz,
  scoring_closed_by    text,
  scoring_closed_at    timestamptz,
  -- 公示: the window during which real-name written objections are taken; the results (and the panels' names) are
  -- public from its start.
  notice_from          timestamptz,
  notice_until         timestamptz,
  finalised_by         text,
  finalised_at         timestamptz,
  CONSTRAINT review_session_notice_in_order CHECK (notice_from IS NULL OR (notice_until IS NOT NULL AND notice_from < notice_until))
);
CREATE INDEX review_session_call_idx ON review_session (call_id);

-- The projects a session reviews; a project is reviewed in one session. The aggregate, rank and consensus are
-- written when scoring closes.
CREATE TABLE review_session_project (
  session_id          uuid NOT NULL REFERENCES review_session (id),
  project_id          uuid NOT NULL UNIQUE REFERENCES project (id),
  position            integer NOT NULL CHECK (position >= 1),
  aggregate           jsonb,
  score               numeric(7, 2),
  rank                integer CHECK (rank IS NULL OR rank >= 1),
  needs_consensus     boolean NOT NULL DEFAULT false,
  consensus_opinion   text CHECK (consensus_opinion IS NULL OR length(consensus_opinion) BETWEEN 1 AND 2000),
  consensus_by        text,
  consensus_at        timestamptz,
  -- On the final 试点项目名单.
  selected            boolean NOT NULL DEFAULT false,
  PRIMARY KEY (session_id, project_id)
);

-- One row per draw: the first draw of a session's panels, a redraw (with its reason) before the panels are
-- confirmed, or the automatic replacement of an expert who declined. The record holds the algorithm, seed, load
-- bound and each project's eligibility with the reasons, so the draw can be recomputed and explained.
CREATE TABLE panel_draw (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  session_id    uuid NOT NULL REFERENCES review_session (id),
  kind          text NOT NULL CHECK (kind IN ('draw', 'redraw', 'replacement')),
  project_ids   uuid[] NOT NULL CHECK (cardinality(project_ids) >= 1),
  seed          text NOT NULL CHECK (seed ~ '^[0-9a-f]{64}$'),
  algorithm     text NOT NULL,
  algorithm_version integer NOT NULL,
  load_bound    integer NOT NULL CHECK (load_bound >= 1),
  record        jsonb NOT NULL,
  reason        text CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 500),
  drawn_by      text NOT NULL,
  drawn_at      timestamptz NOT NULL,
  CONSTRAINT panel_draw_reason CHECK (kind = 'draw' OR reason IS NOT NULL)
);
CREATE INDEX panel_draw_session_idx ON panel_draw (session_id);

-- A seat on a project's panel. An expert sits at most once on a panel, ever: one who declined or was redrawn away
-- is not drawn for it again (the unique key is the database's guard against two draws at once; the load bound is
-- checked under the session's row lock). `active` seats are the panel: drawn, declared or scored.
CREATE TABLE panel_seat (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id          uuid NOT NULL,
  project_id          uuid NOT NULL,
  expert_id           uuid NOT NULL REFERENCES expert (id),
  draw_id             bigint NOT NULL REFERENCES panel_draw (id),
  position            integer NOT NULL CHECK (position >= 1),
  status              text NOT NULL DEFAULT 'drawn' CHECK (status IN ('drawn', 'declared', 'scored', 'declined', 'redrawn')),
  active              boolean GENERATED ALWAYS AS (status IN ('drawn', 'declared', 'scored')) STORED,
  is_leader           boolean NOT NULL DEFAULT false,
  -- The 回避声明 for this project: signed (no conflict), or declined with the reason.
  declared_at         timestamptz,
  declined_at         timestamptz,
  decline_reason      text CHECK (decline_reason IS NULL OR length(decline_reason) BETWEEN 1 AND 500),
  -- The latest scores (criterion code → points), their total and the opinion; earlier rounds stay in panel_score.
  scores              jsonb,
  total               numeric(5, 1),
  opinion             text CHECK (opinion IS NULL OR length(opinion) BETWEEN 1 AND 2000),
  scored_at           timestamptz,
  excluded_reason     text CHECK (excluded_reason IS NULL OR length(excluded_reason) BETWEEN 1 AND 500),
  excluded_by         text,
  excluded_at         timestamptz,
  rescore_reason      text CHECK (rescore_reason IS NULL OR length(rescore_reason) BETWEEN 1 AND 500),
  process_instance_id text UNIQUE,
  FOREIGN KEY (session_id, project_id) REFERENCES review_session_project (session_id, project_id),
  CONSTRAINT panel_seat_once UNIQUE (session_id, project_id, expert_id),
  CONSTRAINT panel_seat_declined_reason CHECK (status <> 'declined' OR decline_reason IS NOT NULL),
  CONSTRAINT panel_seat_scored CHECK (status <> 'scored' OR (scores IS NOT NULL AND total IS NOT NULL AND opinion IS NOT NULL))
);
CREATE UNIQUE INDEX panel_seat_one_leader_idx ON panel_seat (session_id, project_id) WHERE is_leader AND active;
CREATE INDEX panel_seat_expert_idx ON panel_seat (expert_id, session_id);

-- Every score an expert gave, each round (a re-review after an outlier flag adds a round).
CREATE TABLE panel_score (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  seat_id   uuid NOT NULL REFERENCES panel_seat (id),
  round     integer NOT NULL CHECK (round >= 1),
  scores    jsonb NOT NULL,
  total     numeric(5, 1) NOT NULL,
  opinion   text NOT NULL,
  scored_at timestamptz NOT NULL,
  UNIQUE (seat_id, round)
);

-- The session's 评审承诺书, signed once per expert and session, before the first 回避声明.
CREATE TABLE review_commitment (
  session_id uuid NOT NULL REFERENCES review_session (id),
  expert_id  uuid NOT NULL REFERENCES expert (id),
  signed_at  timestamptz NOT NULL,
  PRIMARY KEY (session_id, expert_id)
);

-- The officer's proposal of pilots (试点建议名单) and its collective decision (集体决策: meeting, date, minutes'
-- reference). A proposal sent back is kept; the next round proposes again.
CREATE TABLE pilot_proposal (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  session_id        uuid NOT NULL REFERENCES review_session (id),
  round             integer NOT NULL CHECK (round >= 1),
  project_ids       uuid[] NOT NULL CHECK (cardinality(project_ids) >= 1),
  note              text CHECK (note IS NULL OR length(note) <= 1000),
  proposed_by       text NOT NULL,
  proposed_at       timestamptz NOT NULL,
  decision          text CHECK (decision IN ('approve', 'return')),
  meeting           text CHECK (meeting IS NULL OR length(meeting) BETWEEN 1 AND 100),
  meeting_date      date,
  minutes_ref       text CHECK (minutes_ref IS NULL OR length(minutes_ref) BETWEEN 1 AND 100),
  decision_comment  text CHECK (decision_comment IS NULL OR length(decision_comment) <= 1000),
  decided_by        text,
  decided_at        timestamptz,
  UNIQUE (session_id, round),
  CONSTRAINT pilot_proposal_decision_recorded CHECK (decision IS NULL OR (meeting IS NOT NULL AND meeting_date IS NOT NULL AND minutes_ref IS NOT NULL AND decided_by IS NOT NULL))
);

-- A real-name, written objection (实名、书面异议) received during the 公示, about one project on the list, and its
-- answer. An upheld objection takes the project off the final list.
CREATE TABLE pilot_objection (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  session_id        uuid NOT NULL REFERENCES review_session (id),
  project_id        uuid NOT NULL REFERENCES project (id),
  objector_name     text NOT NULL CHECK (length(objector_name) BETWEEN 2 AND 50),
  objector_contact  text NOT NULL CHECK (length(objector_contact) BETWEEN 5 AND 100),
  objector_organisation text CHECK (objector_organisation IS NULL OR length(objector_organisation) <= 100),
  content           text NOT NULL CHECK (length(content) BETWEEN 1 AND 4000),
  received_on       date NOT NULL,
  letter_attachment_id uuid REFERENCES attachment (id),
  recorded_by       text NOT NULL,
  recorded_at       timestamptz NOT NULL,
  answer            text CHECK (answer IS NULL OR length(answer) BETWEEN 1 AND 4000),
  upheld            boolean,
  answered_by       text,
  answered_at       timestamptz,
  CONSTRAINT pilot_objection_answer_whole CHECK ((answer IS NULL) = (upheld IS NULL) AND (answer IS NULL) = (answered_by IS NULL))
);
CREATE INDEX pilot_objection_session_idx ON pilot_objection (session_id);

-- The final list's files, one per format, rendered once per session.
CREATE TABLE pilot_list_document (
  session_id    uuid NOT NULL REFERENCES review_session (id),
  format        text NOT NULL CHECK (format IN ('pdf', 'xlsx')),
  attachment_id uuid NOT NULL REFERENCES attachment (id),
  sha256        text NOT NULL,
  rendered_at   timestamptz NOT NULL,
  PRIMARY KEY (session_id, format)
);

-- Commands may concern a review session (its campaign's start and tasks) or a seat (its process).
ALTER TABLE engine_command ADD COLUMN review_session_id uuid REFERENCES review_session (id);
ALTER TABLE engine_command ADD COLUMN panel_seat_id uuid REFERENCES panel_seat (id);
ALTER TABLE engine_command DROP CONSTRAINT engine_command_one_subject;
ALTER TABLE engine_command ADD CONSTRAINT engine_command_one_subject
  CHECK (num_nonnulls(application_id, batch_call_id, project_id, review_session_id, panel_seat_id) <= 1);
ALTER TABLE engine_command DROP CONSTRAINT engine_command_start_has_subject;
ALTER TABLE engine_command ADD CONSTRAINT engine_command_start_has_subject
  CHECK (kind <> 'start-process' OR num_nonnulls(application_id, batch_call_id, project_id, review_session_id, panel_seat_id) = 1);
