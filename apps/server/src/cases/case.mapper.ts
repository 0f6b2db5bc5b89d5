import { replyWindow, type SocialKind } from '@sada/channels';
import type { MODERATION_REASONS } from '@sada/contracts';
import type {
  CaseEventType,
  CaseKind,
  CaseStatus,
  Channel,
  Language,
  MessageDirection,
  MessageVisibility,
  Priority,
  Sentiment,
  TriageField,
} from '@sada/core';
import {
  type CaseEventRow,
  type CaseListRow,
  type CaseRow,
  lastErrorOf,
  type MessageRow,
  type OutboxRow,
} from '@sada/db';
import type { StoredTriage } from '../triage/case-triage.ts';

// Rows keep vocabulary columns as text; the API speaks the closed unions the migrations guarantee.
export function publicCase(row: CaseListRow) {
  return {
    id: row.id,
    referenceNumber: row.referenceNumber,
    subject: row.subject,
    status: row.status as CaseStatus,
    channel: row.channel as Channel,
    kind: row.kind as CaseKind,
    category: row.category,
    product: row.product,
    orderReference: row.orderReference,
    region: row.region,
    priority: row.priority as Priority,
    sentiment: row.sentiment as Sentiment | null,
    language: row.language as Language | null,
    teamId: row.teamId,
    assigneeId: row.assigneeId,
    customerId: row.customerId,
    customerName: row.customerName,
    tags: row.tags,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** A message as the API shows it, with where its delivery stands when it went out through a channel. */
export function publicMessage(row: MessageRow, delivery?: OutboxRow | undefined) {
  return {
    id: row.id,
    direction: row.direction as MessageDirection,
    visibility: row.visibility as MessageVisibility,
    channel: row.channel as Channel,
    body: row.body,
    authorUserId: row.authorUserId,
    authorCustomerId: row.authorCustomerId,
    attachments: row.attachments,
    delivery: delivery
      ? {
          status: delivery.status as 'pending' | 'sent' | 'failed',
          attempts: delivery.attempts,
          lastError: lastErrorOf(delivery),
          nextAttemptAt: delivery.status === 'pending' ? delivery.nextAttemptAt : null,
          sentAt: delivery.sentAt,
        }
      : null,
    isAutomatic: row.isAutomatic,
    moderation: moderationOf(row.moderation),
    createdAt: row.createdAt,
  };
}

export function publicEvent(row: CaseEventRow) {
  return {
    id: row.id,
    type: row.type as CaseEventType,
    actorUserId: row.actorUserId,
    actorLabel: row.actorLabel,
    changes: row.changes,
    createdAt: row.createdAt,
  };
}

/** What triage made of the case, with the fields people set; null until triage has read it. */
export function publicTriage(row: CaseRow) {
  if (!row.triage) return null;
  const stored = row.triage as StoredTriage;
  return {
    ...stored,
    classifiedAt: new Date(stored.classifiedAt),
    lockedFields: row.triageLocked as TriageField[],
  };
}

/** The stored moderation of a message, as the API shows it (who hid it stays in the timeline). */
function moderationOf(stored: Record<string, unknown> | null) {
  if (!stored) return null;
  return {
    isHidden: stored.isHidden === true,
    reason: stored.reason as (typeof MODERATION_REASONS)[number],
    note: typeof stored.note === 'string' ? stored.note : null,
    at: new Date(String(stored.at)),
  };
}

/** When the customer last wrote privately: the start of a platform's reply window. */
export function lastPrivateInboundOf(messages: MessageRow[]): Date | null {
  let latest: Date | null = null;
  for (const item of messages) {
    if (item.direction === 'inbound' && item.visibility === 'private' && (!latest || item.createdAt > latest))
      latest = item.createdAt;
  }
  return latest;
}

/**
 * What a case adds to its detail when it came through a social account. `lastPrivateInboundAt`: the
 * customer's latest private message, which opens the platform's reply window.
 */
export function socialOf(row: CaseRow, lastPrivateInboundAt: Date | null, now: Date) {
  const isPrivate = row.conversationKey?.startsWith('dm:') === true;
  const window = isPrivate ? replyWindow(row.channel as SocialKind, lastPrivateInboundAt, now) : undefined;
  return {
    replyWindow:
      !window || window.state === 'always'
        ? null
        : window.state === 'closed'
          ? { state: window.state, closesAt: window.closedAt, canSendTemplate: window.canSendTemplate }
          : { state: window.state, closesAt: window.closesAt, canSendTemplate: false },
    conversationScope: row.conversationKey
      ? row.conversationKey.startsWith('dm:')
        ? ('private' as const)
        : ('public' as const)
      : null,
    privateMove: row.movedPrivateAt ? { at: row.movedPrivateAt, acceptedAt: row.privateAcceptedAt } : null,
  };
}
