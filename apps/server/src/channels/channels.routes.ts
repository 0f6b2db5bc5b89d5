import {
  channelErrorLog,
  channelSettings,
  createMailboxRequest,
  errorResponse,
  mailbox,
  message,
  updateChannelSettingsRequest,
  updateMailboxRequest,
  uuid,
} from '@sada/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.hooks.ts';
import type { Services } from '../services.ts';
import { sendStoredFile } from './stored-file-reply.ts';

/** The console's side of the owned channels: settings, IMAP mailboxes, stored files, redelivery. */
export const channelRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { channels, cases } = services;
  const params = z.object({ id: uuid });

  app.get(
    '/api/channels/settings',
    {
      config: { permission: 'workspace:admin' },
      schema: {
        tags: ['channels'],
        summary: 'Complaint form, captcha, e-mail, live chat and acknowledgement settings (admin)',
        response: { 200: channelSettings },
      },
    },
    async (request) => channels.settings(actorOf(request)),
  );

  app.patch(
    '/api/channels/settings',
    {
      config: { permission: 'workspace:admin' },
      schema: {
        tags: ['channels'],
        summary: 'Change channel settings; sections merge over what is stored (admin)',
        body: updateChannelSettingsRequest,
        response: { 200: channelSettings, 422: errorResponse },
      },
    },
    async (request) => channels.updateSettings(actorOf(request), request.body),
  );

  app.get(
    '/api/channels/mailboxes',
    {
      config: { permission: 'workspace:admin' },
      schema: {
        tags: ['channels'],
        summary: 'IMAP mailboxes Sada reads new mail from, with their last poll and error (admin)',
        response: { 200: z.object({ items: z.array(mailbox) }) },
      },
    },
    async (request) => ({ items: await channels.mailboxes(actorOf(request)) }),
  );

  app.post(
    '/api/channels/mailboxes',
    {
      config: { permission: 'workspace:admin' },
      schema: {
        tags: ['channels'],
        summary: 'Add an IMAP mailbox; its password is stored encrypted and never shown again (admin)',
        body: createMailboxRequest,
        response: { 201: mailbox, 422: errorResponse },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await channels.createMailbox(actorOf(request), request.body)),
  );

  app.patch(
    '/api/channels/mailboxes/:id',
    {
      config: { permission: 'workspace:admin' },
      schema: {
        tags: ['channels'],
        summary: 'Change an IMAP mailbox (another server or folder is read from its beginning) (admin)',
        params,
        body: updateMailboxRequest,
        response: { 200: mailbox, 404: errorResponse, 422: errorResponse },
      },
    },
    async (request) => channels.updateMailbox(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/channels/mailboxes/:id',
    {
      config: { permission: 'workspace:admin' },
      schema: {
        tags: ['channels'],
        summary: 'Stop reading an IMAP mailbox (admin)',
        params,
        response: { 204: z.null(), 404: errorResponse },
      },
    },
    async (request, reply) => {
      await channels.deleteMailbox(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/channels/mailboxes/:id/errors',
    {
      config: { permission: 'workspace:admin' },
      schema: {
        tags: ['channels'],
        summary: 'The mailbox’s error log, newest first, in English and Arabic (admin)',
        params,
        response: { 200: channelErrorLog, 404: errorResponse },
      },
    },
    async (request) => ({ items: await channels.mailboxErrors(actorOf(request), request.params.id) }),
  );

  app.get(
    '/api/attachments/:id',
    {
      config: { permission: 'case:read' },
      schema: {
        tags: ['cases'],
        summary: 'A stored file of a message (images and PDFs open, anything else downloads)',
        params,
      },
    },
    async (request, reply) => sendStoredFile(reply, await channels.file(actorOf(request), request.params.id)),
  );

  app.post(
    '/api/cases/:ref/messages/:messageId/redeliver',
    {
      config: { permission: 'case:write' },
      schema: {
        tags: ['cases'],
        summary: 'Send a message whose delivery failed again, now',
        params: z.object({ ref: z.string().min(1).max(40), messageId: uuid }),
        response: { 200: message, 404: errorResponse, 409: errorResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await channels.redeliver(actor, request.params.ref, request.params.messageId);
      const detail = await cases.get({ actor, referenceNumber: request.params.ref });
      return detail.messages.find((item) => item.id === request.params.messageId)!;
    },
  );
};
