-- Early warnings (issue 9): an hour in which a category, product or channel received far more
-- negative complaints than the same hour of the week usually does. One row per workspace, field,
-- value and hour, so a job that runs twice, or on two processes, raises it once.
CREATE TABLE spike_alert (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL CONSTRAINT spike_alert_workspace_fkey REFERENCES workspace (id),
  dimension text NOT NULL CONSTRAINT spike_alert_dimension_check CHECK (dimension IN ('category', 'product', 'channel')),
  key text NOT NULL,
  window_start timestamptz NOT NULL,
  window_end timestamptz NOT NULL,
  count integer NOT NULL,
  usual double precision NOT NULL,
  threshold integer NOT NULL,
  example_case_ids jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL,
  CONSTRAINT spike_alert_once UNIQUE (workspace_id, dimension, key, window_start)
);
CREATE INDEX spike_alert_recent_idx ON spike_alert (workspace_id, created_at DESC);
-- The detection counts negative cases per hour across the weeks: by creation time.
CREATE INDEX support_case_negative_created_idx ON support_case (created_at) WHERE sentiment = 'negative';
