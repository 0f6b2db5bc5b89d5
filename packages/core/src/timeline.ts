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
  /** Satisfaction survey: sent to the customer, answered (rating, comment), a low score, expired (case closed). */
  'survey.sent',
  'survey.answered',
  'survey.low_score',
  'survey.expired',
  /** Resolution plan: a step added or changed; a step past its due time; the customer told of progress; the update period set. */
  'plan.step_added',
  'plan.step_changed',
  'plan.step_overdue',
  'plan.customer_updated',
  'plan.updates_set',
  /** Solution offers: made (sent or waiting for approval), sent to the customer, chosen, withdrawn, rejected, expired. */
  'offer.created',
  'offer.sent',
  'offer.chosen',
  'offer.withdrawn',
  'offer.rejected',
  'offer.expired',
  /** Compensation: requested (above a limit: waits), approved, rejected, given, cancelled. */
  'compensation.requested',
  'compensation.approved',
  'compensation.rejected',
  'compensation.given',
  'compensation.cancelled',
  /** Moderation: a message queued as abuse or spam, a decision on it (hide, block, not a complaint, keep), undone; a blocked author's message kept without opening a case. */
  'moderation.queued',
  'moderation.decided',
  'moderation.undone',
  'moderation.message_withheld',
  /** Success story: marked as a candidate, the customer asked for consent, consented, declined (or withdrew). */
  'story.marked',
  'story.consent_requested',
  'story.consented',
  'story.declined',
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
