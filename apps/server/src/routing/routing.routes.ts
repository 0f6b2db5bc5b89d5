import {
  createRoutingRuleRequest,
  errorResponse,
  reorderRoutingRulesRequest,
  routingDryRunRequest,
  routingDryRunResult,
  routingRule,
  routingRuleList,
  updateRoutingRuleRequest,
  uuid,
} from '@sada/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.hooks.ts';
import type { Services } from '../services.ts';

export const routingRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { routing } = services;
  const params = z.object({ id: uuid });
  const tags = ['routing'];

  app.get(
    '/api/routing/rules',
    {
      config: { permission: 'routing:read' },
      schema: {
        tags,
        summary: 'Routing rules in the order they are tried (admin, supervisor)',
        response: { 200: routingRuleList },
      },
    },
    async (request) => routing.list(actorOf(request)),
  );

  app.post(
    '/api/routing/rules',
    {
      config: { permission: 'workspace:admin' },
      schema: {
        tags,
        summary: 'Add a routing rule; it goes last (admin)',
        body: createRoutingRuleRequest,
        response: { 201: routingRule, 409: errorResponse, 422: errorResponse },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await routing.create({ actor: actorOf(request), rule: request.body })),
  );

  app.put(
    '/api/routing/rules/order',
    {
      config: { permission: 'workspace:admin' },
      schema: {
        tags,
        summary: 'Put the routing rules in a new order: every rule id, each once (admin)',
        body: reorderRoutingRulesRequest,
        response: { 200: routingRuleList, 422: errorResponse },
      },
    },
    async (request) => routing.reorder({ actor: actorOf(request), ids: request.body.ids }),
  );

  app.patch(
    '/api/routing/rules/:id',
    {
      config: { permission: 'workspace:admin' },
      schema: {
        tags,
        summary: 'Change, enable or disable a routing rule (admin)',
        params,
        body: updateRoutingRuleRequest,
        response: { 200: routingRule, 404: errorResponse, 409: errorResponse, 422: errorResponse },
      },
    },
    async (request) =>
      routing.update({ actor: actorOf(request), id: request.params.id, changes: request.body }),
  );

  app.delete(
    '/api/routing/rules/:id',
    {
      config: { permission: 'workspace:admin' },
      schema: {
        tags,
        summary: 'Delete a routing rule (admin)',
        params,
        response: { 204: z.null(), 404: errorResponse },
      },
    },
    async (request, reply) => {
      await routing.remove({ actor: actorOf(request), id: request.params.id });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/routing/dry-run',
    {
      config: { permission: 'routing:read' },
      schema: {
        tags,
        summary: "What a rule (saved or not) would do to the workspace's last N cases; changes nothing",
        body: routingDryRunRequest,
        response: { 200: routingDryRunResult, 404: errorResponse, 422: errorResponse },
      },
    },
    async (request) => routing.dryRun({ actor: actorOf(request), ...request.body }),
  );
};
