import {
  createSlaPolicyRequest,
  errorResponse,
  slaPolicy,
  slaPolicyList,
  slaPolicyOrderRequest,
  updateSlaPolicyRequest,
  uuid,
} from '@sada/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.hooks.ts';
import type { Services } from '../services.ts';

export const slaRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { sla } = services;
  const params = z.object({ id: uuid });

  app.get(
    '/api/sla/policies',
    {
      config: { permission: 'sla:read' },
      schema: {
        tags: ['sla'],
        summary: 'The SLA policies, in the order they are tried (the first that matches a case applies)',
        response: { 200: slaPolicyList },
      },
    },
    async (request) => sla.list(actorOf(request)),
  );

  app.post(
    '/api/sla/policies',
    {
      config: { permission: 'workspace:admin' },
      schema: {
        tags: ['sla'],
        summary: 'Add an SLA policy; every open case chooses its policy again',
        body: createSlaPolicyRequest,
        response: { 201: slaPolicy, 409: errorResponse, 422: errorResponse },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await sla.create({ actor: actorOf(request), input: request.body })),
  );

  // Declared before /:id so that "order" is never read as an id.
  app.put(
    '/api/sla/policies/order',
    {
      config: { permission: 'workspace:admin' },
      schema: {
        tags: ['sla'],
        summary: 'Set the order the policies are tried in (every policy id once)',
        body: slaPolicyOrderRequest,
        response: { 200: slaPolicyList, 422: errorResponse },
      },
    },
    async (request) => sla.reorder({ actor: actorOf(request), ids: request.body.ids }),
  );

  app.patch(
    '/api/sla/policies/:id',
    {
      config: { permission: 'workspace:admin' },
      schema: {
        tags: ['sla'],
        summary: 'Change an SLA policy; open cases follow (due times recomputed, consumed time kept)',
        params,
        body: updateSlaPolicyRequest,
        response: { 200: slaPolicy, 404: errorResponse, 409: errorResponse, 422: errorResponse },
      },
    },
    async (request) => sla.update({ actor: actorOf(request), id: request.params.id, changes: request.body }),
  );

  app.delete(
    '/api/sla/policies/:id',
    {
      config: { permission: 'workspace:admin' },
      schema: {
        tags: ['sla'],
        summary: 'Remove an SLA policy; its open cases choose again, their escalations are cleared',
        params,
        response: { 204: z.null(), 404: errorResponse },
      },
    },
    async (request, reply) => {
      await sla.remove({ actor: actorOf(request), id: request.params.id });
      return reply.status(204).send(null);
    },
  );
};
