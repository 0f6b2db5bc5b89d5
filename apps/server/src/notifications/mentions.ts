import { randomUUID } from 'node:crypto';
import { AppError } from '@sada/core';
import { announce, type Executor, insertNotifications, listUsersByIds } from '@sada/db';
import type { Actor } from '../auth/actor.ts';

/**
 * The distinct users a message mentions: only a note may mention, and only active users of the
 * actor's workspace (422 otherwise, naming them).
 */
export async function assertMentionable(
  executor: Executor,
  actor: Actor,
  messageType: 'reply' | 'note' | 'inbound',
  userIds: string[],
): Promise<string[]> {
  if (messageType !== 'note') {
    throw new AppError(
      'validation_failed',
      {
        en: 'Only internal notes can mention colleagues; send mentions with type "note".',
        ar: 'الإشارة إلى الزملاء متاحة في الملاحظات الداخلية فقط؛ أرسل mentions مع النوع "note".',
      },
      { fields: [{ path: 'mentions', message: { en: 'only in notes', ar: 'في الملاحظات فقط' } }] },
    );
  }
  const ids = [...new Set(userIds)];
  const found = await listUsersByIds(executor, actor.workspace.id, ids);
  const active = new Set(found.filter((user) => user.isActive).map((user) => user.id));
  const unknown = ids.filter((id) => !active.has(id));
  if (unknown.length > 0) {
    throw new AppError(
      'validation_failed',
      {
        en: `Only active users of this workspace can be mentioned; not: ${unknown.join(', ')}.`,
        ar: `يمكن الإشارة إلى المستخدمين النشطين في مساحة العمل هذه فقط؛ وليس: ${unknown.join('، ')}.`,
      },
      {
        fields: unknown.map((id) => ({
          path: `mentions.${userIds.indexOf(id)}`,
          message: {
            en: `no active user ${id} in this workspace`,
            ar: `لا يوجد مستخدم نشط ${id} في مساحة العمل`,
          },
        })),
      },
    );
  }
  return ids;
}

/**
 * Notifies each mentioned user (not the author) in the note's transaction; each hears of it on
 * their own consoles only, once the transaction commits.
 */
export async function notifyMentions(
  tx: Executor,
  options: { actor: Actor; caseId: string; messageId: string; userIds: string[]; now: Date },
): Promise<void> {
  const { actor } = options;
  if (options.userIds.length === 0) return;
  const rows = await insertNotifications(
    tx,
    options.userIds
      .filter((userId) => userId !== actor.userId)
      .map((userId) => ({
        id: randomUUID(),
        workspaceId: actor.workspace.id,
        userId,
        type: 'mention',
        caseId: options.caseId,
        messageId: options.messageId,
        actorUserId: actor.userId,
        createdAt: options.now,
      })),
  );
  for (const row of rows) {
    await announce(tx, {
      workspaceId: row.workspaceId,
      userId: row.userId,
      type: 'notification.created',
      notificationId: row.id,
    });
  }
}
