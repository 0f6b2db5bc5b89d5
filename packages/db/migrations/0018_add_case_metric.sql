-- The analytics' own copy of each case (issue 9): the fields the dashboards group and filter by,
-- with the facts they otherwise gather from other tables (reopened, SLA targets met and breached, the
-- latest survey answer), one narrow row per case (about a fifth of support_case's width). Triggers on
-- support_case, case_sla and satisfaction_survey keep it up to date in the same transaction as the
-- change, so a figure never lags the case list. The dashboards read it instead of scanning the cases.
CREATE TABLE case_metric (
  case_id uuid PRIMARY KEY CONSTRAINT case_metric_case_fkey REFERENCES support_case (id) ON DELETE CASCADE,
  workspace_id uuid NOT NULL,
  created_at timestamptz NOT NULL,
  status text NOT NULL,
  channel text NOT NULL,
  kind text NOT NULL,
  category text,
  product text,
  region text,
  priority text NOT NULL,
  sentiment text,
  team_id uuid,
  assignee_id uuid,
  first_response_at timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz,
  moved_private_at timestamptz,
  private_accepted_at timestamptz,
  -- Resolved or closed at some point, then opened again.
  reopened boolean NOT NULL DEFAULT false,
  -- Resolved or closed at some point (what the reopen rate divides by).
  ever_resolved boolean NOT NULL DEFAULT false,
  -- SLA targets of the case that finished in time, and that breached.
  sla_met smallint NOT NULL DEFAULT 0,
  sla_breached smallint NOT NULL DEFAULT 0,
  -- The latest answered survey.
  rating smallint,
  nps smallint
);
CREATE INDEX case_metric_created_idx ON case_metric (workspace_id, created_at);

CREATE FUNCTION sada_case_metric_from_case() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  is_reopening boolean := TG_OP = 'UPDATE'
    AND OLD.status IN ('resolved', 'closed') AND NEW.status NOT IN ('resolved', 'closed');
BEGIN
  INSERT INTO case_metric AS m (case_id, workspace_id, created_at, status, channel, kind, category, product,
      region, priority, sentiment, team_id, assignee_id, first_response_at, resolved_at, closed_at,
      moved_private_at, private_accepted_at, reopened, ever_resolved)
  VALUES (NEW.id, NEW.workspace_id, NEW.created_at, NEW.status, NEW.channel, NEW.kind, NEW.category,
      NEW.product, NEW.region, NEW.priority, NEW.sentiment, NEW.team_id, NEW.assignee_id,
      NEW.first_response_at, NEW.resolved_at, NEW.closed_at, NEW.moved_private_at, NEW.private_accepted_at,
      is_reopening, is_reopening OR NEW.resolved_at IS NOT NULL OR NEW.closed_at IS NOT NULL)
  ON CONFLICT (case_id) DO UPDATE SET
    created_at = EXCLUDED.created_at, status = EXCLUDED.status, channel = EXCLUDED.channel,
    kind = EXCLUDED.kind, category = EXCLUDED.category, product = EXCLUDED.product,
    region = EXCLUDED.region, priority = EXCLUDED.priority, sentiment = EXCLUDED.sentiment,
    team_id = EXCLUDED.team_id, assignee_id = EXCLUDED.assignee_id,
    first_response_at = EXCLUDED.first_response_at, resolved_at = EXCLUDED.resolved_at,
    closed_at = EXCLUDED.closed_at, moved_private_at = EXCLUDED.moved_private_at,
    private_accepted_at = EXCLUDED.private_accepted_at,
    reopened = m.reopened OR EXCLUDED.reopened,
    ever_resolved = m.ever_resolved OR EXCLUDED.ever_resolved;
  RETURN NULL;
END $$;

CREATE TRIGGER case_metric_on_insert AFTER INSERT ON support_case
  FOR EACH ROW EXECUTE FUNCTION sada_case_metric_from_case();
-- Only the fields the copy holds: editing a subject or description does not touch it.
CREATE TRIGGER case_metric_on_update AFTER UPDATE OF created_at, status, channel, kind, category, product,
    region, priority, sentiment, team_id, assignee_id, first_response_at, resolved_at, closed_at,
    moved_private_at, private_accepted_at ON support_case
  FOR EACH ROW EXECUTE FUNCTION sada_case_metric_from_case();

CREATE FUNCTION sada_case_metric_sla() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.case_id ELSE NEW.case_id END;
BEGIN
  UPDATE case_metric SET
    sla_met = (SELECT count(*) FROM case_sla s
                WHERE s.case_id = changed AND s.breached_at IS NULL AND s.completed_at IS NOT NULL),
    sla_breached = (SELECT count(*) FROM case_sla s WHERE s.case_id = changed AND s.breached_at IS NOT NULL)
  WHERE case_id = changed;
  RETURN NULL;
END $$;

CREATE TRIGGER case_metric_on_sla AFTER INSERT OR DELETE OR UPDATE OF completed_at, breached_at ON case_sla
  FOR EACH ROW EXECUTE FUNCTION sada_case_metric_sla();

CREATE FUNCTION sada_case_metric_survey() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.case_id ELSE NEW.case_id END;
BEGIN
  UPDATE case_metric SET (rating, nps) = (
    SELECT v.rating, v.nps FROM satisfaction_survey v
     WHERE v.case_id = changed AND v.status = 'answered'
     ORDER BY v.answered_at DESC LIMIT 1)
   WHERE case_id = changed;
  RETURN NULL;
END $$;

CREATE TRIGGER case_metric_on_survey AFTER INSERT OR DELETE OR UPDATE OF status, rating, nps, answered_at
    ON satisfaction_survey
  FOR EACH ROW EXECUTE FUNCTION sada_case_metric_survey();

-- The cases already there, with their reopenings read from the case history.
INSERT INTO case_metric (case_id, workspace_id, created_at, status, channel, kind, category, product, region,
    priority, sentiment, team_id, assignee_id, first_response_at, resolved_at, closed_at, moved_private_at,
    private_accepted_at, reopened, ever_resolved, sla_met, sla_breached, rating, nps)
SELECT c.id, c.workspace_id, c.created_at, c.status, c.channel, c.kind, c.category, c.product, c.region,
       c.priority, c.sentiment, c.team_id, c.assignee_id, c.first_response_at, c.resolved_at, c.closed_at,
       c.moved_private_at, c.private_accepted_at, r.was_reopened,
       r.was_reopened OR c.resolved_at IS NOT NULL OR c.closed_at IS NOT NULL,
       (SELECT count(*) FROM case_sla s WHERE s.case_id = c.id AND s.breached_at IS NULL AND s.completed_at IS NOT NULL),
       (SELECT count(*) FROM case_sla s WHERE s.case_id = c.id AND s.breached_at IS NOT NULL),
       v.rating, v.nps
  FROM support_case c
  CROSS JOIN LATERAL (
    SELECT EXISTS (
      SELECT 1 FROM case_event e
       WHERE e.case_id = c.id AND e.workspace_id = c.workspace_id AND e.type = 'case.status_changed'
         AND e.changes -> 'status' ->> 'before' IN ('resolved', 'closed')
         AND e.changes -> 'status' ->> 'after' NOT IN ('resolved', 'closed')) AS was_reopened) r
  LEFT JOIN LATERAL (
    SELECT sv.rating, sv.nps FROM satisfaction_survey sv
     WHERE sv.case_id = c.id AND sv.status = 'answered'
     ORDER BY sv.answered_at DESC LIMIT 1) v ON true;
