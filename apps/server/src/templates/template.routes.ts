import {
  createTemplateRequest,
  errorResponse,
  replyTemplate,
  templateList,
  updateTemplateRequest,
  uuid,
} from '@sada/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.hooks.ts';
import type { Services } from '../services.ts';

export const templateRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { templates } = services;
  const params = z.object({ id: uuid });

  app.get(
    '/api/templates',
    {
      config: { permission: 'template:read' },
      schema: {
        tags: ['templates'],
        summary: 'Reply templates (Arabic and English) with {{variables}}, by name',
        response: { 200: templateList },
      },
    },
    async (request) => templates.list(actorOf(request)),
  );

  app.post(
    '/api/templates',
    {
      config: { permission: 'template:write' },
      schema: {
        tags: ['templates'],
        summary: 'Add a reply template (supervisor, admin)',
        body: createTemplateRequest,
        response: { 201: replyTemplate, 409: errorResponse, 422: errorResponse },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await templates.create({ actor: actorOf(request), template: request.body })),
  );

  app.patch(
    '/api/templates/:id',
    {
      config: { permission: 'template:write' },
      schema: {
        tags: ['templates'],
        summary: 'Rename or rewrite a reply template (supervisor, admin)',
        params,
        body: updateTemplateRequest,
        response: { 200: replyTemplate, 404: errorResponse, 409: errorResponse, 422: errorResponse },
      },
    },
    async (request) =>
      templates.update({ actor: actorOf(request), id: request.params.id, changes: request.body }),
  );

  app.delete(
    '/api/templates/:id',
    {
      config: { permission: 'template:write' },
      schema: {
        tags: ['templates'],
        summary: 'Delete a reply template (supervisor, admin)',
        params,
        response: { 204: z.null(), 404: errorResponse },
      },
    },
    async (request, reply) => {
      await templates.remove({ actor: actorOf(request), id: request.params.id });
      return reply.status(204).send(null);
    },
  );
};
