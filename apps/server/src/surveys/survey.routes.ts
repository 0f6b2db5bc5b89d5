import {
  errorResponse,
  followUpSettings,
  surveySummary,
  surveySummaryQuery,
  updateFollowUpSettingsRequest,
} from '@sada/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/auth.hooks.ts';
import type { Services } from '../services.ts';

export const surveyRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { surveys } = services;

  app.get(
    '/api/workspace/settings',
    {
      config: { permission: 'followUp:read' },
      schema: {
        tags: ['workspace'],
        summary: 'The follow-up settings: when the satisfaction survey goes out and what a low score does',
        response: { 200: followUpSettings },
      },
    },
    async (request) => surveys.settings(actorOf(request)),
  );

  app.patch(
    '/api/workspace/settings',
    {
      config: { permission: 'workspace:admin' },
      schema: {
        tags: ['workspace'],
        summary: 'Change the follow-up settings (admin); the values given are merged into the stored ones',
        body: updateFollowUpSettingsRequest,
        response: { 200: followUpSettings, 422: errorResponse },
      },
    },
    async (request) => surveys.updateSettings({ actor: actorOf(request), changes: request.body }),
  );

  app.get(
    '/api/surveys/summary',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags: ['surveys'],
        summary:
          'Satisfaction (CSAT, response rate, NPS) of the surveys sent in a period, by agent, team or channel',
        querystring: surveySummaryQuery,
        response: { 200: surveySummary, 422: errorResponse },
      },
    },
    async (request) => surveys.summary({ actor: actorOf(request), query: request.query }),
  );
};
