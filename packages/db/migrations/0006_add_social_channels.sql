-- Social channels: the accounts a workspace connects (a Facebook Page, an Instagram account, a
-- WhatsApp number, a Telegram bot, an X account), their sealed credentials, and what a case needs to
-- answer on the platform (which account, which conversation).

CREATE TABLE channel_account (
  id uuid NOT NULL CONSTRAINT channel_account_pkey PRIMARY KEY,
  workspace_id uuid NOT NULL CONSTRAINT channel_account_workspace_fkey REFERENCES workspace (id),
  kind text NOT NULL
    CONSTRAINT channel_account_kind_check CHECK (kind IN ('facebook', 'instagram', 'whatsapp', 'telegram', 'x')),
  name text NOT NULL,
  -- The platform's id of the account (page id, Instagram account id, phone-number id, X user id;
  -- for Telegram the bot's id from its token): a webhook names it, and it picks the channel.
  account_id text NOT NULL,
  sealed_credentials text NOT NULL,
  verify_token text,
  is_enabled boolean NOT NULL DEFAULT true,
  -- X accounts without webhook access: their mentions are read every minute from since_id on.
  is_polling boolean NOT NULL DEFAULT false,
  poll_since_id text,
  last_event_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL,
  CONSTRAINT channel_account_kind_account_key UNIQUE (kind, account_id)
);
CREATE INDEX channel_account_workspace_idx ON channel_account (workspace_id, created_at);

-- Which account a case came through and its conversation there (a chat, or one author's comments on
-- one post), so that a reply goes back the same way and a new message finds its case.
ALTER TABLE support_case
  ADD COLUMN channel_account_id uuid CONSTRAINT support_case_channel_account_fkey REFERENCES channel_account (id),
  ADD COLUMN conversation_key text,
  -- "Move to private": when the public invitation went out, and when the customer wrote privately.
  ADD COLUMN moved_private_at timestamptz,
  ADD COLUMN private_accepted_at timestamptz;

-- A public comment an agent hid on the platform, with the reason ({isHidden, reason, note, userId, at}).
ALTER TABLE message ADD COLUMN moderation jsonb;
CREATE INDEX support_case_conversation_idx ON support_case (channel_account_id, conversation_key, created_at DESC)
  WHERE conversation_key IS NOT NULL;

-- A social outbound message: what to do (public reply, private message, private reply to a comment)
-- and what the platform last said of it (delivered, read).
ALTER TABLE outbox
  ADD COLUMN action text,
  ADD COLUMN platform_status text;
