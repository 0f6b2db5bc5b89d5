import { and, desc, eq, gt, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import { timeOrderedId } from '../ids.ts';
import { channelAccount, channelError, mailbox } from '../schema.ts';

export type ChannelErrorRow = typeof channelError.$inferSelect;

/** How many failures the log of one account or mailbox keeps. */
export const CHANNEL_ERRORS_KEPT = 50;

/** A failure in both languages with its code, as the `last_error*` columns hold it. */
export type StoredFailure = { code: string; en: string; ar: string };

/** The `last_error`, `last_error_ar` and `last_error_code` columns for a failure, or cleared. */
export function lastErrorColumns(failure: StoredFailure | null) {
  return {
    lastError: failure ? failure.en.slice(0, 1000) : null,
    lastErrorAr: failure ? failure.ar.slice(0, 1000) : null,
    lastErrorCode: failure?.code ?? null,
  };
}

/** The failure the `last_error*` columns of a row hold, or null; rows from before 0007 had English only. */
export function lastErrorOf(row: {
  lastError: string | null;
  lastErrorAr: string | null;
  lastErrorCode: string | null;
}): StoredFailure | null {
  if (row.lastError === null) return null;
  return {
    code: row.lastErrorCode ?? 'platform_error',
    en: row.lastError,
    ar: row.lastErrorAr ?? row.lastError,
  };
}

/** Whose log a failure goes in: a social account or a mailbox. */
export type ChannelErrorOwner = { channelAccountId: string } | { mailboxId: string };

const ownerColumn = (owner: ChannelErrorOwner) =>
  'channelAccountId' in owner
    ? { column: channelError.channelAccountId, id: owner.channelAccountId }
    : { column: channelError.mailboxId, id: owner.mailboxId };

/**
 * Writes one failure to the log of its account or mailbox and trims the log to the newest
 * CHANNEL_ERRORS_KEPT, in one transaction that holds the owner's row, so concurrent failures neither
 * outgrow the log nor slip past `throttleMs`: the same source and code again within it only counts.
 */
export async function recordChannelError(
  executor: Executor,
  entry: ChannelErrorOwner & {
    workspaceId: string;
    occurredAt: Date;
    source: 'webhook' | 'send' | 'poll' | 'test' | 'mailbox';
    failure: StoredFailure;
    detail?: Record<string, unknown> | null;
    /** The same failure within this long is counted on the earlier row (bad signatures). */
    throttleMs?: number;
  },
): Promise<void> {
  const { column, id } = ownerColumn(entry);
  await executor.transaction(async (tx) => {
    const owner = 'channelAccountId' in entry ? channelAccount : mailbox;
    const [held] = await tx
      .select({ id: owner.id })
      .from(owner)
      .where(and(eq(owner.id, id), eq(owner.workspaceId, entry.workspaceId)))
      .for('update');
    if (!held) return;
    if (entry.throttleMs) {
      const since = new Date(entry.occurredAt.getTime() - entry.throttleMs);
      const counted = await tx
        .update(channelError)
        .set({ occurrences: sql`${channelError.occurrences} + 1` })
        .where(
          and(
            eq(column, id),
            eq(channelError.source, entry.source),
            eq(channelError.code, entry.failure.code),
            gt(channelError.occurredAt, since),
          ),
        )
        .returning({ id: channelError.id });
      if (counted.length > 0) return;
    }
    await tx.insert(channelError).values({
      id: timeOrderedId(entry.occurredAt),
      workspaceId: entry.workspaceId,
      ...('channelAccountId' in entry
        ? { channelAccountId: entry.channelAccountId }
        : { mailboxId: entry.mailboxId }),
      occurredAt: entry.occurredAt,
      source: entry.source,
      code: entry.failure.code,
      textEn: entry.failure.en.slice(0, 2000),
      textAr: entry.failure.ar.slice(0, 2000),
      detail: entry.detail ?? null,
    });
    const kept = tx
      .select({ id: channelError.id })
      .from(channelError)
      .where(eq(column, id))
      .orderBy(desc(channelError.occurredAt), desc(channelError.id))
      .limit(CHANNEL_ERRORS_KEPT);
    await tx.delete(channelError).where(and(eq(column, id), notInArray(channelError.id, kept)));
  });
}

/** The log of one account or mailbox of a workspace, newest first. */
export async function listChannelErrors(
  executor: Executor,
  workspaceId: string,
  owner: ChannelErrorOwner,
): Promise<ChannelErrorRow[]> {
  const { column, id } = ownerColumn(owner);
  return executor
    .select()
    .from(channelError)
    .where(and(eq(channelError.workspaceId, workspaceId), eq(column, id)))
    .orderBy(desc(channelError.occurredAt), desc(channelError.id))
    .limit(CHANNEL_ERRORS_KEPT);
}
