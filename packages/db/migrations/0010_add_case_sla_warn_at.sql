-- When a running SLA clock reaches its policy's warning percentage (null: no warning, or not running),
-- so the escalation job finds clocks to warn about by an index, as it finds breached ones by due_at.
ALTER TABLE case_sla ADD COLUMN warn_at timestamptz;
CREATE INDEX case_sla_warn_idx ON case_sla (warn_at) WHERE completed_at IS NULL AND warn_at IS NOT NULL;
