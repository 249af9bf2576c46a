-- City recommendation (issue: the unit's library, indicators and the one-platform cap).

-- 全省重点项目培育数量不少于200项: the province-wide floor the recommendations are measured against.
ALTER TABLE call ADD COLUMN province_floor integer NOT NULL DEFAULT 200 CHECK (province_floor >= 0);

-- 附件1 指标分配表: a unit's cultivation indicator in a call — a target shown as progress or, where the province
-- says so, a hard cap on what the unit may recommend.
CREATE TABLE unit_indicator (
  call_id    text NOT NULL REFERENCES call (id),
  unit_id    text NOT NULL,
  target     integer NOT NULL CHECK (target >= 0),
  is_cap     boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL,
  PRIMARY KEY (call_id, unit_id)
);

-- A unit's recommendation of an application from its library, ranked, with its opinion. A withdrawn or refused
-- recommendation stays as history (active = false) and frees its place.
CREATE TABLE recommendation (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  call_id          text NOT NULL REFERENCES call (id),
  unit_id          text NOT NULL,
  application_id   uuid NOT NULL REFERENCES application (id),
  is_city_platform boolean NOT NULL,
  rank             integer NOT NULL CHECK (rank > 0),
  opinion          text NOT NULL CHECK (length(opinion) BETWEEN 1 AND 1000),
  active           boolean NOT NULL DEFAULT true,
  created_at       timestamptz NOT NULL DEFAULT now(),
  created_by       text NOT NULL,
  ended_at         timestamptz,
  ended_reason     text
);

CREATE UNIQUE INDEX recommendation_one_active_per_application ON recommendation (application_id) WHERE active;

-- 各市推荐市级工业互联网综合平台不超过1个, for every path that writes here: web server, worker, an operator.
CREATE UNIQUE INDEX recommendation_one_city_platform_per_unit ON recommendation (call_id, unit_id) WHERE active AND is_city_platform;

CREATE INDEX recommendation_unit_idx ON recommendation (call_id, unit_id) WHERE active;

-- An indicator set as a cap holds under concurrent use: recommendations of one unit in one call are serialised by
-- an advisory lock, and each statement below takes a fresh snapshot (READ COMMITTED), so it counts every
-- recommendation committed before it got the lock. A new recommendation without a rank is ranked last.
CREATE FUNCTION enforce_recommendation_indicator_cap() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cap   integer;
  taken integer;
BEGIN
  IF NOT NEW.active THEN
    RETURN NEW;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('recommendation:' || NEW.call_id || ':' || NEW.unit_id));
  IF NEW.rank IS NULL THEN
    SELECT coalesce(max(rank), 0) + 1 INTO NEW.rank FROM recommendation
     WHERE call_id = NEW.call_id AND unit_id = NEW.unit_id AND active;
  END IF;
  SELECT target INTO cap FROM unit_indicator WHERE call_id = NEW.call_id AND unit_id = NEW.unit_id AND is_cap;
  IF cap IS NULL THEN
    RETURN NEW;
  END IF;
  SELECT count(*) INTO taken FROM recommendation
   WHERE call_id = NEW.call_id AND unit_id = NEW.unit_id AND active AND id <> NEW.id;
  IF taken >= cap THEN
    RAISE EXCEPTION 'unit % has reached its indicator cap of % in call %', NEW.unit_id, cap, NEW.call_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'recommendation_indicator_cap';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER recommendation_indicator_cap
  BEFORE INSERT OR UPDATE OF active ON recommendation
  FOR EACH ROW EXECUTE FUNCTION enforce_recommendation_indicator_cap();
