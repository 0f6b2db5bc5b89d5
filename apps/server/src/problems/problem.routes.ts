import {
  caseProblem,
  closeProblemRequest,
  createProblemActionRequest,
  createProblemNoteRequest,
  createProblemRequest,
  errorResponse,
  linkProblemCasesRequest,
  problemDetail,
  problemEffectiveness,
  problemEffectivenessQuery,
  problemList,
  problemListQuery,
  problemSuggestions,
  problemSuggestionsQuery,
  updateProblemActionRequest,
  updateProblemRequest,
  uuid,
} from '@sada/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.hooks.ts';
import type { Services } from '../services.ts';

export const problemRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { problems } = services;
  const ref = z.string().min(1).max(40).describe('Reference number, e.g. SAD-2026-000042');
  const id = z.object({ id: uuid });
  const read = { permission: 'problem:read' } as const;
  const write = { permission: 'problem:write' } as const;
  const failures = { 404: errorResponse, 409: errorResponse, 422: errorResponse };
  const tags = ['problems'];

  app.get(
    '/api/problems',
    {
      config: read,
      schema: {
        tags,
        summary: 'The problems of the workspace, the most recently changed first (at most 500)',
        querystring: problemListQuery,
        response: { 200: problemList, 422: errorResponse },
      },
    },
    async (request) => problems.list(actorOf(request), request.query.status),
  );

  app.post(
    '/api/problems',
    {
      config: write,
      schema: {
        tags,
        summary: 'Create a problem from cases (references) or from an emerging issue (its cases are linked)',
        body: createProblemRequest,
        response: { 201: problemDetail, ...failures },
      },
    },
    async (request, reply) => reply.status(201).send(await problems.create(actorOf(request), request.body)),
  );

  app.get(
    '/api/problems/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A problem with its cases, actions and notes',
        params: id,
        response: { 200: problemDetail, 404: errorResponse },
      },
    },
    async (request) => problems.get(actorOf(request), request.params.id),
  );

  app.patch(
    '/api/problems/:id',
    {
      config: write,
      schema: {
        tags,
        summary:
          'Change the title, root cause, owner or status (open, investigating; reopens a closed problem)',
        params: id,
        body: updateProblemRequest,
        response: { 200: problemDetail, ...failures },
      },
    },
    async (request) => problems.update(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/problems/:id/cases',
    {
      config: write,
      schema: {
        tags,
        summary: 'Link up to 200 cases; a case belongs to one problem at most (409 naming the other)',
        params: id,
        body: linkProblemCasesRequest,
        response: { 200: problemDetail, ...failures },
      },
    },
    async (request) => problems.linkCases(actorOf(request), request.params.id, request.body.references),
  );

  app.delete(
    '/api/problems/:id/cases/:ref',
    {
      config: write,
      schema: {
        tags,
        summary: 'Unlink a case',
        params: z.object({ id: uuid, ref }),
        response: { 200: problemDetail, ...failures },
      },
    },
    async (request) => problems.unlinkCase(actorOf(request), request.params.id, request.params.ref),
  );

  app.get(
    '/api/problems/:id/suggestions',
    {
      config: read,
      schema: {
        tags,
        summary: "Recent cases in no problem whose words are close to the problem's cases (TF-IDF cosine)",
        params: id,
        querystring: problemSuggestionsQuery,
        response: { 200: problemSuggestions, 404: errorResponse, 422: errorResponse },
      },
    },
    async (request) => problems.suggestions(actorOf(request), request.params.id, request.query.days),
  );

  app.post(
    '/api/problems/:id/actions',
    {
      config: write,
      schema: {
        tags,
        summary: 'Add a corrective action with an owner, a deadline and a status',
        params: id,
        body: createProblemActionRequest,
        response: { 201: problemDetail, ...failures },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await problems.addAction(actorOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/problems/:id/actions/:actionId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change an action; marking it done dates the effectiveness chart',
        params: z.object({ id: uuid, actionId: uuid }),
        body: updateProblemActionRequest,
        response: { 200: problemDetail, ...failures },
      },
    },
    async (request) =>
      problems.updateAction(actorOf(request), request.params.id, request.params.actionId, request.body),
  );

  app.post(
    '/api/problems/:id/notes',
    {
      config: write,
      schema: {
        tags,
        summary: 'Add a note',
        params: id,
        body: createProblemNoteRequest,
        response: { 201: problemDetail, ...failures },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await problems.addNote(actorOf(request), request.params.id, request.body.body)),
  );

  app.post(
    '/api/problems/:id/close',
    {
      config: write,
      schema: {
        tags,
        summary:
          "Close the problem; with notifyCustomers, each linked case's customer is told once, on their channel and in their language, that the cause was fixed",
        params: id,
        body: closeProblemRequest,
        response: { 200: problemDetail, ...failures },
      },
    },
    async (request) => problems.close(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/problems/:id/effectiveness',
    {
      config: read,
      schema: {
        tags,
        summary:
          "The problem's complaints per week before and after the action date, and their rates (per week, share of all)",
        params: id,
        querystring: problemEffectivenessQuery,
        response: { 200: problemEffectiveness, 404: errorResponse, 422: errorResponse },
      },
    },
    async (request) => problems.effectiveness(actorOf(request), request.params.id, request.query),
  );

  app.get(
    '/api/cases/:ref/problem',
    {
      config: read,
      schema: {
        tags,
        summary: 'The problem a case is linked to, if any',
        params: z.object({ ref }),
        response: { 200: caseProblem, 404: errorResponse },
      },
    },
    async (request) => problems.ofCase(actorOf(request), request.params.ref),
  );
};
