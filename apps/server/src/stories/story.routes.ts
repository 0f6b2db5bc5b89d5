import {
  errorResponse,
  story,
  storyCandidacy,
  storyExportQuery,
  storyList,
  storyListQuery,
  updateStoryRequest,
  uuid,
  withdrawConsentRequest,
} from '@sada/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.hooks.ts';
import type { Services } from '../services.ts';

export const storyRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { stories } = services;
  const caseParams = z.object({ ref: z.string().max(64) });
  const params = z.object({ id: uuid });
  const permission = 'story:manage' as const;

  app.post(
    '/api/cases/:ref/story',
    {
      config: { permission },
      schema: {
        tags: ['stories'],
        summary: 'Mark a resolved case rated 4 or 5 as a success-story candidate, its draft prefilled',
        params: caseParams,
        response: { 201: story, 404: errorResponse, 409: errorResponse, 422: errorResponse },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await stories.mark({ actor: actorOf(request), referenceNumber: request.params.ref })),
  );

  app.get(
    '/api/cases/:ref/story',
    {
      config: { permission },
      schema: {
        tags: ['stories'],
        summary: 'Whether the case can be marked as a success story, and its story',
        params: caseParams,
        response: { 200: storyCandidacy, 404: errorResponse },
      },
    },
    async (request) => stories.candidacy({ actor: actorOf(request), referenceNumber: request.params.ref }),
  );

  app.get(
    '/api/stories',
    {
      config: { permission },
      schema: {
        tags: ['stories'],
        summary: "The workspace's success stories, newest first",
        querystring: storyListQuery,
        response: { 200: storyList },
      },
    },
    async (request) => stories.list({ actor: actorOf(request), status: request.query.status }),
  );

  app.get(
    '/api/stories/:id',
    {
      config: { permission },
      schema: {
        tags: ['stories'],
        summary: 'A success story with its text as it would be shared',
        params,
        response: { 200: story, 404: errorResponse },
      },
    },
    async (request) => stories.get({ actor: actorOf(request), id: request.params.id }),
  );

  app.patch(
    '/api/stories/:id',
    {
      config: { permission },
      schema: {
        tags: ['stories'],
        summary: "Edit a story's text or anonymity (until the customer answers)",
        params,
        body: updateStoryRequest,
        response: { 200: story, 404: errorResponse, 409: errorResponse, 422: errorResponse },
      },
    },
    async (request) =>
      stories.update({ actor: actorOf(request), id: request.params.id, input: request.body }),
  );

  app.post(
    '/api/stories/:id/request-consent',
    {
      config: { permission },
      schema: {
        tags: ['stories'],
        summary: 'Ask the customer on their channel whether the story may be shared',
        params,
        response: { 200: story, 404: errorResponse, 409: errorResponse },
      },
    },
    async (request) => stories.requestConsent({ actor: actorOf(request), id: request.params.id }),
  );

  app.post(
    '/api/stories/:id/withdraw-consent',
    {
      config: { permission },
      schema: {
        tags: ['stories'],
        summary:
          'Record that the customer withdrew their consent (or declined by phone): the story is declined',
        params,
        body: withdrawConsentRequest,
        response: { 200: story, 404: errorResponse, 409: errorResponse, 422: errorResponse },
      },
    },
    async (request) =>
      stories.withdrawConsent({
        actor: actorOf(request),
        id: request.params.id,
        reason: request.body.reason,
      }),
  );

  app.get(
    '/api/stories/:id/story.md',
    {
      config: { permission },
      schema: {
        tags: ['stories'],
        summary: 'The consented story as Markdown (lang=ar|en; default: the customer language)',
        params,
        querystring: storyExportQuery,
      },
    },
    async (request, reply) => {
      const text = await stories.markdown({
        actor: actorOf(request),
        id: request.params.id,
        language: request.query.lang,
      });
      return reply
        .type('text/markdown; charset=utf-8')
        .header('content-disposition', `attachment; filename="story-${request.params.id}.md"`)
        .header('cache-control', 'no-store')
        .send(text);
    },
  );

  app.get(
    '/api/stories/:id/card.svg',
    {
      config: { permission },
      schema: {
        tags: ['stories'],
        summary: 'The consented story as a 1200×630 SVG card for sharing (lang=ar|en)',
        params,
        querystring: storyExportQuery,
      },
    },
    async (request, reply) => {
      const svg = await stories.card({
        actor: actorOf(request),
        id: request.params.id,
        language: request.query.lang,
      });
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header('content-disposition', `inline; filename="story-${request.params.id}.svg"`)
        .header('cache-control', 'no-store')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .send(svg);
    },
  );
};
