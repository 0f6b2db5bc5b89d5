import {
  chooseOfferRequest,
  createOfferRequest,
  errorResponse,
  offer,
  offerList,
  uuid,
} from '@sada/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.hooks.ts';
import type { Services } from '../services.ts';

export const offerRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { offers } = services;
  const caseParams = z.object({ ref: z.string().max(64) });
  const params = z.object({ id: uuid });

  app.post(
    '/api/cases/:ref/offers',
    {
      config: { permission: 'case:write' },
      schema: {
        tags: ['offers'],
        summary: 'Offer the customer 1–3 options; sent at once unless a compensation waits for approval',
        params: caseParams,
        body: createOfferRequest,
        response: { 201: offer, 404: errorResponse, 422: errorResponse },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await offers.create({
          actor: actorOf(request),
          referenceNumber: request.params.ref,
          input: request.body,
        }),
      ),
  );

  app.get(
    '/api/cases/:ref/offers',
    {
      config: { permission: 'case:read' },
      schema: {
        tags: ['offers'],
        summary: "A case's solution offers, newest first",
        params: caseParams,
        response: { 200: offerList, 404: errorResponse },
      },
    },
    async (request) => offers.list({ actor: actorOf(request), referenceNumber: request.params.ref }),
  );

  app.post(
    '/api/offers/:id/withdraw',
    {
      config: { permission: 'case:write' },
      schema: {
        tags: ['offers'],
        summary: 'Withdraw an offer that waits or was sent; its compensations are cancelled',
        params,
        response: { 200: offer, 404: errorResponse, 409: errorResponse },
      },
    },
    async (request) => offers.withdraw({ actor: actorOf(request), id: request.params.id }),
  );

  app.post(
    '/api/offers/:id/choose',
    {
      config: { permission: 'case:write' },
      schema: {
        tags: ['offers'],
        summary: 'Record the option the customer chose by phone (a sent, unexpired offer, once)',
        params,
        body: chooseOfferRequest,
        response: { 200: offer, 404: errorResponse, 409: errorResponse, 422: errorResponse },
      },
    },
    async (request) =>
      offers.chooseForCustomer({
        actor: actorOf(request),
        id: request.params.id,
        optionId: request.body.optionId,
      }),
  );
};
