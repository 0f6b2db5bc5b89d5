import fastifyMultipart from '@fastify/multipart';
import {
  PUBLIC_ATTACHMENT_MAX_BYTES,
  PUBLIC_ATTACHMENT_MAX_COUNT,
  PUBLIC_ATTACHMENT_TYPES,
  statusLookupRequest,
} from '@sada/contracts';
import { AppError, type ErrorCode, httpStatusOf } from '@sada/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EMBED_SCRIPT } from './embed-script.ts';
import { pageHref, withLanguage } from './layout.ts';
import { lastValue, MULTIPART_LIMITS, readMultipartForm } from './multipart-form.ts';
import {
  type FormPageConfig,
  newNonce,
  type PageLanguage,
  type PublicChannelsApi,
  pageLanguage,
  sendPage,
} from './page-context.ts';
import { acceptFormPosts, sendComplaintForm, sendNotFound } from './page-replies.ts';
import {
  type LookupNotice,
  renderBilingualNotice,
  renderCaseStatus,
  renderStatusLookup,
  type StatusWorkspace,
  statusHref,
} from './status.page.ts';
import { STRINGS } from './strings.ts';

const isCode = (error: unknown, ...codes: ErrorCode[]): error is AppError =>
  error instanceof AppError && codes.includes(error.code);

// Query parameters never fail a page: an unknown language or stray value is ignored.
const pageQuery = z.object({
  lang: z.enum(['ar', 'en']).optional().catch(undefined),
  embed: z.string().optional().catch(undefined),
  t: z.string().max(4000).optional().catch(undefined),
  sent: z.string().optional().catch(undefined),
});
const workspaceParams = z.object({ workspace: z.string() });
const lookupBody = z
  .object({ reference: z.string().optional(), contact: z.string().optional() })
  .catch({ reference: undefined, contact: undefined });

const STATUS_ATTACHMENTS = {
  types: PUBLIC_ATTACHMENT_TYPES,
  maxBytes: PUBLIC_ATTACHMENT_MAX_BYTES,
  maxCount: PUBLIC_ATTACHMENT_MAX_COUNT,
};

const languageOf = (request: FastifyRequest, lang: PageLanguage | undefined, fallback: PageLanguage) =>
  pageLanguage(lang, request.headers['accept-language'], fallback);

/**
 * The customer's pages, server-rendered: the complaint form (`/w/:workspace/complaint`, embeddable
 * with `?embed=1` and `/embed.js`) and the case status page (`/w/:workspace/status`).
 */
