import {
  createReportRequest,
  errorResponse,
  reportFileParams,
  reportList,
  reportListQuery,
  reportSubscriberList,
  reportSubscription,
  reportSubscriptionQuery,
  reportSummary,
} from '@sada/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/auth.hooks.ts';
import type { Services } from '../services.ts';

export const reportRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { reports } = services;

  app.post(
    '/api/reports',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags: ['reports'],
        summary:
          "Makes a report of a range (at most 366 days) now, in the workspace's language: PDF and CSV, kept for download",
        body: createReportRequest,
        response: { 201: reportSummary, 422: errorResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await reports.create(actorOf(request), request.body)),
  );

  app.get(
    '/api/reports',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags: ['reports'],
        summary:
          'The reports of the workspace, newest first: weekly, monthly and on demand; the next page with ?cursor=nextCursor',
        querystring: reportListQuery,
        response: { 200: reportList, 400: errorResponse },
      },
    },
    async (request) => reports.list(actorOf(request), request.query),
  );

  for (const format of ['pdf', 'csv'] as const) {
    app.get(
      `/api/reports/:id.${format}`,
      {
        config: { permission: 'analytics:read' },
        schema: {
          tags: ['reports'],
          summary: `A report's ${format.toUpperCase()}, as an attachment`,
          params: reportFileParams,
        },
      },
      async (request, reply) => {
        const file = await reports.file(actorOf(request), request.params.id, format);
        return reply
          .type(file.contentType)
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .header('cache-control', 'private, no-store')
          .send(file.body);
      },
    );
  }

  app.get(
    '/api/reports/subscription',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags: ['reports'],
        summary: 'Which scheduled reports you (or, for admins, another user) receive by e-mail',
        querystring: reportSubscriptionQuery,
        response: { 200: reportSubscription },
      },
    },
    async (request) => reports.subscription(actorOf(request), request.query.userId),
  );

  app.put(
    '/api/reports/subscription',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags: ['reports'],
        summary: 'Subscribes to the weekly and monthly reports by e-mail, or stops',
        querystring: reportSubscriptionQuery,
        body: reportSubscription,
        response: { 200: reportSubscription, 422: errorResponse },
      },
    },
    async (request) => reports.subscribe(actorOf(request), request.body, request.query.userId),
  );

  app.get(
    '/api/reports/subscribers',
    {
      config: { permission: 'user:manage' },
      schema: {
        tags: ['reports'],
        summary: 'Who receives the weekly and monthly reports by e-mail (admins)',
        response: { 200: reportSubscriberList },
      },
    },
    async (request) => reports.subscribers(actorOf(request)),
  );
};
