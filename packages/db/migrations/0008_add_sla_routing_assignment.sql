-- The response clock and the right desk (issue 7): business calendars, SLA policies and the clocks
-- they start on each case, routing rules, agents' availability, skills, capacity and shifts, and the
-- public live response time.

-- When a desk works. `hours` is a week of opening spans in the calendar's zone:
-- [{"day": 0..6 (0 = Sunday), "from": "08:00", "to": "20:00"}], `to` may be "24:00"; spans of one
-- day do not overlap. `holidays`: [{"date": "2026-12-02", "name": "National Day"}], whole days
-- closed. An always-open calendar ignores both.
CREATE TABLE business_calendar (
  id uuid NOT NULL CONSTRAINT business_calendar_pkey PRIMARY KEY,
  workspace_id uuid NOT NULL CONSTRAINT business_calendar_workspace_fkey REFERENCES workspace (id),
  name text NOT NULL,
  time_zone text NOT NULL,
  is_always_open boolean NOT NULL DEFAULT false,
  hours jsonb NOT NULL DEFAULT '[]',
  holidays jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT business_calendar_workspace_name_key UNIQUE (workspace_id, name)
);

-- The workspace's calendar (null: open around the clock) and a team's own (null: the workspace's).
ALTER TABLE workspace
  ADD COLUMN calendar_id uuid CONSTRAINT workspace_calendar_fkey REFERENCES business_calendar (id) ON DELETE SET NULL;

-- How a team's cases find an agent: manual, round_robin, least_open or skills. `last_assigned_user_id`
-- is round robin's place in the circle. `is_routing_notice_on`: the customer is told when a case
-- reaches the team.
ALTER TABLE team
  ADD COLUMN calendar_id uuid CONSTRAINT team_calendar_fkey REFERENCES business_calendar (id) ON DELETE SET NULL,
  ADD COLUMN assignment_mode text NOT NULL DEFAULT 'manual'
    CONSTRAINT team_assignment_mode_check CHECK (assignment_mode IN ('manual', 'round_robin', 'least_open', 'skills')),
  ADD COLUMN last_assigned_user_id uuid CONSTRAINT team_last_assigned_user_fkey REFERENCES app_user (id) ON DELETE SET NULL,
  ADD COLUMN is_routing_notice_on boolean NOT NULL DEFAULT true;

-- An agent's presence (online, away, offline), what they are good at
-- ({"languages": [], "channels": [], "categories": []}), how many open cases they take per channel
-- type ({"social": 8, "email": 15, "chat": 3}; a type left out has no limit), and their weekly
-- shifts in the workspace's zone ([{"day", "from", "to"}] as calendars; [] means no shift plan).
ALTER TABLE app_user
  ADD COLUMN availability text NOT NULL DEFAULT 'offline'
    CONSTRAINT app_user_availability_check CHECK (availability IN ('online', 'away', 'offline')),
  ADD COLUMN availability_changed_at timestamptz,
  ADD COLUMN skills jsonb NOT NULL DEFAULT '{}',
  ADD COLUMN capacity jsonb NOT NULL DEFAULT '{}',
  ADD COLUMN shifts jsonb NOT NULL DEFAULT '[]';

-- SLA policies, tried in `position` order; the first whose conditions all hold applies.
-- `conditions`: {"priorities": [], "channels": [], "kinds": [], "teamIds": [], "customerTags": []},
-- an empty or absent list matches anything. Targets are business minutes on the calendar (the
-- policy's, else the case team's, else the workspace's); null: no such target. `escalation`:
-- {"warnAtPercent": 75, "notifySupervisors": true, "raisePriority": true, "returnToQueue": false}.
CREATE TABLE sla_policy (
  id uuid NOT NULL CONSTRAINT sla_policy_pkey PRIMARY KEY,
  workspace_id uuid NOT NULL CONSTRAINT sla_policy_workspace_fkey REFERENCES workspace (id),
  name text NOT NULL,
  position integer NOT NULL,
  conditions jsonb NOT NULL DEFAULT '{}',
  first_response_minutes integer CONSTRAINT sla_policy_first_response_check CHECK (first_response_minutes > 0),
  next_response_minutes integer CONSTRAINT sla_policy_next_response_check CHECK (next_response_minutes > 0),
  update_minutes integer CONSTRAINT sla_policy_update_check CHECK (update_minutes > 0),
  resolution_minutes integer CONSTRAINT sla_policy_resolution_check CHECK (resolution_minutes > 0),
  calendar_id uuid CONSTRAINT sla_policy_calendar_fkey REFERENCES business_calendar (id) ON DELETE SET NULL,
  escalation jsonb NOT NULL DEFAULT '{}',
  is_enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT sla_policy_workspace_name_key UNIQUE (workspace_id, name)
);
CREATE INDEX sla_policy_workspace_idx ON sla_policy (workspace_id, position);

-- One clock per target of a case. A running clock has `running_since` and `due_at`; a paused one
-- (the case waits on the customer) has neither, and `consumed_seconds` keeps the business time
-- already spent, so a policy or calendar change recomputes `due_at` without losing it. A completed
-- clock keeps its due time and says when it was met. `breached_at`: when the escalation job saw it
-- pass due; `escalation_level`: 0 none, 1 warned, 2 escalated at breach (cleared on completion).
CREATE TABLE case_sla (
  case_id uuid NOT NULL CONSTRAINT case_sla_case_fkey REFERENCES support_case (id) ON DELETE CASCADE,
  target text NOT NULL
    CONSTRAINT case_sla_target_check CHECK (target IN ('first_response', 'next_response', 'update', 'resolution')),
  workspace_id uuid NOT NULL CONSTRAINT case_sla_workspace_fkey REFERENCES workspace (id),
  policy_id uuid NOT NULL CONSTRAINT case_sla_policy_fkey REFERENCES sla_policy (id) ON DELETE CASCADE,
  target_seconds integer NOT NULL,
  consumed_seconds integer NOT NULL DEFAULT 0,
  started_at timestamptz NOT NULL,
  running_since timestamptz,
  due_at timestamptz,
  completed_at timestamptz,
  breached_at timestamptz,
  escalation_level smallint NOT NULL DEFAULT 0,
  CONSTRAINT case_sla_pkey PRIMARY KEY (case_id, target)
);
-- The escalation job's queue: running clocks by due time.
CREATE INDEX case_sla_due_idx ON case_sla (due_at) WHERE completed_at IS NULL AND due_at IS NOT NULL;
CREATE INDEX case_sla_workspace_idx ON case_sla (workspace_id, due_at) WHERE completed_at IS NULL;

-- When the first reply by a person reached the customer's conversation (automatic replies do not
-- count): the live response time and the reports read it.
ALTER TABLE support_case ADD COLUMN first_response_at timestamptz;
UPDATE support_case AS c
SET first_response_at = (
  SELECT min(m.created_at) FROM message AS m
  WHERE m.case_id = c.id AND m.direction = 'outbound' AND NOT m.is_automatic AND m.author_user_id IS NOT NULL
);
CREATE INDEX support_case_first_response_idx ON support_case (workspace_id, channel, first_response_at)
  WHERE first_response_at IS NOT NULL;

-- Routing rules, tried in `position` order. `conditions`: {"kinds", "categories", "channels",
-- "languages", "products", "regions", "customerTags", "signals": [], "keywords": []} (all given lists
-- must match; within a list any value). `actions`: {"teamId", "priority", "addTags": []}.
-- `is_final`: stop after this rule when it matched.
CREATE TABLE routing_rule (
  id uuid NOT NULL CONSTRAINT routing_rule_pkey PRIMARY KEY,
  workspace_id uuid NOT NULL CONSTRAINT routing_rule_workspace_fkey REFERENCES workspace (id),
  name text NOT NULL,
  position integer NOT NULL,
  conditions jsonb NOT NULL DEFAULT '{}',
  actions jsonb NOT NULL DEFAULT '{}',
  is_final boolean NOT NULL DEFAULT false,
  is_enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT routing_rule_workspace_name_key UNIQUE (workspace_id, name)
);
CREATE INDEX routing_rule_workspace_idx ON routing_rule (workspace_id, position);

-- A case read by the router (null: waits for it, after triage).
ALTER TABLE support_case ADD COLUMN routed_at timestamptz;

-- The live response time per workspace and channel, recomputed every five minutes.
-- `window_hours`: 1, or 24 when the last hour had too few first responses.
CREATE TABLE response_time_snapshot (
  workspace_id uuid NOT NULL CONSTRAINT response_time_snapshot_workspace_fkey REFERENCES workspace (id),
  channel text NOT NULL,
  median_seconds integer,
  sample_size integer NOT NULL,
  window_hours integer NOT NULL,
  computed_at timestamptz NOT NULL,
  CONSTRAINT response_time_snapshot_pkey PRIMARY KEY (workspace_id, channel)
);
