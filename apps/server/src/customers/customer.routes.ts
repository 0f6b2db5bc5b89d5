import {
  createCustomerRequest,
  customer,
  customerListQuery,
  customerLookalike,
  customerPage,
  errorResponse,
  mergeCustomerRequest,
  updateCustomerRequest,
  uuid,
} from '@sada/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.hooks.ts';
import type { Services } from '../services.ts';

export const customerRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { customers } = services;
  const params = z.object({ id: uuid });

  app.get(
    '/api/customers',
    {
      config: { permission: 'customer:read' },
      schema: {
        tags: ['customers'],
        summary: 'Search customers by name, e-mail, phone or handle',
        querystring: customerListQuery,
        response: { 200: customerPage },
      },
    },
    async (request) => customers.search({ actor: actorOf(request), ...request.query }),
  );

  app.post(
    '/api/customers',
    {
      config: { permission: 'customer:write' },
      schema: {
        tags: ['customers'],
        summary: 'Create a customer with identities',
        body: createCustomerRequest,
        response: { 201: customer, 409: errorResponse },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await customers.create({ actor: actorOf(request), customer: request.body })),
  );

  app.get(
    '/api/customers/:id',
    {
      config: { permission: 'customer:read' },
      schema: {
        tags: ['customers'],
        summary: 'One customer with identities',
        params,
        response: { 200: customer, 404: errorResponse },
      },
    },
    async (request) => customers.get({ actor: actorOf(request), id: request.params.id }),
  );

  app.patch(
    '/api/customers/:id',
    {
      config: { permission: 'customer:write' },
      schema: {
        tags: ['customers'],
        summary: 'Change a customer or add identities',
        params,
        body: updateCustomerRequest,
        response: { 200: customer, 404: errorResponse, 409: errorResponse },
      },
    },
    async (request) =>
      customers.update({ actor: actorOf(request), id: request.params.id, changes: request.body }),
  );

  app.get(
    '/api/customers/:id/lookalikes',
    {
      config: { permission: 'customer:read' },
      schema: {
        tags: ['customers'],
        summary:
          'Customers who may be the same person (same e-mail, phone, handle on another channel, or full name): suggestions to merge',
        params,
        response: { 200: z.array(customerLookalike), 404: errorResponse },
      },
    },
    async (request) => customers.lookalikes({ actor: actorOf(request), id: request.params.id }),
  );

  app.post(
    '/api/customers/:id/merge',
    {
      config: { permission: 'customer:merge' },
      schema: {
        tags: ['customers'],
        summary:
          'Merge another customer (sourceId) into this one: identities and cases move here, an audit record is kept',
        params,
        body: mergeCustomerRequest,
        response: { 200: customer, 404: errorResponse, 409: errorResponse },
      },
    },
    async (request) =>
      customers.merge({
        actor: actorOf(request),
        targetId: request.params.id,
        sourceId: request.body.sourceId,
      }),
  );
};
