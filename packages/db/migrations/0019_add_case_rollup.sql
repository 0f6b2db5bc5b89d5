-- Cases per hour (UTC) and per value of each field the dashboards count by (issue 9): the volume
-- chart and the peak-hours heatmap of a whole workspace read these counts, about one row per hour and
-- value instead of one per case. Kept incrementally: every change to case_metric appends its +1 and -1
-- to case_rollup_change in the same transaction (append only, so two cases arriving together never
-- wait on the same counter row); the job analytics.rollup folds the changes into case_rollup every
-- minute, and readers add the changes not folded yet, so a count never lags the case list.
CREATE TABLE case_rollup (
  workspace_id uuid NOT NULL,
  -- category, channel, kind, product, region, sentiment or team.
  dimension text NOT NULL,
  -- The hour the cases were created in: every zone with whole-hour offsets buckets it whole.
  hour timestamptz NOT NULL,
  -- NULL: the field is not set.
  value text,
  cases integer NOT NULL,
  CONSTRAINT case_rollup_key UNIQUE NULLS NOT DISTINCT (workspace_id, dimension, hour, value)
);
-- Counters a fold brought to zero (a case moved to another category), for the fold to drop.
CREATE INDEX case_rollup_empty_idx ON case_rollup (workspace_id) WHERE cases = 0;

CREATE TABLE case_rollup_change (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id uuid NOT NULL,
  dimension text NOT NULL,
  hour timestamptz NOT NULL,
  value text,
  cases integer NOT NULL
);
CREATE INDEX case_rollup_change_idx ON case_rollup_change (workspace_id, dimension, hour);

-- The old row's counts taken away and the new row's added; a field that did not change cancels out.
CREATE FUNCTION sada_case_rollup_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO case_rollup_change (workspace_id, dimension, hour, value, cases)
  SELECT f.workspace_id, f.dimension, f.hour, f.value, sum(f.cases)
    FROM (
      SELECT OLD.workspace_id AS workspace_id, date_trunc('hour', OLD.created_at, 'UTC') AS hour,
             d.dimension, d.value, -1 AS cases
        FROM (VALUES ('category', OLD.category), ('channel', OLD.channel), ('kind', OLD.kind),
                     ('product', OLD.product), ('region', OLD.region), ('sentiment', OLD.sentiment),
                     ('team', OLD.team_id::text)) AS d (dimension, value)
       WHERE TG_OP <> 'INSERT'
      UNION ALL
      SELECT NEW.workspace_id, date_trunc('hour', NEW.created_at, 'UTC'), d.dimension, d.value, 1
        FROM (VALUES ('category', NEW.category), ('channel', NEW.channel), ('kind', NEW.kind),
                     ('product', NEW.product), ('region', NEW.region), ('sentiment', NEW.sentiment),
                     ('team', NEW.team_id::text)) AS d (dimension, value)
       WHERE TG_OP <> 'DELETE'
    ) AS f
   GROUP BY f.workspace_id, f.dimension, f.hour, f.value
  HAVING sum(f.cases) <> 0;
  RETURN NULL;
END $$;

CREATE TRIGGER case_rollup_on_insert_or_delete AFTER INSERT OR DELETE ON case_metric
  FOR EACH ROW EXECUTE FUNCTION sada_case_rollup_change();
-- case_metric's upsert sets every column: only a change to what the rollup counts by reaches it.
CREATE TRIGGER case_rollup_on_update AFTER UPDATE ON case_metric
  FOR EACH ROW
  WHEN ((OLD.workspace_id, OLD.created_at, OLD.category, OLD.channel, OLD.kind, OLD.product, OLD.region,
         OLD.sentiment, OLD.team_id)
        IS DISTINCT FROM (NEW.workspace_id, NEW.created_at, NEW.category, NEW.channel, NEW.kind, NEW.product,
         NEW.region, NEW.sentiment, NEW.team_id))
  EXECUTE FUNCTION sada_case_rollup_change();

-- The cases already there.
INSERT INTO case_rollup (workspace_id, dimension, hour, value, cases)
SELECT m.workspace_id, d.dimension, date_trunc('hour', m.created_at, 'UTC'), d.value, count(*)
  FROM case_metric m
  CROSS JOIN LATERAL (VALUES ('category', m.category), ('channel', m.channel), ('kind', m.kind),
                             ('product', m.product), ('region', m.region), ('sentiment', m.sentiment),
                             ('team', m.team_id::text)) AS d (dimension, value)
 GROUP BY 1, 2, 3, 4;
