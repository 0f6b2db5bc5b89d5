import {
  createViewRequest,
  errorResponse,
  savedView,
  updateViewRequest,
  uuid,
  viewCounts,
  viewList,
} from '@sada/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.hooks.ts';
import type { Services } from '../services.ts';

export const viewRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { views } = services;
  const params = z.object({ id: uuid });

  app.get(
    '/api/views',
    {
      config: { permission: 'case:read' },
      schema: {
        tags: ['views'],
        summary: 'Your saved case-list views and the ones shared with the workspace',
        response: { 200: viewList },
      },
    },
    async (request) => views.list(actorOf(request)),
  );

  app.get(
    '/api/views/counts',
    {
      config: { permission: 'case:read' },
      schema: {
        tags: ['views'],
        summary: 'How many cases each view lists: built-in keys (mine, unassigned, …) and saved view ids',
        response: { 200: viewCounts },
      },
    },
    async (request) => views.counts(actorOf(request)),
  );

  app.post(
    '/api/views',
    {
      config: { permission: 'view:write' },
      schema: {
        tags: ['views'],
        summary:
          'Save case-list filters as a view; sharing it with the workspace needs a supervisor or admin',
        body: createViewRequest,
        response: { 201: savedView, 409: errorResponse, 422: errorResponse },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await views.create({ actor: actorOf(request), ...request.body })),
  );

  app.patch(
    '/api/views/:id',
    {
      config: { permission: 'view:write' },
      schema: {
        tags: ['views'],
        summary:
          'Rename, refilter, move or (un)share a view: your own, or a shared one as supervisor or admin',
        params,
        body: updateViewRequest,
        response: { 200: savedView, 404: errorResponse, 409: errorResponse },
      },
    },
    async (request) =>
      views.update({ actor: actorOf(request), id: request.params.id, changes: request.body }),
  );

  app.delete(
    '/api/views/:id',
    {
      config: { permission: 'view:write' },
      schema: {
        tags: ['views'],
        summary: 'Delete a view: your own, or a shared one as supervisor or admin',
        params,
        response: { 204: z.null(), 404: errorResponse },
      },
    },
    async (request, reply) => {
      await views.remove({ actor: actorOf(request), id: request.params.id });
      return reply.status(204).send(null);
    },
  );
};
