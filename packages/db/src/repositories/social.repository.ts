import { and, asc, desc, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import { channelAccount, customer, message, supportCase } from '../schema.ts';

export type ChannelAccountRow = typeof channelAccount.$inferSelect;

export async function insertChannelAccount(executor: Executor, values: typeof channelAccount.$inferInsert) {
  const [row] = await executor.insert(channelAccount).values(values).onConflictDoNothing().returning();
  return row;
}

export async function listChannelAccounts(
  executor: Executor,
  workspaceId: string,
): Promise<ChannelAccountRow[]> {
  return executor
    .select()
    .from(channelAccount)
    .where(eq(channelAccount.workspaceId, workspaceId))
    .orderBy(asc(channelAccount.createdAt), asc(channelAccount.id));
}

export async function findChannelAccount(executor: Executor, workspaceId: string, id: string) {
  const [row] = await executor
    .select()
    .from(channelAccount)
    .where(and(eq(channelAccount.workspaceId, workspaceId), eq(channelAccount.id, id)));
  return row;
}

export async function findChannelAccountById(executor: Executor, id: string) {
  const [row] = await executor.select().from(channelAccount).where(eq(channelAccount.id, id));
  return row;
}

/** The enabled accounts a webhook names, among these kinds. */
export async function findChannelAccountsByPlatformIds(
  executor: Executor,
  kinds: string[],
  accountIds: string[],
): Promise<ChannelAccountRow[]> {
  if (accountIds.length === 0) return [];
  return executor
    .select()
    .from(channelAccount)
    .where(
      and(
        inArray(channelAccount.kind, kinds),
        inArray(channelAccount.accountId, accountIds),
        eq(channelAccount.isEnabled, true),
      ),
    );
}

/** The enabled accounts of these kinds (handshakes name no account). */
export async function listEnabledChannelAccountsOfKinds(executor: Executor, kinds: string[]) {
  return executor
    .select()
    .from(channelAccount)
    .where(and(inArray(channelAccount.kind, kinds), eq(channelAccount.isEnabled, true)))
    .orderBy(desc(channelAccount.createdAt));
}

export async function updateChannelAccount(
  executor: Executor,
  id: string,
  values: Partial<
    Pick<
      ChannelAccountRow,
      | 'name'
      | 'isEnabled'
      | 'lastEventAt'
      | 'lastError'
      | 'lastErrorAr'
      | 'lastErrorCode'
      | 'sealedCredentials'
      | 'pollSinceId'
    >
  >,
) {
  const [row] = await executor
    .update(channelAccount)
    .set(values)
    .where(eq(channelAccount.id, id))
    .returning();
  return row;
}

/**
 * The case a new message of this conversation joins: the latest one not closed, and for public
 * comments only one active since `since` (a comment a week later is a new complaint).
 */
export async function findConversationCase(
  executor: Executor,
  options: { channelAccountId: string; conversationKey: string; since: Date | null },
) {
  const [row] = await executor
    .select({ id: supportCase.id })
    .from(supportCase)
    .where(
      and(
        eq(supportCase.channelAccountId, options.channelAccountId),
        eq(supportCase.conversationKey, options.conversationKey),
        ne(supportCase.status, 'closed'),
        options.since ? gt(supportCase.updatedAt, options.since) : sql`true`,
      ),
    )
    .orderBy(desc(supportCase.createdAt))
    .limit(1);
  return row;
}

export async function setCaseConversation(
  executor: Executor,
  caseId: string,
  values: { channelAccountId: string; conversationKey: string },
) {
  await executor.update(supportCase).set(values).where(eq(supportCase.id, caseId));
}

/** A message the platform knows by this id, in one workspace (for edits, deletions and statuses). */
export async function findMessageByExternalId(executor: Executor, workspaceId: string, externalId: string) {
  const [row] = await executor
    .select()
    .from(message)
    .where(and(eq(message.workspaceId, workspaceId), eq(message.externalId, externalId)))
    .limit(1);
  return row;
}

export async function setMessageBody(executor: Executor, messageId: string, body: string) {
  await executor.update(message).set({ body }).where(eq(message.id, messageId));
}

/** When the customer last wrote privately on a case (for the platforms' reply windows). */
export async function lastPrivateInboundAt(executor: Executor, caseId: string): Promise<Date | null> {
  const [row] = await executor
    .select({ at: message.createdAt })
    .from(message)
    .where(
      and(eq(message.caseId, caseId), eq(message.direction, 'inbound'), eq(message.visibility, 'private')),
    )
    .orderBy(desc(message.createdAt))
    .limit(1);
  return row?.at ?? null;
}

/** The platform id of the customer's latest message on a case: the comment a public reply answers. */
export async function latestInboundExternalId(executor: Executor, caseId: string): Promise<string | null> {
  const [row] = await executor
    .select({ externalId: message.externalId })
    .from(message)
    .where(
      and(
        eq(message.caseId, caseId),
        eq(message.direction, 'inbound'),
        sql`${message.externalId} IS NOT NULL`,
      ),
    )
    .orderBy(desc(message.createdAt))
    .limit(1);
  return row?.externalId ?? null;
}

/**
 * A case of this account that invited this author to private messages since `since` and is still
 * waiting for them: their first private message continues it.
 */
export async function findInvitedCase(
  executor: Executor,
  options: { channelAccountId: string; authorId: string; since: Date },
) {
  const [row] = await executor
    .select({ id: supportCase.id })
    .from(supportCase)
    .where(
      and(
        eq(supportCase.channelAccountId, options.channelAccountId),
        sql`${supportCase.conversationKey} LIKE 'post:%' AND split_part(${supportCase.conversationKey}, ':', 3) = ${options.authorId}`,
        gt(supportCase.movedPrivateAt, options.since),
        sql`${supportCase.privateAcceptedAt} IS NULL`,
        ne(supportCase.status, 'closed'),
      ),
    )
    .orderBy(desc(supportCase.movedPrivateAt))
    .limit(1);
  return row;
}

export async function setMessageModeration(
  executor: Executor,
  messageId: string,
  moderation: Record<string, unknown>,
) {
  await executor.update(message).set({ moderation }).where(eq(message.id, messageId));
}

/** X accounts whose mentions are polled (no webhook access). */
export async function listPollingAccounts(executor: Executor): Promise<ChannelAccountRow[]> {
  return executor
    .select()
    .from(channelAccount)
    .where(and(eq(channelAccount.isEnabled, true), eq(channelAccount.isPolling, true)))
    .orderBy(asc(channelAccount.id));
}

/** A customer of the workspace whose phone number has these digits (a WhatsApp id is the number). */
export async function findCustomerByPhoneDigits(executor: Executor, workspaceId: string, digits: string) {
  const [row] = await executor
    .select({ id: customer.id })
    .from(customer)
    .where(
      and(
        eq(customer.workspaceId, workspaceId),
        sql`${customer.mergedIntoId} IS NULL`,
        sql`regexp_replace(coalesce(${customer.phone}, ''), '[^0-9]', '', 'g') = ${digits}`,
      ),
    )
    .limit(1);
  return row;
}
