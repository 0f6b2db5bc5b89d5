// How messages enter the moderation queue (triage's reading, an agent's mark) and the guard that
// keeps legitimate complaints from being hidden. Both run inside the caller's transaction.

import { randomUUID } from 'node:crypto';
import type { ModerationLabel } from '@sada/contracts';
import { AppError } from '@sada/core';
import {
  type CaseRow,
  type CustomerIdentityRow,
  type Executor,
  findFirstInboundMessageId,
  findModerationItemOfMessage,
  insertAuditRecord,
  insertCaseEvent,
  insertModerationItemOnce,
  type ModerationItemRow,
} from '@sada/db';

const isModerationLabel = (value: string | null | undefined): value is ModerationLabel =>
  value === 'abuse' || value === 'spam';

/**
 * Queues a message once (a unique message id): a second reading or a second mark changes nothing.
 * Answers the new item, or undefined when the message was queued before.
 */
export async function queueForModeration(
  tx: Executor,
  input: {
    workspaceId: string;
    caseId: string;
    messageId: string;
    label: ModerationLabel;
    source: 'triage' | 'agent';
    reason: string | null;
    actor: { userId: string; name: string } | null;
    now: Date;
  },
): Promise<ModerationItemRow | undefined> {
  const item = await insertModerationItemOnce(tx, {
    id: randomUUID(),
    workspaceId: input.workspaceId,
    messageId: input.messageId,
    caseId: input.caseId,
    label: input.label,
    source: input.source,
    reason: input.reason,
    createdAt: input.now,
  });
  if (!item) return undefined;
  const changes = { itemId: item.id, messageId: input.messageId, label: input.label, source: input.source };
  await insertCaseEvent(tx, {
    workspaceId: input.workspaceId,
    caseId: input.caseId,
    type: 'moderation.queued',
    actorUserId: input.actor?.userId ?? null,
    actorLabel: input.actor?.name ?? 'Sada triage',
    changes: { ...changes, reason: input.reason },
    createdAt: input.now,
  });
  await insertAuditRecord(tx, {
    workspaceId: input.workspaceId,
    actorUserId: input.actor?.userId ?? null,
    action: 'moderation.queued',
    subjectType: 'moderation_item',
    subjectId: item.id,
    details: { ...changes, reason: input.reason },
    createdAt: input.now,
  });
  return item;
}

/**
 * Triage read a text: when the case is now abuse or spam and the text itself reads so, its message
 * (the case's first customer message when triage read the case's own text) joins the queue.
 */
export async function queueTriageReading(
  tx: Executor,
  reading: {
    workspaceId: string;
    caseId: string;
    messageId: string | null;
    caseKind: string | null | undefined;
    textKind: string;
    now: Date;
  },
): Promise<void> {
  if (!isModerationLabel(reading.caseKind) || !isModerationLabel(reading.textKind)) return;
  const messageId = reading.messageId ?? (await findFirstInboundMessageId(tx, reading.caseId));
  if (!messageId) return;
  await queueForModeration(tx, {
    workspaceId: reading.workspaceId,
    caseId: reading.caseId,
    messageId,
    label: reading.caseKind,
    source: 'triage',
    reason: null,
    actor: null,
    now: reading.now,
  });
}

/**
 * Legitimate complaints are never hidden: on a case whose kind is complaint, only a message in the
 * moderation queue (as abuse or spam) may be hidden on the platform.
 */
export async function assertMayHide(executor: Executor, caseRow: CaseRow, messageId: string): Promise<void> {
  if (caseRow.kind !== 'complaint') return;
  if (await findModerationItemOfMessage(executor, caseRow.workspaceId, messageId)) return;
  throw new AppError('conflict', {
    en: 'This is a complaint: it is never hidden. Mark the message as abuse or spam first, so a supervisor decides.',
    ar: 'هذه شكوى، والشكاوى لا تُخفى أبدًا. ضع على الرسالة علامة إساءة أو رسائل مزعجة أولًا ليقرر فيها المشرف.',
  });
}

/**
 * The identity a case's customer wrote from: on the case's channel (for a public comment, the
 * author named in the conversation key), else their e-mail address, else any.
 */
export function authorIdentityOf(
  identities: CustomerIdentityRow[],
  caseRow: Pick<CaseRow, 'channel' | 'conversationKey'>,
): CustomerIdentityRow | undefined {
  const onChannel = identities.filter((identity) => identity.channel === caseRow.channel);
  const key = caseRow.conversationKey;
  const author = key?.startsWith('post:') ? key.slice(key.lastIndexOf(':') + 1) : undefined;
  return (
    onChannel.find((identity) => identity.externalId === author) ??
    onChannel[0] ??
    identities.find((identity) => identity.channel === 'email') ??
    identities[0]
  );
}
