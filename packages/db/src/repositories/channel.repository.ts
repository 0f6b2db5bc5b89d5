import { and, asc, count, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import { mailbox, message, outbox, publicAttempt, storedFile, supportCase, workspace } from '../schema.ts';
import type { MessageRow } from './case.repository.ts';

export type StoredFileRow = typeof storedFile.$inferSelect;
export type StoredFileMeta = Omit<StoredFileRow, 'content'>;
export type OutboxRow = typeof outbox.$inferSelect;
export type MailboxRow = typeof mailbox.$inferSelect;

const fileMetaColumns = {
  id: storedFile.id,
  workspaceId: storedFile.workspaceId,
  caseId: storedFile.caseId,
  messageId: storedFile.messageId,
  name: storedFile.name,
  contentType: storedFile.contentType,
  size: storedFile.size,
  sha256: storedFile.sha256,
  createdAt: storedFile.createdAt,
};

export async function setChannelSettings(
  executor: Executor,
  workspaceId: string,
  settings: Record<string, unknown>,
) {
  await executor.update(workspace).set({ channelSettings: settings }).where(eq(workspace.id, workspaceId));
}

/** Workspaces whose channel settings receive mail for this domain (lower case). */
export async function findWorkspaceByInboundDomain(executor: Executor, domain: string) {
  const [row] = await executor
    .select()
    .from(workspace)
    .where(sql`lower(${workspace.channelSettings} -> 'email' ->> 'inboundDomain') = ${domain}`)
    .limit(1);
  return row;
}

/** Stores a message unless the channel already delivered one with its external id; undefined then. */
export async function insertMessageOnce(
  executor: Executor,
  values: typeof message.$inferInsert,
): Promise<MessageRow | undefined> {
  const [row] = await executor.insert(message).values(values).onConflictDoNothing().returning();
  return row;
}

/** The message (and its case) a channel delivered with one of these external ids, earliest first. */
export async function findMessageByExternalIds(
  executor: Executor,
  workspaceId: string,
  externalIds: string[],
): Promise<{ messageId: string; caseId: string; channel: string } | undefined> {
  if (externalIds.length === 0) return undefined;
  const [row] = await executor
    .select({ messageId: message.id, caseId: message.caseId, channel: message.channel })
    .from(message)
    .where(and(eq(message.workspaceId, workspaceId), inArray(message.externalId, externalIds)))
    .orderBy(asc(message.createdAt))
    .limit(1);
  return row;
}

/** The external ids (e-mail Message-IDs) of a case's messages, oldest first: a reply's References. */
export async function listExternalIdsOfCase(executor: Executor, caseId: string): Promise<string[]> {
  const rows = await executor
    .select({ externalId: message.externalId })
    .from(message)
    .where(and(eq(message.caseId, caseId), sql`${message.externalId} IS NOT NULL`))
    .orderBy(asc(message.createdAt), asc(message.id));
  return rows.map((row) => row.externalId!);
}

export async function findMessageById(executor: Executor, id: string): Promise<MessageRow | undefined> {
  const [row] = await executor.select().from(message).where(eq(message.id, id));
  return row;
}

export async function setMessageExternalId(executor: Executor, messageId: string, externalId: string) {
  await executor.update(message).set({ externalId }).where(eq(message.id, messageId));
}

export async function insertStoredFiles(executor: Executor, rows: (typeof storedFile.$inferInsert)[]) {
  if (rows.length > 0) await executor.insert(storedFile).values(rows);
}

export async function findStoredFile(
  executor: Executor,
  workspaceId: string,
  id: string,
): Promise<StoredFileRow | undefined> {
  const [row] = await executor
    .select()
    .from(storedFile)
    .where(and(eq(storedFile.workspaceId, workspaceId), eq(storedFile.id, id)));
  return row;
}

export async function listStoredFilesOfMessages(
  executor: Executor,
  messageIds: string[],
): Promise<StoredFileMeta[]> {
  if (messageIds.length === 0) return [];
  return executor
    .select(fileMetaColumns)
    .from(storedFile)
    .where(inArray(storedFile.messageId, messageIds))
    .orderBy(asc(storedFile.createdAt), asc(storedFile.id));
}

/** The files of one message with their content (to send them on). */
export async function listStoredFilesWithContent(executor: Executor, messageId: string) {
  return executor
    .select()
    .from(storedFile)
    .where(eq(storedFile.messageId, messageId))
    .orderBy(asc(storedFile.createdAt), asc(storedFile.id));
}

export async function insertOutbox(executor: Executor, values: typeof outbox.$inferInsert) {
  await executor.insert(outbox).values(values);
}

export async function listOutboxOfMessages(executor: Executor, messageIds: string[]): Promise<OutboxRow[]> {
  if (messageIds.length === 0) return [];
  return executor.select().from(outbox).where(inArray(outbox.messageId, messageIds));
}

/**
 * Takes up to `limit` due deliveries for `leaseMs`: their next attempt moves past the lease, so no
 * other worker takes them meanwhile, and a worker that dies mid-send leaves them to be retried.
 */
export async function leaseDueOutbox(
  executor: Executor,
  options: { now: Date; leaseMs: number; limit: number },
): Promise<OutboxRow[]> {
  const due = executor
    .select({ messageId: outbox.messageId })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, options.now)))
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(options.limit)
    .for('update', { skipLocked: true });
  return executor
    .update(outbox)
    .set({
      attempts: sql`${outbox.attempts} + 1`,
      nextAttemptAt: new Date(options.now.getTime() + options.leaseMs),
    })
    .where(inArray(outbox.messageId, due))
    .returning();
}

