import { and, count, desc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../database.ts';
import { appUser, message, notification, supportCase } from '../schema.ts';

export type NotificationRow = typeof notification.$inferSelect;

/** A notification with what its list shows: the case, who caused it and the start of the note. */
export type NotificationListRow = {
  id: string;
  type: string;
  caseReference: string;
  caseSubject: string;
  messageId: string | null;
  actorName: string | null;
  /** At most the first 200 characters of the message. */
  messageStart: string | null;
  createdAt: Date;
  readAt: Date | null;
};

export async function insertNotifications(
  executor: Executor,
  values: (typeof notification.$inferInsert)[],
): Promise<NotificationRow[]> {
  if (values.length === 0) return [];
  return executor.insert(notification).values(values).returning();
}

const ofUser = (workspaceId: string, userId: string) =>
  and(eq(notification.workspaceId, workspaceId), eq(notification.userId, userId));

/** A user's notifications, newest first; `isRead` keeps only read (true) or unread (false) ones. */
export async function listNotifications(
  executor: Executor,
  options: { workspaceId: string; userId: string; isRead?: boolean | undefined; limit: number },
): Promise<NotificationListRow[]> {
  const actor = alias(appUser, 'actor');
  const conditions: (SQL | undefined)[] = [ofUser(options.workspaceId, options.userId)];
  if (options.isRead !== undefined)
    conditions.push(options.isRead ? isNotNull(notification.readAt) : isNull(notification.readAt));
  return executor
    .select({
      id: notification.id,
      type: notification.type,
      caseReference: supportCase.referenceNumber,
      caseSubject: supportCase.subject,
      messageId: notification.messageId,
      actorName: actor.name,
      messageStart: sql<string | null>`left(${message.body}, 200)`,
      createdAt: notification.createdAt,
      readAt: notification.readAt,
    })
    .from(notification)
    .innerJoin(supportCase, eq(supportCase.id, notification.caseId))
    .leftJoin(message, eq(message.id, notification.messageId))
    .leftJoin(actor, eq(actor.id, notification.actorUserId))
    .where(and(...conditions))
    .orderBy(desc(notification.createdAt), desc(notification.id))
    .limit(options.limit);
}

export async function countUnreadNotifications(
  executor: Executor,
  workspaceId: string,
  userId: string,
): Promise<number> {
  const [row] = await executor
    .select({ total: count() })
    .from(notification)
    .where(and(ofUser(workspaceId, userId), isNull(notification.readAt)));
  return row?.total ?? 0;
}

/** Marks one of the user's notifications read (keeping the first time); undefined when it is not theirs. */
export async function markNotificationRead(
  executor: Executor,
  options: { workspaceId: string; userId: string; id: string; now: Date },
): Promise<NotificationRow | undefined> {
  const [row] = await executor
    .update(notification)
    .set({ readAt: sql`coalesce(${notification.readAt}, ${options.now.toISOString()}::timestamptz)` })
    .where(and(ofUser(options.workspaceId, options.userId), eq(notification.id, options.id)))
    .returning();
  return row;
}

export async function markAllNotificationsRead(
  executor: Executor,
  options: { workspaceId: string; userId: string; now: Date },
): Promise<number> {
  const rows = await executor
    .update(notification)
    .set({ readAt: options.now })
    .where(and(ofUser(options.workspaceId, options.userId), isNull(notification.readAt)))
    .returning({ id: notification.id });
  return rows.length;
}
