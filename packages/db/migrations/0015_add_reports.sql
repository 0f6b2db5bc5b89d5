-- Reports (issue 9): a period's key figures, trend, handling by team, emerging issues and backlog,
-- kept as the PDF and the CSV that were made (so what was e-mailed is what the console downloads).
-- Weekly and monthly reports are made by a job: one per workspace, kind and period, so a job that
-- runs twice, or on two processes, makes it once. On-demand reports may repeat a period.
CREATE TABLE report (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL CONSTRAINT report_workspace_fkey REFERENCES workspace (id),
  kind text NOT NULL CONSTRAINT report_kind_check CHECK (kind IN ('weekly', 'monthly', 'on-demand')),
  period_start timestamptz NOT NULL,
  period_end timestamptz NOT NULL,
  time_zone text NOT NULL,
  language text NOT NULL CONSTRAINT report_language_check CHECK (language IN ('ar', 'en')),
  pdf bytea NOT NULL,
  pdf_pages integer NOT NULL,
  csv text NOT NULL,
  requested_by uuid CONSTRAINT report_requested_by_fkey REFERENCES app_user (id),
  -- Set when the job takes the report to e-mail it; cleared again if the relay failed.
  mailed_at timestamptz,
  created_at timestamptz NOT NULL,
  CONSTRAINT report_period_check CHECK (period_end > period_start)
);
CREATE UNIQUE INDEX report_scheduled_once ON report (workspace_id, kind, period_start) WHERE kind <> 'on-demand';
CREATE INDEX report_recent_idx ON report (workspace_id, created_at DESC);

-- Who receives the scheduled reports by e-mail: one row per user, each kind switched on or off.
CREATE TABLE report_subscription (
  user_id uuid PRIMARY KEY CONSTRAINT report_subscription_user_fkey REFERENCES app_user (id) ON DELETE CASCADE,
  workspace_id uuid NOT NULL CONSTRAINT report_subscription_workspace_fkey REFERENCES workspace (id),
  is_weekly boolean NOT NULL DEFAULT false,
  is_monthly boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL
);
CREATE INDEX report_subscription_workspace_idx ON report_subscription (workspace_id);