export async function updateOutbox(
  executor: Executor,
  messageId: string,
  values: Partial<
    Pick<
      OutboxRow,
      | 'status'
      | 'nextAttemptAt'
      | 'lastError'
      | 'lastErrorAr'
      | 'lastErrorCode'
      | 'sentAt'
      | 'attempts'
      | 'platformStatus'
    >
  >,
): Promise<OutboxRow | undefined> {
  const [row] = await executor.update(outbox).set(values).where(eq(outbox.messageId, messageId)).returning();
  return row;
}

/** When the next delivery is due (null: nothing waits), for the worker's timer. */
export async function nextOutboxDue(executor: Executor): Promise<Date | null> {
  const [row] = await executor
    .select({ at: sql<Date | null>`min(${outbox.nextAttemptAt})`.mapWith(outbox.nextAttemptAt) })
    .from(outbox)
    .where(eq(outbox.status, 'pending'));
  return row?.at ?? null;
}

export async function listMailboxes(executor: Executor, workspaceId: string): Promise<MailboxRow[]> {
  return executor
    .select()
    .from(mailbox)
    .where(eq(mailbox.workspaceId, workspaceId))
    .orderBy(asc(mailbox.createdAt), asc(mailbox.id));
}

export async function listEnabledMailboxes(executor: Executor): Promise<MailboxRow[]> {
  return executor.select().from(mailbox).where(eq(mailbox.isEnabled, true)).orderBy(asc(mailbox.id));
}

export async function findMailbox(executor: Executor, workspaceId: string, id: string) {
  const [row] = await executor
    .select()
    .from(mailbox)
    .where(and(eq(mailbox.workspaceId, workspaceId), eq(mailbox.id, id)));
  return row;
}

export async function insertMailbox(executor: Executor, values: typeof mailbox.$inferInsert) {
  const [row] = await executor.insert(mailbox).values(values).returning();
  return row!;
}

export async function updateMailbox(
  executor: Executor,
  id: string,
  values: Partial<Omit<MailboxRow, 'id' | 'workspaceId' | 'createdAt'>>,
): Promise<MailboxRow | undefined> {
  const [row] = await executor.update(mailbox).set(values).where(eq(mailbox.id, id)).returning();
  return row;
}

export async function deleteMailbox(executor: Executor, workspaceId: string, id: string): Promise<boolean> {
  const rows = await executor
    .delete(mailbox)
    .where(and(eq(mailbox.workspaceId, workspaceId), eq(mailbox.id, id)))
    .returning({ id: mailbox.id });
  return rows.length > 0;
}

export async function recordPublicAttempt(executor: Executor, bucket: string, ip: string, at: Date) {
  await executor.insert(publicAttempt).values({ bucket, ip, attemptedAt: at });
}

export async function countPublicAttempts(executor: Executor, bucket: string, ip: string, since: Date) {
  const [row] = await executor
    .select({ total: count() })
    .from(publicAttempt)
    .where(
      and(eq(publicAttempt.bucket, bucket), eq(publicAttempt.ip, ip), gt(publicAttempt.attemptedAt, since)),
    );
  return row?.total ?? 0;
}

export async function setCaseFollowedByEmail(executor: Executor, caseId: string) {
  await executor.update(supportCase).set({ isFollowedByEmail: true }).where(eq(supportCase.id, caseId));
}
