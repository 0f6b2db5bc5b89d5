-- Triage: what the classifier made of each case and inbound message, the fields people set (which
-- triage then leaves alone), agents' corrections and the workspace adaptation learnt from them, and
-- the workspace's triage and assistant settings.

-- NULL triaged_at: waiting for the triage worker. A case's own text (subject and description) is read
-- once; each inbound message once. The partial indexes are the worker's queue: they hold only what
-- waits, so they stay small however many cases there are.
ALTER TABLE support_case
  ADD COLUMN triage jsonb,
  ADD COLUMN triaged_at timestamptz,
  ADD COLUMN triage_locked text[] NOT NULL DEFAULT '{}';
CREATE INDEX support_case_triage_pending_idx ON support_case (created_at, id) WHERE triaged_at IS NULL;

ALTER TABLE message
  ADD COLUMN triage jsonb,
  ADD COLUMN triaged_at timestamptz;
CREATE INDEX message_triage_pending_idx ON message (created_at, id)
  WHERE triaged_at IS NULL AND direction = 'inbound';

-- Cases and messages stored before triage existed are not queued: a deployment upgrading with a
-- million cases should not spend its first hours classifying history.
UPDATE support_case SET triaged_at = created_at;
UPDATE message SET triaged_at = created_at WHERE direction = 'inbound';

-- An agent changed the kind or category triage had given: the text, what triage said, what is right.
CREATE TABLE triage_correction (
  id uuid NOT NULL CONSTRAINT triage_correction_pkey PRIMARY KEY,
  workspace_id uuid NOT NULL CONSTRAINT triage_correction_workspace_fkey REFERENCES workspace (id),
  case_id uuid NOT NULL CONSTRAINT triage_correction_case_fkey REFERENCES support_case (id),
  message_id uuid CONSTRAINT triage_correction_message_fkey REFERENCES message (id),
  text text NOT NULL,
  field text NOT NULL CONSTRAINT triage_correction_field_check CHECK (field IN ('kind', 'category')),
  predicted text NOT NULL,
  corrected text NOT NULL,
  user_id uuid CONSTRAINT triage_correction_user_fkey REFERENCES app_user (id),
  created_at timestamptz NOT NULL
);
CREATE INDEX triage_correction_workspace_idx ON triage_correction (workspace_id, created_at);

-- The model's adaptation to one workspace, learnt from its corrections (sada triage retrain).
CREATE TABLE triage_adaptation (
  workspace_id uuid NOT NULL CONSTRAINT triage_adaptation_pkey PRIMARY KEY
    CONSTRAINT triage_adaptation_workspace_fkey REFERENCES workspace (id),
  overlay jsonb NOT NULL,
  corrections integer NOT NULL,
  gain jsonb NOT NULL,
  trained_at timestamptz NOT NULL
);

-- Categories and priority rules ({} = the defaults); the assistant's endpoint, model and encrypted key.
ALTER TABLE workspace
  ADD COLUMN triage_settings jsonb NOT NULL DEFAULT '{}',
  ADD COLUMN assistant_settings jsonb NOT NULL DEFAULT '{}';
