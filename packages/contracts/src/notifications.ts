import { z } from 'zod';
import { uuid } from './common.ts';

export const NOTIFICATION_TYPES = [
  'mention',
  'sla.warning',
  'sla.breached',
  'plan.step_overdue',
  'survey.low_score',
  'compensation.approved',
  'compensation.rejected',
  'offer.chosen',
  'analytics.spike',
] as const;

/** Something that happened for one user: today, a colleague mentioned them in a note. */
export const notification = z
  .object({
    id: uuid,
    type: z.enum(NOTIFICATION_TYPES),
    caseReference: z.string(),
    caseSubject: z.string(),
    messageId: uuid.nullable(),
    actorName: z.string().nullable(),
    excerpt: z.string().describe('The start of the note, at most 140 characters'),
    createdAt: z.date(),
    readAt: z.date().nullable(),
  })
  .meta({ id: 'Notification' });

export const notificationListQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional().describe('true: only unread; false: only read; absent: all'),
});

export const notificationList = z.object({
  items: z.array(notification).describe('Newest first, at most 50'),
  unreadCount: z.number().int(),
});

export const unreadNotifications = z.object({ unreadCount: z.number().int() });
