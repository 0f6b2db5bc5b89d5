import { errorResponse, staffingGrid, staffingQuery } from '@sada/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/auth.hooks.ts';
import type { Services } from '../services.ts';

export const staffingRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/staffing',
    {
      config: { permission: 'sla:read' },
      schema: {
        tags: ['calendars'],
        summary:
          'Staffing hint: cases by weekday and hour, agents needed for the first-response target (Erlang C) and agents on shift (supervisor, admin)',
        querystring: staffingQuery,
        response: { 200: staffingGrid, 404: errorResponse },
      },
    },
    async (request) =>
      services.staffing.grid({
        actor: actorOf(request),
        weeks: request.query.weeks,
        teamId: request.query.team,
        handleMinutes: request.query.handleMinutes,
      }),
  );
};
