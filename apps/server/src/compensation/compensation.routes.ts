import {
  approveCompensationRequest,
  compensationList,
  compensationListQuery,
  compensationPolicy,
  compensationRow,
  compensationTotals,
  compensationTotalsQuery,
  createCompensationRequest,
  customerCompensation,
  errorResponse,
  pendingCompensationList,
  rejectCompensationRequest,
  updateCompensationPolicyRequest,
  uuid,
} from '@sada/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.hooks.ts';
import type { Services } from '../services.ts';

export const compensationRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (
  app,
  { services },
) => {
  const { compensation } = services;
  const params = z.object({ id: uuid });

  app.get(
    '/api/compensation/policy',
    {
      config: { permission: 'case:write' },
      schema: {
        tags: ['compensation'],
        summary: 'The compensation policy: types, currencies, limits per role, monthly team budgets',
        response: { 200: compensationPolicy },
      },
    },
    async (request) => compensation.getPolicy(actorOf(request)),
  );

  app.put(
    '/api/compensation/policy',
    {
      config: { permission: 'workspace:admin' },
      schema: {
        tags: ['compensation'],
        summary:
          'Replace the compensation policy (limits only in its currencies, budgets only for its teams)',
        body: updateCompensationPolicyRequest,
        response: { 200: compensationPolicy, 422: errorResponse },
      },
    },
    async (request) => compensation.setPolicy({ actor: actorOf(request), policy: request.body }),
  );

  app.post(
    '/api/cases/:ref/compensations',
    {
      config: { permission: 'case:write' },
      schema: {
        tags: ['compensation'],
        summary: 'Give compensation directly: given at once within the limits, else it waits for approval',
        params: z.object({ ref: z.string().max(64) }),
        body: createCompensationRequest,
        response: { 201: compensationRow, 404: errorResponse, 422: errorResponse },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await compensation.giveDirectly({
          actor: actorOf(request),
          referenceNumber: request.params.ref,
          input: request.body,
        }),
      ),
  );

  app.get(
    '/api/compensations/pending',
    {
      config: { permission: 'compensation:approve' },
      schema: {
        tags: ['compensation'],
        summary: "Requests waiting for approval, oldest first, with the case and the customer's history",
        response: { 200: pendingCompensationList },
      },
    },
    async (request) => compensation.listPending(actorOf(request)),
  );

  app.post(
    '/api/compensations/:id/approve',
    {
      config: { permission: 'compensation:approve' },
      schema: {
        tags: ['compensation'],
        summary: 'Approve a request (never your own); an offer goes out once all its requests are approved',
        params,
        body: approveCompensationRequest,
        response: { 200: compensationRow, 403: errorResponse, 404: errorResponse, 409: errorResponse },
      },
    },
    async (request) =>
      compensation.approve({ actor: actorOf(request), id: request.params.id, reason: request.body.reason }),
  );

  app.post(
    '/api/compensations/:id/reject',
    {
      config: { permission: 'compensation:approve' },
      schema: {
        tags: ['compensation'],
        summary: 'Reject a request with a reason (never your own); its offer is rejected',
        params,
        body: rejectCompensationRequest,
        response: { 200: compensationRow, 403: errorResponse, 404: errorResponse, 409: errorResponse },
      },
    },
    async (request) =>
      compensation.reject({ actor: actorOf(request), id: request.params.id, reason: request.body.reason }),
  );

  app.get(
    '/api/compensations',
    {
      config: { permission: 'compensation:ledger' },
      schema: {
        tags: ['compensation'],
        summary: 'The compensation ledger, newest first (up to 500)',
        querystring: compensationListQuery,
        response: { 200: compensationList },
      },
    },
    async (request) => compensation.list({ actor: actorOf(request), ...request.query }),
  );

  app.get(
    '/api/compensations/totals',
    {
      config: { permission: 'compensation:ledger' },
      schema: {
        tags: ['compensation'],
        summary: 'Given compensation summed by category, product, team or month, per currency',
        querystring: compensationTotalsQuery,
        response: { 200: compensationTotals },
      },
    },
    async (request) => compensation.totals({ actor: actorOf(request), query: request.query }),
  );

  app.get(
    '/api/cases/:ref/compensations',
    {
      config: { permission: 'case:read' },
      schema: {
        tags: ['compensation'],
        summary:
          'Every compensation of a case: given directly or through an offer, waiting, given or rejected',
        params: z.object({ ref: z.string().min(1).max(40) }),
        response: { 200: compensationList, 404: errorResponse },
      },
    },
    async (request) => compensation.ofCase({ actor: actorOf(request), referenceNumber: request.params.ref }),
  );

  app.get(
    '/api/customers/:id/compensation',
    {
      config: { permission: 'customer:read' },
      schema: {
        tags: ['compensation'],
        summary: "A customer's compensation: totals given per currency and every line",
        params,
        response: { 200: customerCompensation },
      },
    },
    async (request) => compensation.ofCustomer({ actor: actorOf(request), customerId: request.params.id }),
  );
};
