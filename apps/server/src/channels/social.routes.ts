import type { RawWebhook } from '@sada/channels';
import { createSocialChannelRequest, errorResponse, socialChannel, uuid } from '@sada/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.hooks.ts';
import type { Services } from '../services.ts';
import type { WebhookAnswer } from './social-channels.service.ts';

/** The request as the platform sent it: signatures are over these exact bytes. */
function rawOf(request: FastifyRequest): RawWebhook {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    method: request.method === 'GET' ? 'GET' : 'POST',
    headers,
    query: request.query as Record<string, string | undefined>,
    rawBody: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
  };
}

const answer = (reply: FastifyReply, result: WebhookAnswer) =>
  reply.status(result.status).header('content-type', result.contentType).send(result.body);

/** Connected social accounts (admin) and the platforms' webhooks. */
export const socialRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { social } = services;

  app.get(
    '/api/channels',
    {
      config: { permission: 'workspace:admin' },
      schema: {
        tags: ['channels'],
        summary: 'Connected social accounts, with their webhook URL, last event and last error (admin)',
        response: { 200: z.object({ items: z.array(socialChannel) }) },
      },
    },
    async (request) => ({ items: await social.list(actorOf(request)) }),
  );

  app.post(
    '/api/channels',
    {
      config: { permission: 'workspace:admin' },
      schema: {
        tags: ['channels'],
        summary:
          'Connect a Facebook Page, Instagram account, WhatsApp number, Telegram bot or X account; credentials are stored encrypted and never shown again (admin)',
        body: createSocialChannelRequest,
        response: { 201: socialChannel, 409: errorResponse, 422: errorResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await social.create(actorOf(request), request.body)),
  );

  app.delete(
    '/api/channels/:id',
    {
      config: { permission: 'workspace:admin' },
      schema: {
        tags: ['channels'],
        summary: 'Disconnect a social account: nothing more is taken or sent on it; its cases stay (admin)',
        params: z.object({ id: uuid }),
        response: { 204: z.null(), 404: errorResponse },
      },
    },
    async (request, reply) => {
      await social.disable(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  // The webhooks read their body as bytes: a signature is computed over the bytes as they came.
  await app.register(async (webhooks) => {
    webhooks.removeAllContentTypeParsers();
    webhooks.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: 4 * 1024 * 1024 },
      (_request, body, done) => done(null, body),
    );
    const hidden = { schema: { hide: true } };
    webhooks.get('/webhooks/meta', hidden, async (request, reply) =>
      answer(reply, await social.meta(rawOf(request))),
    );
    webhooks.post('/webhooks/meta', hidden, async (request, reply) =>
      answer(reply, await social.meta(rawOf(request))),
    );
    webhooks.post<{ Params: { channelId: string } }>(
      '/webhooks/telegram/:channelId',
      hidden,
      async (request, reply) =>
        answer(reply, await social.telegram(request.params.channelId, rawOf(request))),
    );
    webhooks.get('/webhooks/x', hidden, async (request, reply) =>
      answer(reply, await social.x(rawOf(request))),
    );
    webhooks.post('/webhooks/x', hidden, async (request, reply) =>
      answer(reply, await social.x(rawOf(request))),
    );
  });
};
