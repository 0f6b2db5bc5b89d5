import {
  apiTokenSummary,
  createApiTokenRequest,
  createApiTokenResponse,
  currentUser,
  errorResponse,
  loginRequest,
  loginResponse,
  updateMeRequest,
  uuid,
} from '@sada/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Services } from '../services.ts';
import { actorOf, SESSION_COOKIE } from './auth.hooks.ts';

const publicToken = (row: {
  id: string;
  name: string;
  tokenHint: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}) => ({
  id: row.id,
  name: row.name,
  hint: row.tokenHint,
  createdAt: row.createdAt,
  lastUsedAt: row.lastUsedAt,
  revokedAt: row.revokedAt,
});

export const authRoutes: FastifyPluginAsyncZod<{ services: Services; config: Config }> = async (
  app,
  { services, config },
) => {
  app.post(
    '/api/auth/login',
    {
      config: { isPublic: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets an HttpOnly session cookie and returns the CSRF token for unsafe requests',
        body: loginRequest,
        response: { 200: loginResponse, 401: errorResponse, 429: errorResponse },
      },
    },
    async (request, reply) => {
      const { token, csrfToken, actor } = await services.auth.login({ ...request.body, ip: request.ip });
      void reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.isCookieSecure,
        path: '/',
        maxAge: Math.floor(config.sessionTtlMs / 1000),
      });
      return { user: await services.auth.describe(actor), csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { permission: 'self' },
      schema: { tags: ['auth'], summary: 'Sign out and end this session', response: { 204: z.null() } },
    },
    async (request, reply) => {
      await services.auth.logout(actorOf(request));
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/me',
    {
      config: { permission: 'self' },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, and the CSRF token of a cookie session',
        response: { 200: z.object({ user: currentUser, csrfToken: z.string().nullable() }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return { user: await services.auth.describe(actor), csrfToken: actor.csrfToken ?? null };
    },
  );

  app.patch(
    '/api/me',
    {
      config: { permission: 'self' },
      schema: {
        tags: ['auth'],
        summary: 'Change your own name or language (null: follow the workspace default)',
        body: updateMeRequest,
        response: { 200: z.object({ user: currentUser, csrfToken: z.string().nullable() }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return {
        user: await services.auth.updateMe({ actor, ...request.body }),
        csrfToken: actor.csrfToken ?? null,
      };
    },
  );

  app.get(
    '/api/me/tokens',
    {
      config: { permission: 'self' },
      schema: { tags: ['auth'], summary: 'Your API tokens', response: { 200: z.array(apiTokenSummary) } },
    },
    async (request) => (await services.auth.listApiTokens(actorOf(request))).map(publicToken),
  );

  app.post(
    '/api/me/tokens',
    {
      config: { permission: 'self' },
      schema: {
        tags: ['auth'],
        summary: 'Create an API token for integrations; the secret is shown only in this answer',
        body: createApiTokenRequest,
        response: { 201: createApiTokenResponse },
      },
    },
    async (request, reply) => {
      const { token, secret } = await services.auth.createApiToken({
        actor: actorOf(request),
        name: request.body.name,
      });
      return reply.status(201).send({ token: publicToken(token), secret });
    },
  );

  app.delete(
    '/api/me/tokens/:id',
    {
      config: { permission: 'self' },
      schema: {
        tags: ['auth'],
        summary: 'Revoke one of your API tokens',
        params: z.object({ id: uuid }),
        response: { 200: apiTokenSummary, 404: errorResponse },
      },
    },
    async (request) =>
      publicToken(await services.auth.revokeApiToken({ actor: actorOf(request), id: request.params.id })),
  );
};
