-- The owned channels: the public complaint form, the case status page, the live-chat widget and
-- e-mail. Files customers send, the outbox that carries replies out, IMAP mailboxes, and the
-- attempts the public endpoints count per address.

-- Form, e-mail, chat and acknowledgement settings ({} = the defaults of packages/core).
ALTER TABLE workspace ADD COLUMN channel_settings jsonb NOT NULL DEFAULT '{}';

-- A live chat that started while no agent was online goes on by e-mail.
ALTER TABLE support_case ADD COLUMN is_followed_by_email boolean NOT NULL DEFAULT false;

-- Sada wrote it itself (an acknowledgement), not a person: never a first response.
ALTER TABLE message ADD COLUMN is_automatic boolean NOT NULL DEFAULT false;

-- Files kept in the database: written in the transaction of their message, so a message never
-- points at a file that is not there, and backups hold everything.
CREATE TABLE stored_file (
  id uuid NOT NULL CONSTRAINT stored_file_pkey PRIMARY KEY,
  workspace_id uuid NOT NULL CONSTRAINT stored_file_workspace_fkey REFERENCES workspace (id),
  case_id uuid NOT NULL CONSTRAINT stored_file_case_fkey REFERENCES support_case (id),
  message_id uuid NOT NULL CONSTRAINT stored_file_message_fkey REFERENCES message (id),
  name text NOT NULL,
  content_type text NOT NULL,
  size integer NOT NULL CONSTRAINT stored_file_size_check CHECK (size >= 0),
  sha256 text NOT NULL,
  content bytea NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX stored_file_message_idx ON stored_file (message_id);
CREATE INDEX stored_file_case_idx ON stored_file (case_id);

-- What must leave through a channel: one row per outbound message, written in the message's
-- transaction. The delivery worker takes due rows, sends, and records the outcome; a failure is
-- retried with backoff until it is permanent, and stays visible on the message.
CREATE TABLE outbox (
  message_id uuid NOT NULL CONSTRAINT outbox_pkey PRIMARY KEY
    CONSTRAINT outbox_message_fkey REFERENCES message (id),
  workspace_id uuid NOT NULL CONSTRAINT outbox_workspace_fkey REFERENCES workspace (id),
  channel text NOT NULL,
  recipient text NOT NULL,
  subject text NOT NULL,
  status text NOT NULL CONSTRAINT outbox_status_check CHECK (status IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  last_error text,
  sent_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE status = 'pending';

-- IMAP mailboxes read for new mail; the password is sealed by the server's secret key.
CREATE TABLE mailbox (
  id uuid NOT NULL CONSTRAINT mailbox_pkey PRIMARY KEY,
  workspace_id uuid NOT NULL CONSTRAINT mailbox_workspace_fkey REFERENCES workspace (id),
  host text NOT NULL,
  port integer NOT NULL,
  is_secure boolean NOT NULL,
  username text NOT NULL,
  sealed_password text NOT NULL,
  folder text NOT NULL,
  is_enabled boolean NOT NULL DEFAULT true,
  uid_validity text,
  last_uid bigint NOT NULL DEFAULT 0,
  last_polled_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL
);
CREATE INDEX mailbox_workspace_idx ON mailbox (workspace_id, created_at);

-- Requests to the public endpoints (complaints, status look-ups, chats), counted per address.
CREATE TABLE public_attempt (
  id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT public_attempt_pkey PRIMARY KEY,
  bucket text NOT NULL,
  ip text NOT NULL,
  attempted_at timestamptz NOT NULL
);
CREATE INDEX public_attempt_bucket_idx ON public_attempt (bucket, ip, attempted_at);
CREATE INDEX public_attempt_time_idx ON public_attempt (attempted_at);
