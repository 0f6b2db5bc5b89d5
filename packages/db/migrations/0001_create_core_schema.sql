-- The case engine: workspaces, people, customers, cases, messages and the append-only timeline.

CREATE FUNCTION sada_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are append-only: they are never updated or deleted', TG_TABLE_NAME;
END
$$;

-- Search documents arrive normalised (Arabic letter folding, digits, diacritics) by the application;
-- each is indexed with the simple, Arabic and English configurations so either stemming matches.
CREATE FUNCTION sada_search_vector(doc text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsvector('simple'::regconfig, doc) || to_tsvector('arabic'::regconfig, doc) || to_tsvector('english'::regconfig, doc)
$$;

-- The same three readings of the query, each kept once: for a number or a word no stemmer changes,
-- the readings are identical, and repeating them would triple the planner's estimate of the hits.
CREATE FUNCTION sada_search_query(query text) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN a = s AND e = s THEN s
    WHEN a = s THEN s || e
    WHEN e = s OR e = a THEN s || a
    ELSE s || a || e
  END
  FROM (SELECT websearch_to_tsquery('simple'::regconfig, query) AS s,
               websearch_to_tsquery('arabic'::regconfig, query) AS a,
               websearch_to_tsquery('english'::regconfig, query) AS e) AS readings
$$;

CREATE TABLE workspace (
  id uuid NOT NULL CONSTRAINT workspace_pkey PRIMARY KEY,
  slug text NOT NULL CONSTRAINT workspace_slug_key UNIQUE,
  name text NOT NULL,
  reference_prefix text NOT NULL,
  default_language text NOT NULL DEFAULT 'ar',
  time_zone text NOT NULL DEFAULT 'Asia/Riyadh',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app_user (
  id uuid NOT NULL CONSTRAINT app_user_pkey PRIMARY KEY,
  workspace_id uuid NOT NULL CONSTRAINT app_user_workspace_fkey REFERENCES workspace (id),
  email text NOT NULL,
  name text NOT NULL,
  role text NOT NULL,
  password_hash text NOT NULL,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT app_user_workspace_email_key UNIQUE (workspace_id, email)
);

CREATE TABLE team (
  id uuid NOT NULL CONSTRAINT team_pkey PRIMARY KEY,
  workspace_id uuid NOT NULL CONSTRAINT team_workspace_fkey REFERENCES workspace (id),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT team_workspace_name_key UNIQUE (workspace_id, name)
);

CREATE TABLE team_member (
  team_id uuid NOT NULL CONSTRAINT team_member_team_fkey REFERENCES team (id) ON DELETE CASCADE,
  user_id uuid NOT NULL CONSTRAINT team_member_user_fkey REFERENCES app_user (id) ON DELETE CASCADE,
  CONSTRAINT team_member_pkey PRIMARY KEY (team_id, user_id)
);

CREATE TABLE user_session (
  token_hash text NOT NULL CONSTRAINT user_session_pkey PRIMARY KEY,
  user_id uuid NOT NULL CONSTRAINT user_session_user_fkey REFERENCES app_user (id) ON DELETE CASCADE,
  workspace_id uuid NOT NULL CONSTRAINT user_session_workspace_fkey REFERENCES workspace (id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX user_session_expires_at_idx ON user_session (expires_at);

CREATE TABLE api_token (
  id uuid NOT NULL CONSTRAINT api_token_pkey PRIMARY KEY,
  workspace_id uuid NOT NULL CONSTRAINT api_token_workspace_fkey REFERENCES workspace (id),
  user_id uuid NOT NULL CONSTRAINT api_token_user_fkey REFERENCES app_user (id) ON DELETE CASCADE,
  name text NOT NULL,
  token_hash text NOT NULL CONSTRAINT api_token_token_hash_key UNIQUE,
  token_hint text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

CREATE TABLE login_attempt (
  id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT login_attempt_pkey PRIMARY KEY,
  account text NOT NULL,
  ip text NOT NULL,
  is_success boolean NOT NULL,
  attempted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempt_account_idx ON login_attempt (account, attempted_at);
CREATE INDEX login_attempt_ip_idx ON login_attempt (ip, attempted_at);

CREATE TABLE field_definition (
  id uuid NOT NULL CONSTRAINT field_definition_pkey PRIMARY KEY,
  workspace_id uuid NOT NULL CONSTRAINT field_definition_workspace_fkey REFERENCES workspace (id),
  key text NOT NULL,
  label_ar text NOT NULL,
  label_en text NOT NULL,
  type text NOT NULL,
  is_required boolean NOT NULL DEFAULT false,
  is_active boolean NOT NULL DEFAULT true,
  options jsonb NOT NULL DEFAULT '[]',
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT field_definition_workspace_key_key UNIQUE (workspace_id, key)
);

CREATE TABLE customer (
  id uuid NOT NULL CONSTRAINT customer_pkey PRIMARY KEY,
  workspace_id uuid NOT NULL CONSTRAINT customer_workspace_fkey REFERENCES workspace (id),
  name text NOT NULL,
  email text,
  phone text,
  language text,
  tags text[] NOT NULL DEFAULT '{}',
  notes text NOT NULL DEFAULT '',
  merged_into_id uuid CONSTRAINT customer_merged_into_fkey REFERENCES customer (id),
  search_text text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customer_workspace_created_idx ON customer (workspace_id, created_at DESC, id DESC);

CREATE TABLE customer_identity (
  id uuid NOT NULL CONSTRAINT customer_identity_pkey PRIMARY KEY,
  workspace_id uuid NOT NULL CONSTRAINT customer_identity_workspace_fkey REFERENCES workspace (id),
  customer_id uuid NOT NULL CONSTRAINT customer_identity_customer_fkey REFERENCES customer (id),
  channel text NOT NULL,
  external_id text NOT NULL,
  handle text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT customer_identity_channel_external_id_key UNIQUE (workspace_id, channel, external_id)
);
CREATE INDEX customer_identity_customer_idx ON customer_identity (customer_id);

CREATE TABLE case_counter (
  workspace_id uuid NOT NULL CONSTRAINT case_counter_workspace_fkey REFERENCES workspace (id),
  year integer NOT NULL,
  last_value integer NOT NULL,
  CONSTRAINT case_counter_pkey PRIMARY KEY (workspace_id, year)
);

CREATE TABLE support_case (
  id uuid NOT NULL CONSTRAINT support_case_pkey PRIMARY KEY,
  workspace_id uuid NOT NULL CONSTRAINT support_case_workspace_fkey REFERENCES workspace (id),
  reference_number text NOT NULL,
  subject text NOT NULL,
  description text NOT NULL DEFAULT '',
  status text NOT NULL,
  channel text NOT NULL,
  kind text NOT NULL,
  category text,
  product text,
  order_reference text,
  region text,
  priority text NOT NULL,
  sentiment text,
  language text,
  team_id uuid CONSTRAINT support_case_team_fkey REFERENCES team (id),
  assignee_id uuid CONSTRAINT support_case_assignee_fkey REFERENCES app_user (id),
  customer_id uuid CONSTRAINT support_case_customer_fkey REFERENCES customer (id),
  tags text[] NOT NULL DEFAULT '{}',
  custom_fields jsonb NOT NULL DEFAULT '{}',
  search_vector tsvector NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  resolved_at timestamptz,
  closed_at timestamptz,
  CONSTRAINT support_case_workspace_reference_key UNIQUE (workspace_id, reference_number)
);
CREATE INDEX support_case_created_idx ON support_case (workspace_id, created_at DESC, id DESC);
CREATE INDEX support_case_status_created_idx ON support_case (workspace_id, status, created_at DESC, id DESC);
CREATE INDEX support_case_team_status_created_idx ON support_case (workspace_id, team_id, status, created_at DESC, id DESC);
CREATE INDEX support_case_assignee_status_created_idx ON support_case (workspace_id, assignee_id, status, created_at DESC, id DESC);
CREATE INDEX support_case_customer_idx ON support_case (customer_id);
CREATE INDEX support_case_tags_idx ON support_case USING gin (tags);
CREATE INDEX support_case_search_idx ON support_case USING gin (search_vector);

CREATE TABLE message (
  id uuid NOT NULL CONSTRAINT message_pkey PRIMARY KEY,
  workspace_id uuid NOT NULL CONSTRAINT message_workspace_fkey REFERENCES workspace (id),
  case_id uuid NOT NULL CONSTRAINT message_case_fkey REFERENCES support_case (id),
  direction text NOT NULL,
  visibility text NOT NULL,
  channel text NOT NULL,
  body text NOT NULL,
  author_user_id uuid CONSTRAINT message_author_user_fkey REFERENCES app_user (id),
  author_customer_id uuid CONSTRAINT message_author_customer_fkey REFERENCES customer (id),
  external_id text,
  attachments jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL,
  CONSTRAINT message_channel_external_id_key UNIQUE (workspace_id, channel, external_id)
);
CREATE INDEX message_case_created_idx ON message (case_id, created_at, id);

CREATE TABLE case_event (
  id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT case_event_pkey PRIMARY KEY,
  workspace_id uuid NOT NULL CONSTRAINT case_event_workspace_fkey REFERENCES workspace (id),
  case_id uuid NOT NULL CONSTRAINT case_event_case_fkey REFERENCES support_case (id),
  type text NOT NULL,
  actor_user_id uuid CONSTRAINT case_event_actor_fkey REFERENCES app_user (id),
  actor_label text NOT NULL,
  changes jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL
);
CREATE INDEX case_event_case_idx ON case_event (case_id, id);
CREATE TRIGGER case_event_append_only BEFORE UPDATE OR DELETE ON case_event
  FOR EACH ROW EXECUTE FUNCTION sada_forbid_change();

CREATE TABLE audit_record (
  id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT audit_record_pkey PRIMARY KEY,
  workspace_id uuid NOT NULL CONSTRAINT audit_record_workspace_fkey REFERENCES workspace (id),
  actor_user_id uuid CONSTRAINT audit_record_actor_fkey REFERENCES app_user (id),
  action text NOT NULL,
  subject_type text NOT NULL,
  subject_id uuid NOT NULL,
  details jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL
);
CREATE INDEX audit_record_subject_idx ON audit_record (workspace_id, subject_type, subject_id);
CREATE TRIGGER audit_record_append_only BEFORE UPDATE OR DELETE ON audit_record
  FOR EACH ROW EXECUTE FUNCTION sada_forbid_change();

CREATE TABLE idempotency_key (
  workspace_id uuid NOT NULL CONSTRAINT idempotency_key_workspace_fkey REFERENCES workspace (id),
  user_id uuid NOT NULL CONSTRAINT idempotency_key_user_fkey REFERENCES app_user (id) ON DELETE CASCADE,
  key text NOT NULL,
  fingerprint text NOT NULL,
  status_code integer,
  response_body jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT idempotency_key_pkey PRIMARY KEY (workspace_id, user_id, key)
);
CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at);
