import {
  businessCalendar,
  calendarList,
  chooseCalendarRequest,
  createCalendarRequest,
  errorResponse,
  updateCalendarRequest,
  uuid,
} from '@sada/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.hooks.ts';
import type { Services } from '../services.ts';

export const calendarRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { calendars } = services;
  const params = z.object({ id: uuid });

  app.get(
    '/api/calendars',
    {
      config: { permission: 'sla:read' },
      schema: {
        tags: ['calendars'],
        summary: "Business calendars, the workspace's calendar and each team's (supervisor, admin)",
        response: { 200: calendarList },
      },
    },
    async (request) => calendars.list(actorOf(request)),
  );

  app.post(
    '/api/calendars',
    {
      config: { permission: 'workspace:admin' },
      schema: {
        tags: ['calendars'],
        summary: 'Add a business calendar: time zone, weekly openings, holidays, or 24/7 (admin)',
        body: createCalendarRequest,
        response: { 201: businessCalendar, 409: errorResponse, 422: errorResponse },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await calendars.create({ actor: actorOf(request), calendar: request.body })),
  );

  app.patch(
    '/api/calendars/default',
    {
      config: { permission: 'workspace:admin' },
      schema: {
        tags: ['calendars'],
        summary: "Choose the workspace's calendar; null: open around the clock (admin)",
        body: chooseCalendarRequest,
        response: { 200: calendarList, 404: errorResponse },
      },
    },
    async (request) =>
      calendars.setWorkspaceCalendar({ actor: actorOf(request), calendarId: request.body.calendarId }),
  );

  app.patch(
    '/api/calendars/:id',
    {
      config: { permission: 'workspace:admin' },
      schema: {
        tags: ['calendars'],
        summary: 'Change a business calendar; hours and holidays replace the whole list (admin)',
        params,
        body: updateCalendarRequest,
        response: { 200: businessCalendar, 404: errorResponse, 409: errorResponse, 422: errorResponse },
      },
    },
    async (request) =>
      calendars.update({ actor: actorOf(request), id: request.params.id, changes: request.body }),
  );

  app.delete(
    '/api/calendars/:id',
    {
      config: { permission: 'workspace:admin' },
      schema: {
        tags: ['calendars'],
        summary: 'Delete a business calendar; the workspace and teams using it fall back (admin)',
        params,
        response: { 204: z.null(), 404: errorResponse },
      },
    },
    async (request, reply) => {
      await calendars.remove({ actor: actorOf(request), id: request.params.id });
      return reply.status(204).send(null);
    },
  );

  app.patch(
    '/api/teams/:id/calendar',
    {
      config: { permission: 'workspace:admin' },
      schema: {
        tags: ['calendars'],
        summary: "Choose a team's calendar; null: the workspace's (admin)",
        params,
        body: chooseCalendarRequest,
        response: { 200: calendarList, 404: errorResponse },
      },
    },
    async (request) =>
      calendars.setTeamCalendar({
        actor: actorOf(request),
        teamId: request.params.id,
        calendarId: request.body.calendarId,
      }),
  );
};
