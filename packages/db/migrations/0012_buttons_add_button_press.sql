-- Presses of Sada's buttons on social channels (issue 8): one row per press the platform delivered,
-- keyed by the platform's id of the press, so a retried webhook finds its row and is not dispatched
-- again. A press is not a customer message: it opens no case and restarts no clock.
CREATE TABLE button_press (
  channel_account_id uuid NOT NULL
    CONSTRAINT button_press_channel_account_fkey REFERENCES channel_account (id) ON DELETE CASCADE,
  delivery_key text NOT NULL,
  workspace_id uuid NOT NULL CONSTRAINT button_press_workspace_fkey REFERENCES workspace (id),
  kind text NOT NULL CONSTRAINT button_press_kind_check CHECK (kind IN ('offer', 'survey', 'story')),
  subject_id uuid NOT NULL,
  choice text NOT NULL,
  conversation_key text NOT NULL,
  received_at timestamptz NOT NULL,
  CONSTRAINT button_press_pkey PRIMARY KEY (channel_account_id, delivery_key)
);
CREATE INDEX button_press_subject_idx ON button_press (workspace_id, subject_id);
