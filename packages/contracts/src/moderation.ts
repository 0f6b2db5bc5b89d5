import { z } from 'zod';
import { localizedMessage, uuid } from './common.ts';

export const MODERATION_LABELS = ['abuse', 'spam'] as const;
export type ModerationLabel = (typeof MODERATION_LABELS)[number];
/** Who put the message in the queue: triage's reading or an agent. */
export const MODERATION_SOURCES = ['triage', 'agent'] as const;
/** An item's state: waiting for a decision, or the decision it carries now. */
export const MODERATION_STATUSES = ['open', 'hidden', 'blocked', 'not_complaint', 'kept'] as const;
export type ModerationStatus = (typeof MODERATION_STATUSES)[number];
/**
 * hide: hide the comment on the platform; block: block the author (their later messages are kept on
 * their latest case and open none) and close the case; not_complaint: close the case; keep: not abuse.
 */
export const MODERATION_DECISIONS = ['hide', 'block', 'not_complaint', 'keep'] as const;
export type ModerationDecision = (typeof MODERATION_DECISIONS)[number];

/** Why: required on every decision, mark and undo, so the audit trail explains itself. */
export const moderationReason = z
  .string({
    error: localizedMessage('Give a reason (1–500 characters).', 'اذكر السبب (من 1 إلى 500 حرف).'),
  })
  .trim()
  .min(1, { error: localizedMessage('Give a reason.', 'اذكر السبب.') })
  .max(500, {
    error: localizedMessage('Keep the reason under 500 characters.', 'اجعل السبب أقل من 500 حرف.'),
  });

/** An agent marks a customer's message as abuse or spam: it joins the moderation queue. */
export const markMessageRequest = z.strictObject({
  label: z.enum(MODERATION_LABELS),
  reason: moderationReason,
});
export type MarkMessageRequest = z.infer<typeof markMessageRequest>;

export const decideModerationRequest = z.strictObject({
  decision: z.enum(MODERATION_DECISIONS),
  reason: moderationReason,
});
export type DecideModerationRequest = z.infer<typeof decideModerationRequest>;

export const undoModerationRequest = z.strictObject({ reason: moderationReason });

export const moderationQuery = z.object({
  status: z.enum(['open', 'decided', 'all']).default('open'),
  label: z.enum(MODERATION_LABELS).optional(),
});

/** One step of an item's history: marked, a decision, or an undo. */
export const moderationHistoryEntry = z
  .object({
    action: z.enum(['queued', 'decided', 'undone']),
    decision: z.enum(MODERATION_DECISIONS).nullable(),
    reason: z.string().nullable(),
    actorName: z.string().nullable().describe('null: Sada (triage)'),
    at: z.date(),
  })
  .meta({ id: 'ModerationHistoryEntry' });

/** A message in the moderation queue, with what a moderator needs to decide. */
export const moderationItem = z
  .object({
    id: uuid,
    label: z.enum(MODERATION_LABELS),
    source: z.enum(MODERATION_SOURCES),
    status: z.enum(MODERATION_STATUSES),
    reason: z.string().nullable().describe('The reason of the current decision, or of the mark'),
    createdAt: z.date(),
    decidedAt: z.date().nullable(),
    message: z.object({
      id: uuid,
      body: z.string(),
      visibility: z.enum(['public', 'private']),
      channel: z.string(),
      isHidden: z.boolean(),
      createdAt: z.date(),
    }),
    case: z.object({ id: uuid, referenceNumber: z.string(), kind: z.string(), status: z.string() }),
    author: z.object({
      name: z.string().nullable(),
      identity: z
        .object({
          channel: z.string(),
          externalId: z.string(),
          handle: z.string().nullable(),
          isBlocked: z.boolean(),
        })
        .nullable(),
    }),
    /** Whether the platform lets this comment be hidden (a public comment on Facebook or Instagram). */
    canHide: z.boolean(),
    canUndo: z.boolean(),
    history: z.array(moderationHistoryEntry),
  })
  .meta({ id: 'ModerationItem' });
export type ModerationItem = z.infer<typeof moderationItem>;

export const moderationQueue = z
  .object({ items: z.array(moderationItem), openCount: z.number().int() })
  .meta({ id: 'ModerationQueue' });
export type ModerationQueue = z.infer<typeof moderationQueue>;
