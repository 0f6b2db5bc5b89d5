-- Early warnings reach people outside the console (issue 9): analysts, supervisors and admins
-- subscribe themselves by e-mail, admins add outgoing webhooks (a URL and a signing secret the server
-- made, sealed). Each alert is delivered once to each subscription: one row per alert and
-- subscription, written in the transaction that raises the alert and sent by a job, with retries.
CREATE TABLE alert_subscription (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL CONSTRAINT alert_subscription_workspace_fkey REFERENCES workspace (id),
  kind text NOT NULL CONSTRAINT alert_subscription_kind_check CHECK (kind IN ('email', 'webhook')),
  user_id uuid CONSTRAINT alert_subscription_user_fkey REFERENCES app_user (id),
  url text,
  secret_sealed text,
  is_enabled boolean NOT NULL DEFAULT true,
  created_by uuid,
  created_at timestamptz NOT NULL,
  CONSTRAINT alert_subscription_target_check CHECK (
    (kind = 'email' AND user_id IS NOT NULL AND url IS NULL AND secret_sealed IS NULL)
    OR (kind = 'webhook' AND user_id IS NULL AND url IS NOT NULL AND secret_sealed IS NOT NULL))
);
-- A user subscribes once per workspace.
CREATE UNIQUE INDEX alert_subscription_user_key ON alert_subscription (workspace_id, user_id) WHERE kind = 'email';
CREATE INDEX alert_subscription_workspace_idx ON alert_subscription (workspace_id, created_at);

CREATE TABLE alert_delivery (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL CONSTRAINT alert_delivery_workspace_fkey REFERENCES workspace (id),
  alert_id uuid NOT NULL CONSTRAINT alert_delivery_alert_fkey REFERENCES spike_alert (id),
  subscription_id uuid NOT NULL
    CONSTRAINT alert_delivery_subscription_fkey REFERENCES alert_subscription (id) ON DELETE CASCADE,
  status text NOT NULL CONSTRAINT alert_delivery_status_check CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  last_attempt_at timestamptz,
  last_error text,
  last_error_ar text,
  last_error_code text,
  sent_at timestamptz,
  created_at timestamptz NOT NULL,
  CONSTRAINT alert_delivery_once UNIQUE (alert_id, subscription_id)
);
CREATE INDEX alert_delivery_due_idx ON alert_delivery (next_attempt_at) WHERE status = 'pending';
CREATE INDEX alert_delivery_subscription_idx ON alert_delivery (subscription_id, created_at DESC);
