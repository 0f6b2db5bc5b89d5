import { Readable } from 'node:stream';
import {
  backlogQuery,
  backlogReport,
  caseExportQuery,
  caseFieldValues,
  caseFieldValuesQuery,
  emergingIssues,
  errorResponse,
  handlingQuery,
  handlingReport,
  heatmapQuery,
  heatmapReport,
  spikeAlertList,
  volumeQuery,
  volumeReport,
} from '@sada/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/auth.hooks.ts';
import type { Services } from '../services.ts';

export const analyticsRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { analytics } = services;

  app.get(
    '/api/analytics/volume',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags: ['analytics'],
        summary:
          "Cases created per day or week of the workspace's zone, one series per category, channel, kind, product, region or team",
        querystring: volumeQuery,
        response: { 200: volumeReport, 422: errorResponse },
      },
    },
    async (request) => analytics.volume(actorOf(request), request.query),
  );

  app.get(
    '/api/analytics/handling',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags: ['analytics'],
        summary:
          'How the cases created in a range were handled, per team, agent or channel: first response and resolution (median, 90th percentile), backlog, reopen rate, SLA compliance, CSAT, NPS, compensation',
        querystring: handlingQuery,
        response: { 200: handlingReport, 422: errorResponse },
      },
    },
    async (request) => analytics.handling(actorOf(request), request.query),
  );

  app.get(
    '/api/analytics/heatmap',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags: ['analytics'],
        summary: "Cases created per weekday and hour of the workspace's zone: the peak hours",
        querystring: heatmapQuery,
        response: { 200: heatmapReport, 422: errorResponse },
      },
    },
    async (request) => analytics.heatmap(actorOf(request), request.query),
  );

  app.get(
    '/api/analytics/backlog',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags: ['analytics'],
        summary: 'The cases still new, open or pending now, per age band and status',
        querystring: backlogQuery,
        response: { 200: backlogReport, 422: errorResponse },
      },
    },
    async (request) => analytics.backlog(actorOf(request), request.query),
  );

  app.get(
    '/api/analytics/alerts',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags: ['analytics'],
        summary:
          'Early warnings: the newest hours with far more negative complaints than usual for a category, product or channel, with example cases',
        response: { 200: spikeAlertList },
      },
    },
    async (request) => services.spikes.list(actorOf(request)),
  );

  app.get(
    '/api/analytics/issues',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags: ['analytics'],
        summary:
          'Emerging issues: the complaints of a range grouped by what they say (TF-IDF over normalised Arabic and English), with top words, size, trend and examples',
        querystring: heatmapQuery,
        response: { 200: emergingIssues, 422: errorResponse },
      },
    },
    async (request) => analytics.issues(actorOf(request), request.query),
  );

  app.get(
    '/api/analytics/values',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags: ['analytics'],
        summary:
          'The products or regions of the cases created in a range, most frequent first (up to 200): what the filters offer',
        querystring: caseFieldValuesQuery,
        response: { 200: caseFieldValues, 422: errorResponse },
      },
    },
    async (request) => analytics.fieldValues(actorOf(request), request.query),
  );

  app.get(
    '/api/cases/export.csv',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags: ['analytics'],
        summary:
          'One CSV line per case the case-list filters select: every field, SLA, satisfaction and custom fields',
        querystring: caseExportQuery,
      },
    },
    async (request, reply) => {
      const { fileName, lines } = analytics.exportCases(actorOf(request), request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(Readable.from(lines));
    },
  );
};
