import type { RawWebhook } from '@sada/channels';
import {
  caseDetail,
  channelErrorLog,
  channelTestResult,
  createSocialChannelRequest,
  errorResponse,
  hideMessageRequest,
  message,
  moveToPrivateRequest,
  socialChannel,
  uuid,
} from '@sada/contracts';
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
  const { social, cases } = services;

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

  app.post(
    '/api/channels/:id/test',
    {
      config: { permission: 'workspace:admin' },
      schema: {
        tags: ['channels'],
        summary: 'Ask the platform whether the account’s credentials work (admin)',
        params: z.object({ id: uuid }),
        response: { 200: channelTestResult, 404: errorResponse },
      },
    },
    async (request) => social.test(actorOf(request), request.params.id),
  );

  app.get(
    '/api/channels/:id/errors',
    {
      config: { permission: 'workspace:admin' },
      schema: {
        tags: ['channels'],
        summary:
          'The account’s error log, newest first: refused webhooks, failed sends, polls and tests, in English and Arabic (admin)',
        params: z.object({ id: uuid }),
        response: { 200: channelErrorLog, 404: errorResponse },
      },
    },
    async (request) => ({ items: await social.errors(actorOf(request), request.params.id) }),
  );

  app.post(
    '/api/cases/:ref/messages/:messageId/hide',
    {
      config: { permission: 'case:write' },
      schema: {
        tags: ['cases'],
        summary:
          'Hide (or show again) a customer’s public comment on Facebook or Instagram, with a reason; never deletes it (audited)',
        params: z.object({ ref: z.string().min(1).max(40), messageId: uuid }),
        body: hideMessageRequest,
        response: { 200: message, 404: errorResponse, 409: errorResponse, 503: errorResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await social.moderate(actor, request.params.ref, request.params.messageId, request.body);
      const detail = await cases.get({ actor, referenceNumber: request.params.ref });
      return detail.messages.find((item) => item.id === request.params.messageId)!;
    },
  );

  app.post(
    '/api/cases/:ref/move-to-private',
    {
      config: { permission: 'case:write' },
      schema: {
        tags: ['cases'],
        summary:
          'Move a public conversation to private messages: a public reply invites the customer, the private thread opens, and their private answer counts as accepted',
        params: z.object({ ref: z.string().min(1).max(40) }),
        body: moveToPrivateRequest,
        response: { 200: caseDetail, 404: errorResponse, 409: errorResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const referenceNumber = request.params.ref;
      await social.moveToPrivate(actor, referenceNumber, request.body.body, ({ visibility, body }) =>
        cases.addMessage({ actor, referenceNumber, type: 'reply', visibility, body, attachments: [] }),
      );
      return cases.get({ actor, referenceNumber });
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
