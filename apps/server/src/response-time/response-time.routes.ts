import { errorResponse, liveResponseTime, responseTimeBadgeQuery } from '@sada/contracts';
import { AppError } from '@sada/core';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { newNonce, pageLanguage, sendPage } from '../public/pages/page-context.ts';
import { sendNotFound } from '../public/pages/page-replies.ts';
import type { Services } from '../services.ts';
import { renderResponseTimePage } from './response-time.page.ts';
import { renderBadge } from './response-time-badge.ts';
import { badgeText } from './response-time-text.ts';

const workspaceParams = z.object({ workspace: z.string().min(1).max(60) });
// A page's query never fails it: an unknown language is ignored.
const pageQuery = z.object({ lang: z.enum(['ar', 'en']).optional().catch(undefined) });
const PUBLIC = { isPublic: true } as const;
// The figures change every 5 minutes; a badge on someone's site may be that stale, no more.
const CACHE_CONTROL = 'public, max-age=300';

const shareable = (reply: FastifyReply) =>
  reply.header('cache-control', CACHE_CONTROL).header('x-content-type-options', 'nosniff');

/**
 * The public live response time of a workspace: JSON, an SVG badge to put on a profile or site,
 * and a small page. No sign-in.
 */
export const responseTimeRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (
  app,
  { services },
) => {
  const responseTime = services.responseTime;
  // Anyone may read the figures (and a 404) from any site: no cookies are read here.
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('access-control-allow-origin', '*');
    reply.header('cross-origin-resource-policy', 'cross-origin');
  });

  app.get(
    '/w/:workspace/response-time.json',
    {
      config: PUBLIC,
      schema: {
        tags: ['public'],
        summary: 'The median time to a first reply per channel, and whether the desk is open',
        params: workspaceParams,
        response: { 200: liveResponseTime, 404: errorResponse },
      },
    },
    async (request, reply) => {
      const { channels, updatedAt } = await responseTime.ofWorkspace(request.params.workspace);
      shareable(reply);
      return { channels, updatedAt };
    },
  );

  app.get(
    '/w/:workspace/response-time.svg',
    {
      config: PUBLIC,
      schema: { hide: true, params: workspaceParams, querystring: responseTimeBadgeQuery },
    },
    async (request, reply) => {
      const figures = await responseTime.ofWorkspace(request.params.workspace);
      const { lang, theme, channel } = request.query;
      const language = lang ?? figures.workspace.defaultLanguage;
      const svg = renderBadge({
        text: badgeText(figures, language, channel),
        language,
        theme,
        isOpen: figures.isOpen,
      });
      return shareable(reply)
        .header('content-type', 'image/svg+xml; charset=utf-8')
        .header('content-language', language)
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .send(svg);
    },
  );

  app.get(
    '/w/:workspace/response-time',
    { config: PUBLIC, schema: { hide: true, params: workspaceParams, querystring: pageQuery } },
    async (request, reply) => {
      const lang = request.query.lang;
      let figures: Awaited<ReturnType<typeof responseTime.ofWorkspace>>;
      try {
        figures = await responseTime.ofWorkspace(request.params.workspace);
      } catch (error) {
        if (error instanceof AppError && error.code === 'not_found')
          return sendNotFound(reply, pageLanguage(lang, request.headers['accept-language'], 'ar'));
        throw error;
      }
      const language = pageLanguage(
        lang,
        request.headers['accept-language'],
        figures.workspace.defaultLanguage,
      );
      const nonce = newNonce();
      return sendPage(reply, {
        html: renderResponseTimePage({ figures, language, nonce }),
        policy: { nonce },
        language,
      });
    },
  );
};
