/** What happened to a case. Events are appended, never changed. */
export const CASE_EVENT_TYPES = [
  'case.created',
  'case.updated',
  'case.status_changed',
  'case.assigned',
  'case.customer_changed',
  'message.added',
  'case.triaged',
  /** The customer edited or deleted a message on the platform: what it said before is kept here. */
  'message.edited',
  'message.deleted',
  /** An agent hid (or unhid) a customer's public comment on the platform, with the reason. */
  'message.moderated',
  /** Move to private: the public invitation went out; the customer then wrote privately. */
  'case.moved_to_private',
  'case.private_accepted',
  /** Routing rules matched: their names, and the team, priority or tags they changed. */
  'case.routed',
  /** SLA: a policy now applies (or another one); a clock neared or passed its due time; escalation cleared. */
  'sla.policy_applied',
  'sla.warned',
  'sla.breached',
  'sla.cleared',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

export type FieldChange = { before: unknown; after: unknown };

function isSame(before: unknown, after: unknown): boolean {
  return JSON.stringify(before ?? null) === JSON.stringify(after ?? null);
}

/** The fields of `patch` whose value differs from `current`, each with before and after. */
export function diffFields(
  current: Record<string, unknown>,
  patch: Record<string, unknown>,
): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const [field, after] of Object.entries(patch)) {
    if (after === undefined) continue;
    const before = current[field];
    if (!isSame(before, after)) changes[field] = { before: before ?? null, after };
  }
  return changes;
}