export const publicPageRoutes: FastifyPluginAsyncZod<{ api: PublicChannelsApi }> = async (app, { api }) => {
  // In this scope only, unless the app already parses these bodies.
  if (!app.hasContentTypeParser('multipart/form-data')) {
    await app.register(fastifyMultipart, { limits: MULTIPART_LIMITS });
  }
  acceptFormPosts(app);

  // Anything unexpected still answers a page a person can read, not JSON.
  app.setErrorHandler((error, request, reply) => {
    const query = pageQuery.safeParse(request.query);
    const language = languageOf(request, query.success ? query.data.lang : undefined, 'ar');
    const clientStatus = (error as { statusCode?: unknown }).statusCode;
    const status =
      error instanceof AppError
        ? httpStatusOf[error.code]
        : typeof clientStatus === 'number' && clientStatus >= 400 && clientStatus < 500
          ? clientStatus
          : 500;
    if (status >= 500) request.log.error({ err: error }, 'public page failed');
    const key = status < 500 ? 'badRequest' : 'problem';
    const both = (part: 'title' | 'body') => ({ ar: STRINGS.ar[key][part], en: STRINGS.en[key][part] });
    const nonce = newNonce();
    return sendPage(reply, {
      html: renderBilingualNotice({
        language,
        nonce,
        title: both('title'),
        body: error instanceof AppError ? error.text : both('body'),
      }),
      policy: { nonce },
      status,
      language,
    });
  });

  app.get('/embed.js', { schema: { hide: true } }, (_request, reply) =>
    reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('access-control-allow-origin', '*')
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('cache-control', 'public, max-age=300')
      .header('x-content-type-options', 'nosniff')
      .send(EMBED_SCRIPT),
  );

  app.get(
    '/w/:workspace/complaint',
    { schema: { hide: true, params: workspaceParams, querystring: pageQuery } },
    async (request, reply) => {
      const { lang, embed } = request.query;
      let config: FormPageConfig;
      try {
        config = await api.formConfig(request.params.workspace);
      } catch (error) {
        if (isCode(error, 'not_found')) return sendNotFound(reply, languageOf(request, lang, 'ar'));
        throw error;
      }
      const language = languageOf(request, lang, config.workspace.defaultLanguage);
      return sendComplaintForm(reply, { config, language, values: {}, errors: null, embed: embed === '1' });
    },
  );

  /** The workspace of a status page, or null after sending the 404 page. */
  async function statusWorkspace(
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    lang?: PageLanguage,
  ) {
    const found = await api.workspaceName(slug);
    if (!found) {
      await sendNotFound(reply, languageOf(request, lang, 'ar'));
      return null;
    }
    const workspace: StatusWorkspace = { slug, name: found.name, timeZone: found.timeZone };
    return { workspace, language: languageOf(request, lang, found.defaultLanguage) };
  }

  function sendLookup(
    reply: FastifyReply,
    o: {
      workspace: StatusWorkspace;
      language: PageLanguage;
      values?: { reference?: string; contact?: string };
      notice?: LookupNotice;
      errors?: AppError | null;
      status?: number;
    },
  ) {
    const nonce = newNonce();
    const html = renderStatusLookup({
      workspace: o.workspace,
      language: o.language,
      nonce,
      values: o.values ?? {},
      notice: o.notice ?? null,
      errors: o.errors ?? null,
    });
    return sendPage(reply, {
      html,
      policy: { nonce },
      status: o.status ?? 200,
      language: o.language,
      isPrivate: true,
    });
  }

  async function sendCaseStatus(
    reply: FastifyReply,
    o: {
      workspace: StatusWorkspace;
      language: PageLanguage;
      token: string;
      isSent: boolean;
      error?: AppError;
      body?: string;
    },
  ) {
    const { workspace, language, token } = o;
    let view: Awaited<ReturnType<PublicChannelsApi['viewStatus']>>;
    try {
      view = await api.viewStatus({ slug: workspace.slug, token });
    } catch (error) {
      if (isCode(error, 'unauthorized', 'not_found'))
        return sendLookup(reply, { workspace, language, notice: 'expired' });
      throw error;
    }
    const nonce = newNonce();
    const html = renderCaseStatus({
      workspace,
      language,
      nonce,
      token,
      view,
      isSent: o.isSent,
      error: o.error ?? null,
      values: { body: o.body ?? '' },
      attachments: STATUS_ATTACHMENTS,
    });
    const status = o.error ? httpStatusOf[o.error.code] : 200;
    return sendPage(reply, { html, policy: { nonce }, status, language, isPrivate: true });
  }

  app.get(
    '/w/:workspace/status',
    { schema: { hide: true, params: workspaceParams, querystring: pageQuery } },
    async (request, reply) => {
      const { lang, t, sent } = request.query;
      const found = await statusWorkspace(request, reply, request.params.workspace, lang);
      if (!found) return reply;
      if (!t) return sendLookup(reply, found);
      return sendCaseStatus(reply, { ...found, token: t, isSent: sent === '1' });
    },
  );

  app.post(
    '/w/:workspace/status',
    { schema: { hide: true, params: workspaceParams, querystring: pageQuery, body: lookupBody } },
    async (request, reply) => {
      const found = await statusWorkspace(request, reply, request.params.workspace, request.query.lang);
      if (!found) return reply;
      const values = { reference: request.body.reference ?? '', contact: request.body.contact ?? '' };
      const parsed = statusLookupRequest.safeParse(values);
      if (!parsed.success) {
        const fields = parsed.error.issues.map((issue) => ({
          path: String(issue.path[0] ?? ''),
          message: { ar: STRINGS.ar.fillIn, en: STRINGS.en.fillIn },
        }));
        const errors = new AppError(
          'validation_failed',
          { ar: STRINGS.ar.fillIn, en: STRINGS.en.fillIn },
          { fields },
        );
        return sendLookup(reply, { ...found, values, errors, status: 422 });
      }
      try {
        const result = await api.lookupStatus({ slug: found.workspace.slug, ...parsed.data, ip: request.ip });
        const target = withLanguage(result.statusUrl, found.language);
        const location = target.startsWith('/')
          ? target
          : statusHref(found.workspace.slug, { token: result.token, language: found.language });
        return reply.redirect(location, 303);
      } catch (error) {
        if (isCode(error, 'not_found'))
          return sendLookup(reply, { ...found, values, notice: 'not_found', status: 404 });
        if (isCode(error, 'rate_limited'))
          return sendLookup(reply, { ...found, values, notice: 'rate_limited', status: 429 });
        throw error;
      }
    },
  );

  app.post(
    '/w/:workspace/status/messages',
    { schema: { hide: true, params: workspaceParams, querystring: pageQuery } },
    async (request, reply) => {
      const { lang, t } = request.query;
      const found = await statusWorkspace(request, reply, request.params.workspace, lang);
      if (!found) return reply;
      if (!t) return sendLookup(reply, { ...found, notice: 'expired' });
      const { workspace, language } = found;
      let body = '';
      try {
        const form = await readMultipartForm(request);
        body = lastValue(form.fields, 'body') ?? '';
        const problem = form.problem ?? messageProblem(body, form.files.length);
        if (problem) throw problem;
        const clientMessageId = lastValue(form.fields, 'clientMessageId')?.trim();
        await api.addStatusMessage({
          slug: workspace.slug,
          token: t,
          body: body.trim(),
          files: form.files,
          ...(clientMessageId &&
            clientMessageId.length >= 8 &&
            clientMessageId.length <= 100 && { clientMessageId }),
          ip: request.ip,
        });
      } catch (error) {
        if (isCode(error, 'unauthorized')) return sendLookup(reply, { ...found, notice: 'expired' });
        if (!(error instanceof AppError)) throw error;
        return sendCaseStatus(reply, { ...found, token: t, isSent: false, error, body });
      }
      return reply.redirect(
        pageHref(`/w/${encodeURIComponent(workspace.slug)}/status`, { t, lang: language, sent: '1' }),
        303,
      );
    },
  );
};

// A message needs words or a file, and fits the limit the API sets.
function messageProblem(body: string, fileCount: number): AppError | null {
  const text = (key: 'empty' | 'tooLong') =>
    key === 'empty'
      ? { ar: STRINGS.ar.status.empty, en: STRINGS.en.status.empty }
      : { ar: STRINGS.ar.tooLong, en: STRINGS.en.tooLong };
  if (body.trim() === '' && fileCount === 0)
    return new AppError('validation_failed', text('empty'), {
      fields: [{ path: 'body', message: text('empty') }],
    });
  if (body.length > 20_000)
    return new AppError('validation_failed', text('tooLong'), {
      fields: [{ path: 'body', message: text('tooLong') }],
    });
  return null;
}
