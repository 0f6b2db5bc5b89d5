-- From promise to satisfied customer (issue 8): resolution plans, solution offers, compensation with
-- approvals and a ledger, satisfaction surveys, a moderation queue and success stories.

-- Per-workspace policies, {} meaning the defaults:
-- `compensation_settings`: {"types": [...], "currencies": ["SAR"], "limits": {"agent": {"SAR": 200},
--   "supervisor": {"SAR": 2000}}, "teamBudgets": {"<team id>": {"SAR": 10000}}} (a role or currency
--   left out of `limits` may give nothing without approval; admins have no limit).
-- `follow_up_settings`: {"survey": {"delayMinutes": 1440, "lowScoreThreshold": 2,
--   "lowScoreAction": "reopen"|"alert", "expireAfterDays": 7, "askNps": false}}.
ALTER TABLE workspace
  ADD COLUMN compensation_settings jsonb NOT NULL DEFAULT '{}',
  ADD COLUMN follow_up_settings jsonb NOT NULL DEFAULT '{}';

-- A case's resolution plan: ordered steps, each owned by a person or a team. When a step the
-- customer can see is done, the customer is told (`customer_note`, in their language on their
-- channel) and the status page shows it. `overdue_notified_at`: when the owner and supervisors were
-- told it is late (once per due time). `offer_id`: the step came from the option a customer chose.
CREATE TABLE plan_step (
  id uuid NOT NULL CONSTRAINT plan_step_pkey PRIMARY KEY,
  workspace_id uuid NOT NULL CONSTRAINT plan_step_workspace_fkey REFERENCES workspace (id),
  case_id uuid NOT NULL CONSTRAINT plan_step_case_fkey REFERENCES support_case (id) ON DELETE CASCADE,
  position integer NOT NULL,
  title text NOT NULL,
  owner_user_id uuid CONSTRAINT plan_step_owner_user_fkey REFERENCES app_user (id) ON DELETE SET NULL,
  owner_team_id uuid CONSTRAINT plan_step_owner_team_fkey REFERENCES team (id) ON DELETE SET NULL,
  due_at timestamptz,
  status text NOT NULL DEFAULT 'pending'
    CONSTRAINT plan_step_status_check CHECK (status IN ('pending', 'in_progress', 'done', 'cancelled')),
  is_customer_visible boolean NOT NULL DEFAULT false,
  customer_note text,
  completed_at timestamptz,
  overdue_notified_at timestamptz,
  offer_id uuid,
  created_by uuid CONSTRAINT plan_step_created_by_fkey REFERENCES app_user (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX plan_step_case_idx ON plan_step (case_id, position);
CREATE INDEX plan_step_overdue_idx ON plan_step (due_at)
  WHERE status IN ('pending', 'in_progress') AND overdue_notified_at IS NULL AND due_at IS NOT NULL;

-- A periodic progress update every N days while the case is open (null: none).
ALTER TABLE support_case
  ADD COLUMN update_every_days integer CONSTRAINT support_case_update_every_days_check CHECK (update_every_days > 0),
  ADD COLUMN last_update_sent_at timestamptz;

-- Solution offers: one to three options the customer chooses from, on the channel (buttons) or on a
-- signed web page. `options`: [{"id", "type", "amount", "currency", "description",
-- "plan": [{"title", "dueInDays", "isCustomerVisible"}]}]. An offer whose compensation needs
-- approval waits in `pending_approval` and reaches the customer only once approved.
CREATE TABLE solution_offer (
  id uuid NOT NULL CONSTRAINT solution_offer_pkey PRIMARY KEY,
  workspace_id uuid NOT NULL CONSTRAINT solution_offer_workspace_fkey REFERENCES workspace (id),
  case_id uuid NOT NULL CONSTRAINT solution_offer_case_fkey REFERENCES support_case (id) ON DELETE CASCADE,
  status text NOT NULL
    CONSTRAINT solution_offer_status_check
    CHECK (status IN ('pending_approval', 'sent', 'chosen', 'withdrawn', 'rejected', 'expired')),
  message text NOT NULL DEFAULT '',
  options jsonb NOT NULL,
  chosen_option_id text,
  chosen_at timestamptz,
  chosen_via text CONSTRAINT solution_offer_chosen_via_check CHECK (chosen_via IN ('button', 'web', 'agent')),
  created_by uuid NOT NULL CONSTRAINT solution_offer_created_by_fkey REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  sent_at timestamptz,
  expires_at timestamptz
);
CREATE INDEX solution_offer_case_idx ON solution_offer (case_id, created_at);

-- Compensation: a request and, once given, a line of the ledger. Within the requester's limit it is
-- approved at once; above it (or beyond the team's monthly budget) it waits for a supervisor or an
-- admin other than the requester. `given_at` set: the customer has it (chosen in an offer or given
-- directly). Amounts in the currency's major unit.
CREATE TABLE compensation (
  id uuid NOT NULL CONSTRAINT compensation_pkey PRIMARY KEY,
  workspace_id uuid NOT NULL CONSTRAINT compensation_workspace_fkey REFERENCES workspace (id),
  case_id uuid NOT NULL CONSTRAINT compensation_case_fkey REFERENCES support_case (id) ON DELETE CASCADE,
  customer_id uuid CONSTRAINT compensation_customer_fkey REFERENCES customer (id) ON DELETE SET NULL,
  team_id uuid CONSTRAINT compensation_team_fkey REFERENCES team (id) ON DELETE SET NULL,
  offer_id uuid CONSTRAINT compensation_offer_fkey REFERENCES solution_offer (id) ON DELETE SET NULL,
  option_id text,
  type text NOT NULL,
  amount numeric(14, 2) NOT NULL DEFAULT 0 CONSTRAINT compensation_amount_check CHECK (amount >= 0),
  currency text NOT NULL,
  reason text NOT NULL,
  category text,
  product text,
  status text NOT NULL
    CONSTRAINT compensation_status_check
    CHECK (status IN ('pending_approval', 'approved', 'rejected', 'given', 'cancelled')),
  requested_by uuid NOT NULL CONSTRAINT compensation_requested_by_fkey REFERENCES app_user (id),
  requested_at timestamptz NOT NULL,
  decided_by uuid CONSTRAINT compensation_decided_by_fkey REFERENCES app_user (id),
  decided_at timestamptz,
  decision_reason text,
  given_at timestamptz,
  CONSTRAINT compensation_not_self_approved CHECK (decided_by IS NULL OR decided_by <> requested_by)
);
CREATE INDEX compensation_case_idx ON compensation (case_id);
CREATE INDEX compensation_pending_idx ON compensation (workspace_id, requested_at) WHERE status = 'pending_approval';
CREATE INDEX compensation_ledger_idx ON compensation (workspace_id, given_at) WHERE given_at IS NOT NULL;
CREATE INDEX compensation_customer_idx ON compensation (customer_id) WHERE given_at IS NOT NULL;

-- Satisfaction follow-up: scheduled when a case is resolved, sent on its channel (buttons where the
-- platform has them, else a signed link), answered once, expired after the workspace's days.
CREATE TABLE satisfaction_survey (
  id uuid NOT NULL CONSTRAINT satisfaction_survey_pkey PRIMARY KEY,
  workspace_id uuid NOT NULL CONSTRAINT satisfaction_survey_workspace_fkey REFERENCES workspace (id),
  case_id uuid NOT NULL CONSTRAINT satisfaction_survey_case_fkey REFERENCES support_case (id) ON DELETE CASCADE,
  customer_id uuid CONSTRAINT satisfaction_survey_customer_fkey REFERENCES customer (id) ON DELETE SET NULL,
  assignee_id uuid CONSTRAINT satisfaction_survey_assignee_fkey REFERENCES app_user (id) ON DELETE SET NULL,
  team_id uuid CONSTRAINT satisfaction_survey_team_fkey REFERENCES team (id) ON DELETE SET NULL,
  channel text NOT NULL,
  status text NOT NULL
    CONSTRAINT satisfaction_survey_status_check
    CHECK (status IN ('scheduled', 'sent', 'answered', 'expired', 'cancelled')),
  send_at timestamptz NOT NULL,
  sent_at timestamptz,
  expires_at timestamptz,
  answered_at timestamptz,
  rating smallint CONSTRAINT satisfaction_survey_rating_check CHECK (rating BETWEEN 1 AND 5),
  nps smallint CONSTRAINT satisfaction_survey_nps_check CHECK (nps BETWEEN 0 AND 10),
  comment text,
  answered_via text CONSTRAINT satisfaction_survey_answered_via_check CHECK (answered_via IN ('button', 'web')),
  created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX satisfaction_survey_active_key ON satisfaction_survey (case_id)
  WHERE status IN ('scheduled', 'sent');
CREATE INDEX satisfaction_survey_due_idx ON satisfaction_survey (send_at) WHERE status = 'scheduled';
CREATE INDEX satisfaction_survey_expiry_idx ON satisfaction_survey (expires_at) WHERE status = 'sent';
CREATE INDEX satisfaction_survey_answered_idx ON satisfaction_survey (workspace_id, answered_at)
  WHERE status = 'answered';

-- The moderation queue: a message classified as abuse or spam, or marked by an agent. Decisions:
-- hidden on the platform, the identity blocked, or "not a complaint"; `kept` returns it to the case.
-- Every decision is audited and can be undone (status back to `open`).
CREATE TABLE moderation_item (
  id uuid NOT NULL CONSTRAINT moderation_item_pkey PRIMARY KEY,
  workspace_id uuid NOT NULL CONSTRAINT moderation_item_workspace_fkey REFERENCES workspace (id),
  message_id uuid NOT NULL CONSTRAINT moderation_item_message_fkey REFERENCES message (id) ON DELETE CASCADE,
  case_id uuid NOT NULL CONSTRAINT moderation_item_case_fkey REFERENCES support_case (id) ON DELETE CASCADE,
  label text NOT NULL CONSTRAINT moderation_item_label_check CHECK (label IN ('abuse', 'spam')),
  source text NOT NULL CONSTRAINT moderation_item_source_check CHECK (source IN ('triage', 'agent')),
  status text NOT NULL DEFAULT 'open'
    CONSTRAINT moderation_item_status_check CHECK (status IN ('open', 'hidden', 'blocked', 'not_complaint', 'kept')),
  reason text,
  decided_by uuid CONSTRAINT moderation_item_decided_by_fkey REFERENCES app_user (id) ON DELETE SET NULL,
  decided_at timestamptz,
  created_at timestamptz NOT NULL,
  CONSTRAINT moderation_item_message_key UNIQUE (message_id)
);
CREATE INDEX moderation_item_open_idx ON moderation_item (workspace_id, created_at) WHERE status = 'open';

-- A blocked identity: its new messages are kept (never lost) but open no case and notify no one.
ALTER TABLE customer_identity
  ADD COLUMN blocked_at timestamptz,
  ADD COLUMN blocked_reason text;

-- Success stories: a well-solved case the customer agreed to share. Consent is asked on their
-- channel; the story (problem, what was done, the customer's words) is anonymised unless they agree
-- to be named.
CREATE TABLE success_story (
  id uuid NOT NULL CONSTRAINT success_story_pkey PRIMARY KEY,
  workspace_id uuid NOT NULL CONSTRAINT success_story_workspace_fkey REFERENCES workspace (id),
  case_id uuid NOT NULL CONSTRAINT success_story_case_fkey REFERENCES support_case (id) ON DELETE CASCADE,
  status text NOT NULL DEFAULT 'candidate'
    CONSTRAINT success_story_status_check
    CHECK (status IN ('candidate', 'consent_requested', 'consented', 'declined')),
  problem text NOT NULL DEFAULT '',
  resolution text NOT NULL DEFAULT '',
  customer_words text NOT NULL DEFAULT '',
  is_anonymous boolean NOT NULL DEFAULT true,
  consent_requested_at timestamptz,
  consent_at timestamptz,
  consent_via text CONSTRAINT success_story_consent_via_check CHECK (consent_via IN ('button', 'web')),
  created_by uuid CONSTRAINT success_story_created_by_fkey REFERENCES app_user (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT success_story_case_key UNIQUE (case_id)
);
