import {
  alertSubscription,
  alertSubscriptionList,
  createAlertSubscriptionRequest,
  createdAlertSubscription,
  errorResponse,
  updateAlertSubscriptionRequest,
  uuid,
  webhookTestResult,
  webhookWithSecret,
} from '@sada/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.hooks.ts';
import type { Services } from '../services.ts';

/** Spike alerts by e-mail and outgoing webhook: analytics readers manage their own, admins everyone's. */
export const alertSubscriptionRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (
  app,
  { services },
) => {
  const { alertSubscriptions } = services;
  const params = z.object({ id: uuid });

  app.get(
    '/api/analytics/alert-subscriptions',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags: ['analytics'],
        summary: 'Your e-mail subscription to early warnings; for admins every subscription and webhook',
        response: { 200: alertSubscriptionList },
      },
    },
    async (request) => alertSubscriptions.list(actorOf(request)),
  );

  app.post(
    '/api/analytics/alert-subscriptions',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags: ['analytics'],
        summary:
          'Subscribe to spike alerts by e-mail (yourself, or anyone as admin), or add an outgoing webhook (admins; its signing secret is answered only now)',
        body: createAlertSubscriptionRequest,
        response: {
          201: createdAlertSubscription,
          403: errorResponse,
          404: errorResponse,
          422: errorResponse,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await alertSubscriptions.create(actorOf(request), request.body)),
  );

  app.patch(
    '/api/analytics/alert-subscriptions/:id',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags: ['analytics'],
        summary: "Switch a subscription on or off, or change a webhook's address",
        params,
        body: updateAlertSubscriptionRequest,
        response: { 200: alertSubscription, 403: errorResponse, 404: errorResponse, 422: errorResponse },
      },
    },
    async (request) => alertSubscriptions.update(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/analytics/alert-subscriptions/:id',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags: ['analytics'],
        summary: 'Unsubscribe, or delete a webhook',
        params,
        response: { 204: z.null(), 403: errorResponse, 404: errorResponse },
      },
    },
    async (request, reply) => {
      await alertSubscriptions.remove(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/analytics/alert-subscriptions/:id/test',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags: ['analytics'],
        summary: 'Send a signed analytics.test event to a webhook now and answer what the receiver said',
        params,
        response: { 200: webhookTestResult, 403: errorResponse, 404: errorResponse, 422: errorResponse },
      },
    },
    async (request) => alertSubscriptions.test(actorOf(request), request.params.id),
  );

  app.post(
    '/api/analytics/alert-subscriptions/:id/rotate-secret',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags: ['analytics'],
        summary:
          "Replace a webhook's signing secret (admins): answered only now; every delivery from now on is signed with it",
        params,
        response: { 200: webhookWithSecret, 403: errorResponse, 404: errorResponse, 422: errorResponse },
      },
    },
    async (request) => alertSubscriptions.rotateSecret(actorOf(request), request.params.id),
  );
};
