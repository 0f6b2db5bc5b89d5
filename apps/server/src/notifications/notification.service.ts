import type { NOTIFICATION_TYPES } from '@sada/contracts';
import { AppError } from '@sada/core';
import {
  countUnreadNotifications,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  type NotificationListRow,
} from '@sada/db';
import type { Actor } from '../auth/actor.ts';
import type { ServiceDeps } from '../services.ts';

const PAGE_SIZE = 50;
const EXCERPT_LENGTH = 140;

function excerptOf(text: string | null): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…` : flat;
}

function publicNotification(row: NotificationListRow) {
  return {
    id: row.id,
    type: row.type as (typeof NOTIFICATION_TYPES)[number],
    caseReference: row.caseReference,
    caseSubject: row.caseSubject,
    messageId: row.messageId,
    actorName: row.actorName,
    excerpt: excerptOf(row.messageStart),
    createdAt: row.createdAt,
    readAt: row.readAt,
  };
}

/** A user's own notifications: nobody reads or marks another's. */
export function createNotificationService({ database, clock }: ServiceDeps) {
  const db = database.orm;
  const unreadOf = (actor: Actor) => countUnreadNotifications(db, actor.workspace.id, actor.userId);

  return {
    /** The 50 newest; `isRead` false keeps the unread, true the read, undefined all. */
    async list(options: { actor: Actor; isRead?: boolean | undefined }) {
      const { actor } = options;
      const [rows, unreadCount] = await Promise.all([
        listNotifications(db, {
          workspaceId: actor.workspace.id,
          userId: actor.userId,
          isRead: options.isRead,
          limit: PAGE_SIZE,
        }),
        unreadOf(actor),
      ]);
      return { items: rows.map(publicNotification), unreadCount };
    },

    async markRead(options: { actor: Actor; id: string }) {
      const { actor, id } = options;
      const row = await markNotificationRead(db, {
        workspaceId: actor.workspace.id,
        userId: actor.userId,
        id,
        now: clock.now(),
      });
      if (!row)
        throw new AppError('not_found', {
          en: 'You have no notification with this id.',
          ar: 'لا يوجد لديك إشعار بهذا المعرّف.',
        });
      return { unreadCount: await unreadOf(actor) };
    },

    async markAllRead(actor: Actor) {
      await markAllNotificationsRead(db, {
        workspaceId: actor.workspace.id,
        userId: actor.userId,
        now: clock.now(),
      });
      return { unreadCount: await unreadOf(actor) };
    },
  };
}
