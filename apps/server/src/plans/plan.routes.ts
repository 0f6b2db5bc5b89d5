import {
  casePlan,
  createPlanStepRequest,
  errorResponse,
  updatePlanRequest,
  updatePlanStepRequest,
  uuid,
} from '@sada/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.hooks.ts';
import type { Services } from '../services.ts';

export const planRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { plans } = services;
  const ref = z.string().min(1).max(40).describe('Reference number, e.g. SAD-2026-000042');
  const failures = { 404: errorResponse, 422: errorResponse };

  app.get(
    '/api/cases/:ref/plan',
    {
      config: { permission: 'case:read' },
      schema: {
        tags: ['plans'],
        summary: "The case's resolution plan: steps in order, progress, the periodic customer update",
        params: z.object({ ref }),
        response: { 200: casePlan, 404: errorResponse },
      },
    },
    async (request) => plans.get({ actor: actorOf(request), referenceNumber: request.params.ref }),
  );

  app.post(
    '/api/cases/:ref/plan/steps',
    {
      config: { permission: 'case:write' },
      schema: {
        tags: ['plans'],
        summary: 'Add a step at the end of the plan (owner: a user or a team of the workspace)',
        params: z.object({ ref }),
        body: createPlanStepRequest,
        response: { 201: casePlan, ...failures },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await plans.addStep({
          actor: actorOf(request),
          referenceNumber: request.params.ref,
          input: request.body,
        }),
      ),
  );

  app.patch(
    '/api/cases/:ref/plan/steps/:id',
    {
      config: { permission: 'case:write' },
      schema: {
        tags: ['plans'],
        summary:
          'Change a step; a customer-visible step marked done is told to the customer on their channel',
        params: z.object({ ref, id: uuid }),
        body: updatePlanStepRequest,
        response: { 200: casePlan, ...failures },
      },
    },
    async (request) =>
      plans.updateStep({
        actor: actorOf(request),
        referenceNumber: request.params.ref,
        id: request.params.id,
        changes: request.body,
      }),
  );

  app.patch(
    '/api/cases/:ref/plan',
    {
      config: { permission: 'case:write' },
      schema: {
        tags: ['plans'],
        summary: 'Update the customer on progress every N days while the case is open (null: never)',
        params: z.object({ ref }),
        body: updatePlanRequest,
        response: { 200: casePlan, ...failures },
      },
    },
    async (request) =>
      plans.setUpdates({
        actor: actorOf(request),
        referenceNumber: request.params.ref,
        updateEveryDays: request.body.updateEveryDays,
      }),
  );
};
