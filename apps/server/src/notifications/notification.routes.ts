import {
  errorResponse,
  notificationList,
  notificationListQuery,
  unreadNotifications,
  uuid,
} from '@sada/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.hooks.ts';
import type { Services } from '../services.ts';

export const notificationRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (
  app,
  { services },
) => {
  const { notifications } = services;

  app.get(
    '/api/notifications',
    {
      config: { permission: 'self' },
      schema: {
        tags: ['notifications'],
        summary: 'Your notifications (mentions), newest first, with the unread count',
        querystring: notificationListQuery,
        response: { 200: notificationList },
      },
    },
    async (request) => {
      const { unread } = request.query;
      return notifications.list({
        actor: actorOf(request),
        isRead: unread === undefined ? undefined : unread === 'false',
      });
    },
  );

  app.post(
    '/api/notifications/:id/read',
    {
      config: { permission: 'self' },
      schema: {
        tags: ['notifications'],
        summary: 'Mark one of your notifications read; answers the unread count',
        params: z.object({ id: uuid }),
        response: { 200: unreadNotifications, 404: errorResponse },
      },
    },
    async (request) => notifications.markRead({ actor: actorOf(request), id: request.params.id }),
  );

  app.post(
    '/api/notifications/read-all',
    {
      config: { permission: 'self' },
      schema: {
        tags: ['notifications'],
        summary: 'Mark all your notifications read',
        response: { 200: unreadNotifications },
      },
    },
    async (request) => notifications.markAllRead(actorOf(request)),
  );
};
