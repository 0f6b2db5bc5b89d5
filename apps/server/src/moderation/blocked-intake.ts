// A blocked author's new message is kept, never lost, but opens no case, reaches no inbox and
// notifies no one: it is appended to the conversation's case (or the author's newest case) without
// changing the case's status, SLA clocks or time of last change, and is marked as read by triage.

import {
  type Database,
  type Executor,
  findBlockedIdentity,
  findCaseById,
  findLatestCaseIdOfCustomer,
  insertCaseEvent,
  insertMessageOnce,
  insertStoredFiles,
  type MessageRow,
} from '@sada/db';
import type { IntakeCustomer } from '../cases/case-intake.ts';

/** Who a channel message says it is from, as customer identities record it. */
function senderOf(customer: IntakeCustomer) {
  if (customer.id) return { customerId: customer.id };
  if (customer.identity)
    return { channel: customer.identity.channel, externalId: customer.identity.externalId };
  if (customer.email) return { channel: 'email', externalId: customer.email.toLowerCase() };
  if (customer.phone) return { channel: 'phone', externalId: customer.phone };
  return undefined;
}

/**
 * Keeps the message when its author is blocked; answers where it went, or undefined when the author
 * is not blocked (the message then takes the usual way).
 */
export async function keepIfBlocked(
  database: Database,
  input: {
    workspaceId: string;
    customer: IntakeCustomer;
    threadCaseId: string | null;
    messageId: string;
    externalId: string | null;
    body: string;
    visibility: 'public' | 'private';
    files: { id: string; name: string; contentType: string; size: number; sha256: string; content: Buffer }[];
    attachments: MessageRow['attachments'];
    now: Date;
  },
): Promise<{ caseId: string; referenceNumber: string; isRepeat: boolean } | undefined> {
  const db = database.orm;
  const sender = senderOf(input.customer);
  if (!sender) return undefined;
  const identity = await findBlockedIdentity(db, input.workspaceId, sender);
  if (!identity) return undefined;
  const caseId =
    input.threadCaseId ?? (await findLatestCaseIdOfCustomer(db, input.workspaceId, identity.customerId));
  // No case to keep it on (never the case for an author blocked from the queue): the usual way.
  if (!caseId) return undefined;
  return db.transaction(async (tx: Executor) => {
    const row = await findCaseById(tx, input.workspaceId, caseId);
    if (!row) throw new Error(`case ${caseId} vanished while a blocked author's message was kept`);
    const stored = await insertMessageOnce(tx, {
      id: input.messageId,
      workspaceId: input.workspaceId,
      caseId,
      direction: 'inbound',
      visibility: input.visibility,
      channel: row.channel,
      body: input.body,
      authorUserId: null,
      authorCustomerId: identity.customerId,
      externalId: input.externalId,
      attachments: input.attachments,
      createdAt: input.now,
      // Nothing to classify or route: the author is blocked.
      triagedAt: input.now,
    });
    if (stored) {
      await insertStoredFiles(
        tx,
        input.files.map((file) => ({
          ...file,
          workspaceId: input.workspaceId,
          caseId,
          messageId: stored.id,
          createdAt: input.now,
        })),
      );
      await insertCaseEvent(tx, {
        workspaceId: input.workspaceId,
        caseId,
        type: 'moderation.message_withheld',
        actorUserId: null,
        actorLabel: 'Sada',
        changes: { messageId: stored.id, identityId: identity.id, blockedAt: identity.blockedAt },
        createdAt: input.now,
      });
    }
    return { caseId, referenceNumber: row.referenceNumber, isRepeat: !stored };
  });
}
