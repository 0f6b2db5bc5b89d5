import { availabilityStatus, errorResponse, setAvailabilityRequest, uuid } from '@sada/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.hooks.ts';
import type { Services } from '../services.ts';

export const assignmentRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { assignment } = services;

  app.get(
    '/api/me/availability',
    {
      config: { permission: 'self' },
      schema: { tags: ['users'], summary: 'Your availability', response: { 200: availabilityStatus } },
    },
    async (request) => assignment.getAvailability(actorOf(request)),
  );

  app.put(
    '/api/me/availability',
    {
      config: { permission: 'self' },
      schema: {
        tags: ['users'],
        summary:
          'Go online, away or offline; away or offline gives your waiting cases back to the team queue',
        body: setAvailabilityRequest,
        response: { 200: availabilityStatus },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return assignment.setAvailability({ actor, userId: actor.userId, ...request.body });
    },
  );

  app.put(
    '/api/users/:id/availability',
    {
      config: { permission: 'user:availability' },
      schema: {
        tags: ['users'],
        summary: "Set someone's availability (supervisor, admin)",
        params: z.object({ id: uuid }),
        body: setAvailabilityRequest,
        response: { 200: availabilityStatus, 404: errorResponse },
      },
    },
    async (request) =>
      assignment.setAvailability({ actor: actorOf(request), userId: request.params.id, ...request.body }),
  );
};
