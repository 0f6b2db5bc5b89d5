import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import {
  appUser,
  auditRecord,
  customer,
  customerIdentity,
  message,
  moderationItem,
  supportCase,
} from '../schema.ts';

export type ModerationItemRow = typeof moderationItem.$inferSelect;
export type CustomerIdentityRow = typeof customerIdentity.$inferSelect;

/** Queues a message once: a second reading of the same message (triage running again) inserts nothing. */
export async function insertModerationItemOnce(
  executor: Executor,
  values: typeof moderationItem.$inferInsert,
): Promise<ModerationItemRow | undefined> {
  const [row] = await executor.insert(moderationItem).values(values).onConflictDoNothing().returning();
  return row;
}

export async function findModerationItem(
  executor: Executor,
  workspaceId: string,
  id: string,
  options: { isLocked?: boolean } = {},
): Promise<ModerationItemRow | undefined> {
  const query = executor
    .select()
    .from(moderationItem)
    .where(and(eq(moderationItem.workspaceId, workspaceId), eq(moderationItem.id, id)));
  const [row] = options.isLocked ? await query.for('update') : await query;
  return row;
}

export async function findModerationItemOfMessage(
  executor: Executor,
  workspaceId: string,
  messageId: string,
) {
  const [row] = await executor
    .select()
    .from(moderationItem)
    .where(and(eq(moderationItem.workspaceId, workspaceId), eq(moderationItem.messageId, messageId)));
  return row;
}

export async function updateModerationItem(
  executor: Executor,
  id: string,
  values: Partial<Pick<ModerationItemRow, 'status' | 'reason' | 'decidedBy' | 'decidedAt' | 'label'>>,
): Promise<ModerationItemRow> {
  const [row] = await executor
    .update(moderationItem)
    .set(values)
    .where(eq(moderationItem.id, id))
    .returning();
  return row!;
}

/** The queue as a moderator reads it: each item with its message, case and author; newest first. */
export async function listModerationItems(
  executor: Executor,
  workspaceId: string,
  filter: { status: 'open' | 'decided' | 'all'; label?: string | undefined; ids?: string[]; limit: number },
) {
  return executor
    .select({
      item: moderationItem,
      message: {
        id: message.id,
        body: message.body,
        visibility: message.visibility,
        channel: message.channel,
        externalId: message.externalId,
        moderation: message.moderation,
        authorCustomerId: message.authorCustomerId,
        createdAt: message.createdAt,
      },
      case: {
        id: supportCase.id,
        referenceNumber: supportCase.referenceNumber,
        kind: supportCase.kind,
        status: supportCase.status,
        channel: supportCase.channel,
        channelAccountId: supportCase.channelAccountId,
        conversationKey: supportCase.conversationKey,
        customerId: supportCase.customerId,
      },
      customerName: customer.name,
    })
    .from(moderationItem)
    .innerJoin(message, eq(message.id, moderationItem.messageId))
    .innerJoin(supportCase, eq(supportCase.id, moderationItem.caseId))
    .leftJoin(
      customer,
      eq(customer.id, sql`coalesce(${message.authorCustomerId}, ${supportCase.customerId})`),
    )
    .where(
      and(
        eq(moderationItem.workspaceId, workspaceId),
        filter.status === 'open'
          ? eq(moderationItem.status, 'open')
          : filter.status === 'decided'
            ? sql`${moderationItem.status} <> 'open'`
            : undefined,
        filter.label ? eq(moderationItem.label, filter.label) : undefined,
        filter.ids ? inArray(moderationItem.id, filter.ids) : undefined,
      ),
    )
    .orderBy(desc(moderationItem.createdAt), desc(moderationItem.id))
    .limit(filter.limit);
}

export async function countOpenModerationItems(executor: Executor, workspaceId: string): Promise<number> {
  const [row] = await executor
    .select({ count: sql<number>`count(*)::int` })
    .from(moderationItem)
    .where(and(eq(moderationItem.workspaceId, workspaceId), eq(moderationItem.status, 'open')));
  return row?.count ?? 0;
}

/** The audit trail of these items, oldest first, with the acting user's name. */
export async function listModerationAudit(executor: Executor, workspaceId: string, itemIds: string[]) {
  if (itemIds.length === 0) return [];
  return executor
    .select({
      subjectId: auditRecord.subjectId,
      action: auditRecord.action,
      details: auditRecord.details,
      actorName: appUser.name,
      createdAt: auditRecord.createdAt,
    })
    .from(auditRecord)
    .leftJoin(appUser, eq(appUser.id, auditRecord.actorUserId))
    .where(
      and(
        eq(auditRecord.workspaceId, workspaceId),
        eq(auditRecord.subjectType, 'moderation_item'),
        inArray(auditRecord.subjectId, itemIds),
      ),
    )
    .orderBy(asc(auditRecord.id));
}

export async function listIdentitiesOfCustomers(
  executor: Executor,
  workspaceId: string,
  customerIds: string[],
): Promise<CustomerIdentityRow[]> {
  if (customerIds.length === 0) return [];
  return executor
    .select()
    .from(customerIdentity)
    .where(
      and(eq(customerIdentity.workspaceId, workspaceId), inArray(customerIdentity.customerId, customerIds)),
    )
    .orderBy(asc(customerIdentity.createdAt), asc(customerIdentity.id));
}

export async function setIdentityBlocked(
  executor: Executor,
  workspaceId: string,
  identityId: string,
  block: { blockedAt: Date; blockedReason: string } | null,
) {
  await executor
    .update(customerIdentity)
    .set(block ?? { blockedAt: null, blockedReason: null })
    .where(and(eq(customerIdentity.workspaceId, workspaceId), eq(customerIdentity.id, identityId)));
}

/**
 * The blocked identity a message comes from: the identity itself (channel and external id), or,
 * for a customer already known by id (WhatsApp by phone number), any blocked identity of theirs.
 */
export async function findBlockedIdentity(
  executor: Executor,
  workspaceId: string,
  sender: { channel: string; externalId: string } | { customerId: string },
): Promise<CustomerIdentityRow | undefined> {
  const [row] = await executor
    .select()
    .from(customerIdentity)
    .where(
      and(
        eq(customerIdentity.workspaceId, workspaceId),
        'externalId' in sender
          ? and(
              eq(customerIdentity.channel, sender.channel),
              eq(customerIdentity.externalId, sender.externalId),
            )
          : eq(customerIdentity.customerId, sender.customerId),
        isNotNull(customerIdentity.blockedAt),
      ),
    )
    .limit(1);
  return row;
}

/** The customer's newest case, whatever its status: where a blocked author's messages are kept. */
export async function findLatestCaseIdOfCustomer(
  executor: Executor,
  workspaceId: string,
  customerId: string,
) {
  const [row] = await executor
    .select({ id: supportCase.id })
    .from(supportCase)
    .where(and(eq(supportCase.workspaceId, workspaceId), eq(supportCase.customerId, customerId)))
    .orderBy(desc(supportCase.createdAt), desc(supportCase.id))
    .limit(1);
  return row?.id;
}

/** The case's first message from the customer (what triage read when it read the case's own text). */
export async function findFirstInboundMessageId(executor: Executor, caseId: string) {
  const [row] = await executor
    .select({ id: message.id })
    .from(message)
    .where(and(eq(message.caseId, caseId), eq(message.direction, 'inbound')))
    .orderBy(asc(message.createdAt), asc(message.id))
    .limit(1);
  return row?.id;
}
