import {
  decideModerationRequest,
  errorResponse,
  markMessageRequest,
  moderationItem,
  moderationQuery,
  moderationQueue,
  undoModerationRequest,
  uuid,
} from '@sada/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.hooks.ts';
import type { Services } from '../services.ts';

/** The moderation queue: agents mark, supervisors and admins decide and undo. */
export const moderationRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { moderation, social } = services;
  const params = z.object({ id: uuid });
  const failures = { 404: errorResponse, 409: errorResponse, 422: errorResponse, 503: errorResponse };

  app.get(
    '/api/moderation',
    {
      config: { permission: 'moderation:decide' },
      schema: {
        tags: ['moderation'],
        summary:
          'The moderation queue, newest first: each message with its author, case, label, source and decision history (supervisor, admin)',
        querystring: moderationQuery,
        response: { 200: moderationQueue },
      },
    },
    async (request) => moderation.list({ actor: actorOf(request), query: request.query }),
  );

  app.post(
    '/api/cases/:ref/messages/:messageId/moderation/mark',
    {
      config: { permission: 'case:write' },
      schema: {
        tags: ['moderation'],
        summary:
          'Mark a customer’s message as abuse or spam, with a reason: it joins the moderation queue once',
        params: z.object({ ref: z.string().min(1).max(40), messageId: uuid }),
        body: markMessageRequest,
        response: { 200: moderationItem, 404: errorResponse, 422: errorResponse },
      },
    },
    async (request) =>
      moderation.mark({
        actor: actorOf(request),
        referenceNumber: request.params.ref,
        messageId: request.params.messageId,
        request: request.body,
      }),
  );

  app.post(
    '/api/moderation/:id/decision',
    {
      config: { permission: 'moderation:decide' },
      schema: {
        tags: ['moderation'],
        summary:
          'Decide an item with a reason: hide the comment on the platform, block the author, close as not a complaint, or keep (audited)',
        params,
        body: decideModerationRequest,
        response: { 200: moderationItem, ...failures },
      },
    },
    async (request) =>
      moderation.decide({
        actor: actorOf(request),
        itemId: request.params.id,
        request: request.body,
        hide: social.moderate,
      }),
  );

  app.post(
    '/api/moderation/:id/undo',
    {
      config: { permission: 'moderation:decide' },
      schema: {
        tags: ['moderation'],
        summary:
          'Undo the item’s latest decision: show the comment again, unblock the author, reopen the case (audited)',
        params,
        body: undoModerationRequest,
        response: { 200: moderationItem, ...failures },
      },
    },
    async (request) =>
      moderation.undo({
        actor: actorOf(request),
        itemId: request.params.id,
        reason: request.body.reason,
        hide: social.moderate,
      }),
  );
};
