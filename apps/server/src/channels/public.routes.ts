import fastifyMultipart from '@fastify/multipart';
import {
  type ChatEvent,
  chatCommand,
  chatConfig,
  chatMessage,
  chatSession,
  errorResponse,
  publicCaseView,
  publicComplaintRequest,
  publicComplaintResponse,
  publicFormConfig,
  publicMessageRequest,
  startChatRequest,
  statusLookupRequest,
  statusLookupResponse,
} from '@sada/contracts';
import { AppError } from '@sada/core';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { preferredLanguage, validationErrorOf } from '../http/error-handler.ts';
import type { LiveHub } from '../live/live-hub.ts';
import { complaintFormInput } from '../public/pages/complaint-form-input.ts';
import {
  type FormFields,
  lastValue,
  MULTIPART_LIMITS,
  readMultipartForm,
} from '../public/pages/multipart-form.ts';
import { pageLanguage } from '../public/pages/page-context.ts';
import { sendComplaintConfirmation, sendComplaintForm } from '../public/pages/page-replies.ts';
import type { Services } from '../services.ts';
import type { UploadedFile } from './channel-intake.ts';
import { sendStoredFile } from './stored-file-reply.ts';

const workspaceParams = z.object({ workspace: z.string().min(1).max(60) });
const statusQuery = z.object({ t: z.string().min(1).max(1000) });
const chatTokenHeader = 'x-sada-chat-token';
const PUBLIC = { isPublic: true } as const;
const errors = { 404: errorResponse, 422: errorResponse, 429: errorResponse };

/**
 * The fields and files of a public POST: JSON, or multipart/form-data (files under `attachments`),
 * checked by the zod schema. `toInput` shapes a multipart form's text fields (default: as they are).
 */
