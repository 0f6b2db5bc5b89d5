-- What the agent console needs: a language per user, reply templates, saved views and notifications.

-- NULL: the user reads Sada in the workspace's default language.
ALTER TABLE app_user ADD COLUMN language text
  CONSTRAINT app_user_language_check CHECK (language IN ('ar', 'en'));

CREATE TABLE reply_template (
  id uuid NOT NULL CONSTRAINT reply_template_pkey PRIMARY KEY,
  workspace_id uuid NOT NULL CONSTRAINT reply_template_workspace_fkey REFERENCES workspace (id),
  name text NOT NULL,
  body_ar text NOT NULL DEFAULT '',
  body_en text NOT NULL DEFAULT '',
  created_by uuid CONSTRAINT reply_template_created_by_fkey REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT reply_template_workspace_name_key UNIQUE (workspace_id, name),
  CONSTRAINT reply_template_body_check CHECK (body_ar <> '' OR body_en <> '')
);

-- owner_id NULL: shared with the whole workspace. Filters are the case list's, as the API parsed them.
CREATE TABLE saved_view (
  id uuid NOT NULL CONSTRAINT saved_view_pkey PRIMARY KEY,
  workspace_id uuid NOT NULL CONSTRAINT saved_view_workspace_fkey REFERENCES workspace (id),
  owner_id uuid CONSTRAINT saved_view_owner_fkey REFERENCES app_user (id) ON DELETE CASCADE,
  name text NOT NULL,
  filters jsonb NOT NULL DEFAULT '{}',
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL
);
CREATE INDEX saved_view_workspace_owner_idx ON saved_view (workspace_id, owner_id, position);

CREATE TABLE notification (
  id uuid NOT NULL CONSTRAINT notification_pkey PRIMARY KEY,
  workspace_id uuid NOT NULL CONSTRAINT notification_workspace_fkey REFERENCES workspace (id),
  user_id uuid NOT NULL CONSTRAINT notification_user_fkey REFERENCES app_user (id) ON DELETE CASCADE,
  type text NOT NULL,
  case_id uuid NOT NULL CONSTRAINT notification_case_fkey REFERENCES support_case (id),
  message_id uuid CONSTRAINT notification_message_fkey REFERENCES message (id),
  actor_user_id uuid CONSTRAINT notification_actor_fkey REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  read_at timestamptz
);
CREATE INDEX notification_user_created_idx ON notification (user_id, created_at DESC, id DESC);
CREATE INDEX notification_user_unread_idx ON notification (user_id) WHERE read_at IS NULL;
