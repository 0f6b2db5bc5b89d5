-- Problem management (issue 9): a problem gathers the complaints that share one cause, records the
-- root cause, the corrective actions (owner, deadline, status) and notes, and when it is closed may
-- tell each linked case's customer that the cause was fixed. A case belongs to one problem at most.
CREATE TABLE problem (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL CONSTRAINT problem_workspace_fkey REFERENCES workspace (id),
  title text NOT NULL,
  root_cause text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'open'
    CONSTRAINT problem_status_check CHECK (status IN ('open', 'investigating', 'closed')),
  owner_user_id uuid CONSTRAINT problem_owner_fkey REFERENCES app_user (id),
  -- 'cases' (picked in the inbox) or 'issue' (an emerging issue, whose label terms are kept).
  source text NOT NULL CONSTRAINT problem_source_check CHECK (source IN ('cases', 'issue')),
  issue_terms jsonb NOT NULL DEFAULT '[]',
  created_by uuid CONSTRAINT problem_created_by_fkey REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  closed_at timestamptz,
  closed_by uuid CONSTRAINT problem_closed_by_fkey REFERENCES app_user (id)
);
CREATE INDEX problem_workspace_updated_idx ON problem (workspace_id, updated_at DESC);

CREATE TABLE problem_case (
  workspace_id uuid NOT NULL CONSTRAINT problem_case_workspace_fkey REFERENCES workspace (id),
  problem_id uuid NOT NULL CONSTRAINT problem_case_problem_fkey REFERENCES problem (id),
  case_id uuid NOT NULL CONSTRAINT problem_case_case_fkey REFERENCES support_case (id),
  linked_by uuid CONSTRAINT problem_case_linked_by_fkey REFERENCES app_user (id),
  linked_at timestamptz NOT NULL,
  -- Set in the transaction that queued "the cause was fixed" for this case: it is never sent twice.
  notified_at timestamptz,
  notified_message_id uuid,
  CONSTRAINT problem_case_pkey PRIMARY KEY (problem_id, case_id),
  CONSTRAINT problem_case_case_key UNIQUE (workspace_id, case_id)
);

CREATE TABLE problem_action (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL CONSTRAINT problem_action_workspace_fkey REFERENCES workspace (id),
  problem_id uuid NOT NULL CONSTRAINT problem_action_problem_fkey REFERENCES problem (id),
  title text NOT NULL,
  owner_user_id uuid CONSTRAINT problem_action_owner_fkey REFERENCES app_user (id),
  due_at timestamptz,
  status text NOT NULL DEFAULT 'todo'
    CONSTRAINT problem_action_status_check CHECK (status IN ('todo', 'in_progress', 'done', 'cancelled')),
  completed_at timestamptz,
  created_by uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX problem_action_problem_idx ON problem_action (problem_id, created_at);

CREATE TABLE problem_note (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL CONSTRAINT problem_note_workspace_fkey REFERENCES workspace (id),
  problem_id uuid NOT NULL CONSTRAINT problem_note_problem_fkey REFERENCES problem (id),
  body text NOT NULL,
  author_user_id uuid CONSTRAINT problem_note_author_fkey REFERENCES app_user (id),
  created_at timestamptz NOT NULL
);
CREATE INDEX problem_note_problem_idx ON problem_note (problem_id, created_at);