async function readForm<T extends z.ZodType>(
  request: FastifyRequest,
  schema: T,
  toInput: (fields: FormFields) => Record<string, unknown> = plainFields,
): Promise<{ input: z.infer<T>; files: UploadedFile[] }> {
  let raw: unknown = request.body ?? {};
  let files: UploadedFile[] = [];
  if (request.isMultipart()) {
    const read = await readMultipartForm(request);
    if (read.problem) throw read.problem;
    raw = toInput(read.fields);
    files = read.files;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw validationErrorOf(parsed.error, 'body');
  return { input: parsed.data, files };
}

const plainFields = (fields: FormFields) =>
  Object.fromEntries(
    Object.keys(fields)
      .map((name) => [name, lastValue(fields, name)] as const)
      .filter(([, value]) => value !== undefined && value !== ''),
  );

const wantsHtml = (request: FastifyRequest) => {
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html') && !accept.includes('application/json');
};

/**
 * The endpoints customers use without signing in: the complaint form, the status page and the live
 * chat. CORS is open (no cookies are read here); a chat or status token in the request is the only
 * key to a case.
 */
export const publicRoutes: FastifyPluginAsyncZod<{ services: Services; hub: LiveHub }> = async (
  app,
  { services, hub },
) => {
  const channels = services.publicChannels;
  await app.register(fastifyMultipart, { limits: MULTIPART_LIMITS });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('access-control-allow-origin', '*');
    reply.header('cross-origin-resource-policy', 'cross-origin');
    if (request.method === 'OPTIONS') {
      reply
        .header('access-control-allow-methods', 'GET, POST, OPTIONS')
        .header('access-control-allow-headers', `content-type, accept, accept-language, ${chatTokenHeader}`)
        .header('access-control-max-age', '600');
    }
  });
  app.options('/api/public/*', { config: PUBLIC, schema: { hide: true } }, async (_request, reply) =>
    reply.status(204).send(),
  );

  const tokenOf = (request: FastifyRequest) => {
    const header = request.headers[chatTokenHeader];
    const token = Array.isArray(header) ? header[0] : header;
    if (!token) {
      throw new AppError('unauthorized', {
        en: `Send the chat's token in the ${chatTokenHeader} header.`,
        ar: `أرسل رمز المحادثة في ترويسة ${chatTokenHeader}.`,
      });
    }
    return token;
  };

  app.get(
    '/api/public/:workspace/form',
    {
      config: PUBLIC,
      schema: {
        tags: ['public'],
        summary: 'What the complaint form asks for (fields, products, categories, limits)',
        params: workspaceParams,
        response: { 200: publicFormConfig, 404: errorResponse },
      },
    },
    async (request) => channels.formConfig(request.params.workspace),
  );

  app.post(
    '/api/public/:workspace/complaints',
    {
      config: PUBLIC,
      schema: {
        tags: ['public'],
        summary:
          'Make a complaint (JSON, or multipart/form-data with images or PDFs under "attachments"); a plain HTML form post gets the confirmation page',
        params: workspaceParams,
        response: { 201: publicComplaintResponse, 400: errorResponse, 413: errorResponse, ...errors },
      },
    },
    async (request, reply) => {
      const slug = request.params.workspace;
      // A plain form post (no JavaScript) is answered with a page: the confirmation, or the form
      // again with what was typed and what is wrong.
      const isPage = wantsHtml(request);
      const config = isPage || request.isMultipart() ? await channels.formConfig(slug) : undefined;
      const language = isPage
        ? pageLanguage(undefined, request.headers['accept-language'], config!.workspace.defaultLanguage)
        : preferredLanguage(request);
      let values: Record<string, unknown> = (request.body as Record<string, unknown> | undefined) ?? {};
      let isEmbed = false;
      try {
        const { input, files } = await readForm(request, publicComplaintRequest, (fields) => {
          const shaped = complaintFormInput(fields, config!);
          values = shaped.input;
          isEmbed = shaped.isEmbed;
          return shaped.input;
        });
        const created = await channels.submitComplaint({ slug, input, files, ip: request.ip, language });
        if (!isPage) return reply.status(201).send(created);
        return sendComplaintConfirmation(reply, {
          config: config!,
          language,
          ...created,
          embed: isEmbed,
          hasEmail: !!input.email,
        });
      } catch (error) {
        if (!isPage || !(error instanceof AppError) || error.code === 'not_found') throw error;
        return sendComplaintForm(reply, { config: config!, language, values, errors: error, embed: isEmbed });
      }
    },
  );

  app.post(
    '/api/public/:workspace/status/lookup',
    {
      config: PUBLIC,
      schema: {
        tags: ['public'],
        summary:
          'Find a case by its reference and the e-mail or phone given with it; answers a status token (the same message for any wrong combination)',
        params: workspaceParams,
        body: statusLookupRequest,
        response: { 200: statusLookupResponse, ...errors },
      },
    },
    async (request) =>
      channels.lookupStatus({
        slug: request.params.workspace,
        reference: request.body.reference,
        contact: request.body.contact,
        ip: request.ip,
      }),
  );

  app.get(
    '/api/public/:workspace/status',
    {
      config: PUBLIC,
      schema: {
        tags: ['public'],
        summary: 'What the customer sees of a case: status, expected time and public updates',
        params: workspaceParams,
        querystring: statusQuery,
        response: { 200: publicCaseView, 401: errorResponse, 404: errorResponse },
      },
    },
    async (request) => channels.viewStatus({ slug: request.params.workspace, token: request.query.t }),
  );

  app.post(
    '/api/public/:workspace/status/messages',
    {
      config: PUBLIC,
      schema: {
        tags: ['public'],
        summary: 'Add a message (and images or PDFs) to the case of a status token',
        params: workspaceParams,
        querystring: statusQuery,
        response: { 204: z.null(), 401: errorResponse, 409: errorResponse, 413: errorResponse, ...errors },
      },
    },
    async (request, reply) => {
      const { input, files } = await readForm(request, publicMessageRequest);
      await channels.addStatusMessage({
        slug: request.params.workspace,
        token: request.query.t,
        body: input.body,
        files,
        clientMessageId: input.clientMessageId,
        ip: request.ip,
      });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/public/:workspace/status/files/:fileId',
    {
      config: PUBLIC,
      schema: {
        tags: ['public'],
        summary: 'A file of the case of a status token',
        params: workspaceParams.extend({ fileId: z.uuid() }),
        querystring: statusQuery,
      },
    },
    async (request, reply) =>
      sendStoredFile(
        reply,
        await channels.statusFile({
          slug: request.params.workspace,
          token: request.query.t,
          fileId: request.params.fileId,
        }),
      ),
  );

  app.get(
    '/api/public/:workspace/chat/config',
    {
      config: PUBLIC,
      schema: {
        tags: ['public'],
        summary: "The chat widget's settings and whether an agent is online",
        params: workspaceParams,
        response: { 200: chatConfig, 404: errorResponse },
      },
    },
    async (request) => channels.chatConfig(request.params.workspace),
  );

  app.post(
    '/api/public/:workspace/chats',
    {
      config: PUBLIC,
      schema: {
        tags: ['public'],
        summary: 'Start a live chat (opens a case); answers the chat token and the conversation',
        params: workspaceParams,
        body: startChatRequest,
        response: { 201: chatSession, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await channels.startChat({
          slug: request.params.workspace,
          input: request.body,
          ip: request.ip,
          language: preferredLanguage(request),
        }),
      ),
  );

  app.get(
    '/api/public/:workspace/chats/current',
    {
      config: PUBLIC,
      schema: {
        tags: ['public'],
        summary: `The conversation of the chat token in ${chatTokenHeader}`,
        params: workspaceParams,
        response: { 200: chatSession, 401: errorResponse, 404: errorResponse },
      },
    },
    async (request) => channels.chatSession({ slug: request.params.workspace, token: tokenOf(request) }),
  );

  app.post(
    '/api/public/:workspace/chats/current/messages',
    {
      config: PUBLIC,
      schema: {
        tags: ['public'],
        summary: 'Send a chat message (JSON, or multipart with images or PDFs under "attachments")',
        params: workspaceParams,
        response: { 201: chatMessage, 401: errorResponse, 409: errorResponse, 413: errorResponse, ...errors },
      },
    },
    async (request, reply) => {
      const { input, files } = await readForm(request, publicMessageRequest);
      const message = await channels.sendChatMessage({
        slug: request.params.workspace,
        token: tokenOf(request),
        body: input.body,
        files,
        clientMessageId: input.clientMessageId,
        ip: request.ip,
      });
      return reply.status(201).send(message);
    },
  );

  app.get(
    '/api/public/:workspace/chats/current/files/:fileId',
    {
      config: PUBLIC,
      schema: {
        tags: ['public'],
        summary: 'A file of the conversation of a chat token',
        params: workspaceParams.extend({ fileId: z.uuid() }),
        querystring: z.object({ token: z.string().min(1).max(1000) }),
      },
    },
    async (request, reply) =>
      sendStoredFile(
        reply,
        await channels.chatFile({
          slug: request.params.workspace,
          token: request.query.token,
          fileId: request.params.fileId,
        }),
      ),
  );

  app.get(
    '/api/public/:workspace/chats/current/socket',
    {
      websocket: true,
      config: PUBLIC,
      schema: {
        tags: ['public'],
        summary:
          'WebSocket of a chat: agent messages, agent typing, availability and status; send {type:"typing",isTyping}',
        params: workspaceParams,
        querystring: z.object({ token: z.string().min(1).max(1000) }),
      },
    },
    async (socket, request) => {
      let chat: Awaited<ReturnType<typeof channels.caseOfToken>>;
      try {
        chat = await channels.caseOfToken(request.params.workspace, request.query.token, 'chat');
      } catch {
        socket.close(4401, 'chat token not valid');
        return;
      }
      const { workspace } = chat;
      const caseId = chat.row.id;
      const referenceNumber = chat.row.referenceNumber;
      const token = request.query.token;
      const send = (event: ChatEvent) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(event));
      };
      let isAgentTyping = false;
      let isAvailable = hub.hasConsoles(workspace.id);
      const stopNotices = hub.onNotice((notice) => {
        if (notice.workspaceId !== workspace.id || !('caseId' in notice) || notice.caseId !== caseId) return;
        if (notice.type === 'message.created' && notice.messageId) {
          void channels
            .chatMessage(workspace, caseId, notice.messageId, token)
            .then((message) => message && send({ type: 'message', message }))
            .catch((error: unknown) =>
              request.log.warn({ err: error }, 'chat message not sent to the widget'),
            );
        } else if (notice.type === 'case.updated') {
          void channels
            .caseStatus(workspace, caseId)
            .then((status) => status && send({ type: 'status', status }))
            .catch((error: unknown) =>
              request.log.warn({ err: error }, 'chat status not sent to the widget'),
            );
        }
      });
      const stopPresence = hub.onPresence((change) => {
        if (change.workspaceId !== workspace.id || change.referenceNumber !== referenceNumber) return;
        const typist = change.viewers.find((viewer) => viewer.state === 'typing');
        if (!!typist !== isAgentTyping) {
          isAgentTyping = !!typist;
          send({ type: 'typing', isTyping: isAgentTyping, name: typist?.name ?? null });
        }
      });
      const availability = setInterval(() => {
        const now = hub.hasConsoles(workspace.id);
        if (now !== isAvailable) {
          isAvailable = now;
          send({ type: 'availability', isAgentAvailable: now });
        }
      }, 5_000);
      availability.unref();
      socket.on('message', (data) => {
        let parsed: z.infer<typeof chatCommand> | undefined;
        try {
          const result = chatCommand.safeParse(JSON.parse(String(data)));
          parsed = result.success ? result.data : undefined;
        } catch {
          parsed = undefined;
        }
        if (!parsed) {
          socket.close(1008, 'invalid command');
          return;
        }
        hub.publishChatTyping(workspace.id, { caseId, referenceNumber }, parsed.isTyping);
      });
      socket.on('close', () => {
        stopNotices();
        stopPresence();
        clearInterval(availability);
      });
      send({ type: 'availability', isAgentAvailable: isAvailable });
    },
  );
};
