-- Channel errors a person can read in Arabic or English (issue 6): beside each English last error,
-- its Arabic text and a stable code (window_closed, auth, rate_limited …), and a log per social
-- account and per mailbox of what went wrong, newest first, 50 kept per account.

ALTER TABLE outbox
  ADD COLUMN last_error_ar text,
  ADD COLUMN last_error_code text;

ALTER TABLE channel_account
  ADD COLUMN last_error_ar text,
  ADD COLUMN last_error_code text;

ALTER TABLE mailbox
  ADD COLUMN last_error_ar text,
  ADD COLUMN last_error_code text;

-- One failure of a social account (webhook, send, poll, test) or of a mailbox. The same failure
-- again within a minute (a platform retrying a badly signed webhook) adds to `occurrences` instead of
-- a row. `detail`: what it was about, e.g. {"referenceNumber", "messageId"} of a failed send.
CREATE TABLE channel_error (
  id uuid NOT NULL CONSTRAINT channel_error_pkey PRIMARY KEY,
  workspace_id uuid NOT NULL CONSTRAINT channel_error_workspace_fkey REFERENCES workspace (id),
  channel_account_id uuid
    CONSTRAINT channel_error_channel_account_fkey REFERENCES channel_account (id) ON DELETE CASCADE,
  mailbox_id uuid CONSTRAINT channel_error_mailbox_fkey REFERENCES mailbox (id) ON DELETE CASCADE,
  occurred_at timestamptz NOT NULL,
  source text NOT NULL
    CONSTRAINT channel_error_source_check CHECK (source IN ('webhook', 'send', 'poll', 'test', 'mailbox')),
  code text NOT NULL,
  text_en text NOT NULL,
  text_ar text NOT NULL,
  detail jsonb,
  occurrences integer NOT NULL DEFAULT 1,
  CONSTRAINT channel_error_owner_check CHECK ((channel_account_id IS NULL) <> (mailbox_id IS NULL))
);
CREATE INDEX channel_error_channel_account_idx ON channel_error (channel_account_id, occurred_at DESC)
  WHERE channel_account_id IS NOT NULL;
CREATE INDEX channel_error_mailbox_idx ON channel_error (mailbox_id, occurred_at DESC)
  WHERE mailbox_id IS NOT NULL;
