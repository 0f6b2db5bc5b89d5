import { AppError, assertCan } from '@sada/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../services.ts';
import { isSameSecret } from './auth.service.ts';

export const SESSION_COOKIE = 'sada_session';
// The API description is public, like the OpenAPI document it renders.
const isDocs = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/');
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match)
    throw new AppError('unauthorized', {
      en: 'The Authorization header must read "Bearer <token>".',
      ar: 'يجب أن تكون ترويسة Authorization بالشكل "Bearer <token>".',
    });
  return match[1];
}

// A cross-site page may open a WebSocket with the user's cookie; the Origin header gives it away.
function assertSameOrigin(request: FastifyRequest) {
  const origin = request.headers.origin;
  if (!origin) return;
  const host = request.headers.host;
  if (!host || new URL(origin).host !== host) {
    throw new AppError('forbidden', {
      en: 'This connection comes from another site; open Sada itself to connect.',
      ar: 'هذا الاتصال قادم من موقع آخر؛ افتح صدى نفسه للاتصال.',
    });
  }
}

/** Authenticates every API request, checks CSRF for cookie sessions, and checks the route's permission. */
export function registerAuthHooks(app: FastifyInstance, services: Services) {
  app.addHook('onRoute', (route) => {
    const config = route.config as { isPublic?: boolean; permission?: string } | undefined;
    if (route.url.startsWith('/api/') && !isDocs(route.url) && !config?.isPublic && !config?.permission) {
      throw new Error(`Route ${route.method} ${route.url} declares no permission`);
    }
  });

  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    const url = request.routeOptions.url ?? '';
    if (config.isPublic || !url.startsWith('/api/') || isDocs(url)) return;
    const bearer = bearerOf(request);
    if (bearer) {
      request.actor = await services.auth.actorFromApiToken(bearer);
      if (!request.actor)
        throw new AppError('unauthorized', {
          en: 'This API token is not valid or was revoked.',
          ar: 'مفتاح الواجهة البرمجية هذا غير صالح أو أُلغي.',
        });
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      request.actor = cookie ? await services.auth.actorFromSession(cookie) : undefined;
      if (!request.actor)
        throw new AppError('unauthorized', {
          en: 'Sign in first: your session is missing or has expired.',
          ar: 'سجّل الدخول أولًا: جلستك غير موجودة أو انتهت.',
        });
      const isWebSocket = request.headers.upgrade?.toLowerCase() === 'websocket';
      if (isWebSocket) assertSameOrigin(request);
      else if (!SAFE_METHODS.has(request.method)) {
        const given = request.headers['x-csrf-token'];
        if (typeof given !== 'string' || !isSameSecret(given, request.actor.csrfToken ?? '')) {
          throw new AppError('forbidden', {
            en: 'Missing or wrong CSRF token: send the csrfToken you got at sign-in in X-CSRF-Token.',
            ar: 'رمز CSRF مفقود أو خاطئ: أرسل csrfToken الذي حصلت عليه عند الدخول في الترويسة X-CSRF-Token.',
          });
        }
      }
    }
    if (config.permission && config.permission !== 'self') assertCan(request.actor.role, config.permission);
  });
}

export function actorOf(request: FastifyRequest) {
  if (!request.actor) throw new AppError('unauthorized', { en: 'Sign in first.', ar: 'سجّل الدخول أولًا.' });
  return request.actor;
}
