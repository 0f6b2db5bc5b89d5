import {
  addMessageRequest,
  assignRequest,
  caseDetail,
  caseListQuery,
  casePage,
  createCaseRequest,
  errorResponse,
  message,
  sendTemplateRequest,
  transitionRequest,
  updateCaseRequest,
} from '@sada/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.hooks.ts';
import type { Services } from '../services.ts';

export const caseRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { cases } = services;
  const params = z.object({
    ref: z.string().min(1).max(40).describe('Reference number, e.g. SAD-2026-000042'),
  });
  const failures = { 404: errorResponse, 409: errorResponse, 422: errorResponse };

  app.post(
    '/api/cases',
    {
      config: { permission: 'case:write' },
      schema: {
        tags: ['cases'],
        summary: 'Open a case by hand (phone call, walk-in, form on behalf); honours Idempotency-Key',
        body: createCaseRequest,
        response: { 201: caseDetail, 422: errorResponse },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await cases.create({ actor: actorOf(request), input: request.body })),
  );

  app.get(
    '/api/cases',
    {
      config: { permission: 'case:read' },
      schema: {
        tags: ['cases'],
        summary: 'List cases with filters, full-text q (Arabic and English), keyset pages',
        querystring: caseListQuery,
        response: { 200: casePage },
      },
    },
    async (request) => cases.list({ actor: actorOf(request), query: request.query }),
  );

  app.get(
    '/api/cases/:ref',
    {
      config: { permission: 'case:read' },
      schema: {
        tags: ['cases'],
        summary: 'One case with its messages and timeline',
        params,
        response: { 200: caseDetail, 404: errorResponse },
      },
    },
    async (request) => cases.get({ actor: actorOf(request), referenceNumber: request.params.ref }),
  );

  app.patch(
    '/api/cases/:ref',
    {
      config: { permission: 'case:write' },
      schema: {
        tags: ['cases'],
        summary: 'Change case fields',
        params,
        body: updateCaseRequest,
        response: { 200: caseDetail, ...failures },
      },
    },
    async (request) =>
      cases.update({ actor: actorOf(request), referenceNumber: request.params.ref, changes: request.body }),
  );

  app.post(
    '/api/cases/:ref/transition',
    {
      config: { permission: 'case:write' },
      schema: {
        tags: ['cases'],
        summary: 'Move the case to another status (new → open → pending → resolved → closed; reopen)',
        params,
        body: transitionRequest,
        response: { 200: caseDetail, ...failures },
      },
    },
    async (request) =>
      cases.transition({ actor: actorOf(request), referenceNumber: request.params.ref, ...request.body }),
  );

  app.post(
    '/api/cases/:ref/assign',
    {
      config: { permission: 'case:write' },
      schema: {
        tags: ['cases'],
        summary: 'Assign to a team and/or an agent (null clears)',
        params,
        body: assignRequest,
        response: { 200: caseDetail, ...failures },
      },
    },
    async (request) =>
      cases.assign({ actor: actorOf(request), referenceNumber: request.params.ref, ...request.body }),
  );

  app.post(
    '/api/cases/:ref/messages',
    {
      config: { permission: 'case:write' },
      schema: {
        tags: ['cases'],
        summary: 'Add a reply, an internal note, or log what the customer said; honours Idempotency-Key',
        params,
        body: addMessageRequest,
        response: { 201: message, ...failures },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await cases.addMessage({
          actor: actorOf(request),
          referenceNumber: request.params.ref,
          ...request.body,
        }),
      ),
  );

  app.post(
    '/api/cases/:ref/whatsapp-template',
    {
      config: { permission: 'case:write' },
      schema: {
        tags: ['cases'],
        summary:
          'Send an approved WhatsApp template: the way to write to the customer after the 24-hour window closed',
        params,
        body: sendTemplateRequest,
        response: { 201: message, ...failures },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await cases.sendTemplate({
          actor: actorOf(request),
          referenceNumber: request.params.ref,
          template: request.body,
        }),
      ),
  );
};
