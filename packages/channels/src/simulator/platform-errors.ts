import type { Platform } from './delivery.ts';
import { fbtraceId } from './ids.ts';

// Error answers in each platform's documented shape (CHANNELS.md §1, §4, §5, §6).

/** An answer the simulator gives: status, JSON body, extra headers. */
export type SimulatedAnswer = { status: number; body: unknown; headers?: Record<string, string> };

/** Meta Graph API: `{error: {message, type, code, error_subcode?, fbtrace_id}}`. */
export function metaError(options: { message: string; type?: string; code: number; subcode?: number }) {
  return {
    error: {
      message: options.message,
      type: options.type ?? 'OAuthException',
      code: options.code,
      ...(options.subcode !== undefined && { error_subcode: options.subcode }),
      fbtrace_id: fbtraceId(),
    },
  };
}

/** Telegram Bot API: `{ok: false, error_code, description, parameters?: {retry_after}}`. */
export function telegramError(options: { code: number; description: string; retryAfter?: number }) {
  return {
    ok: false,
    error_code: options.code,
    description: options.description,
    ...(options.retryAfter !== undefined && { parameters: { retry_after: options.retryAfter } }),
  };
}

/** X API v2 problem: `{title, detail, type, status}`. */
export function xError(options: { status: number; title: string; detail?: string; type?: string }) {
  return {
    title: options.title,
    detail: options.detail ?? options.title,
    type: options.type ?? 'about:blank',
    status: options.status,
  };
}

const metaDefaults: Record<number, { message: string; type: string; code: number }> = {
  400: { message: '(#100) Invalid parameter', type: 'OAuthException', code: 100 },
  401: { message: 'Error validating access token: Session has expired.', type: 'OAuthException', code: 190 },
  403: { message: '(#10) This message is sent outside of allowed window.', type: 'OAuthException', code: 10 },
  404: { message: 'Unsupported post request.', type: 'GraphMethodException', code: 100 },
  429: {
    message: '(#613) Calls to this api have exceeded the rate limit.',
    type: 'OAuthException',
    code: 613,
  },
  500: {
    message: 'An unexpected error has occurred. Please retry your request later.',
    type: 'OAuthException',
    code: 2,
  },
  503: { message: 'Service temporarily unavailable', type: 'OAuthException', code: 2 },
};

const telegramDescriptions: Record<number, string> = {
  400: 'Bad Request: chat not found',
  401: 'Unauthorized',
  403: 'Forbidden: bot was blocked by the user',
  404: 'Not Found',
  429: 'Too Many Requests: retry after 5',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
};

const xTitles: Record<number, string> = {
  400: 'Invalid Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found Error',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The platform's usual error body for an HTTP status, for failures injected without a body. */
export function defaultErrorBody(platform: Platform, status: number): unknown {
  switch (platform) {
    case 'meta': {
      const known = metaDefaults[status] ?? metaDefaults[status >= 500 ? 500 : 400]!;
      return metaError(known);
    }
    case 'telegram':
      return telegramError({
        code: status,
        description: telegramDescriptions[status] ?? `Error ${status}`,
        ...(status === 429 && { retryAfter: 5 }),
      });
    case 'x':
      return xError({ status, title: xTitles[status] ?? 'Error' });
  }
}

/** A 429 for `platform`, telling the client to wait `retryAfterSeconds` the way the platform does. */
export function rateLimitedAnswer(
  platform: Platform,
  options: { retryAfterSeconds: number; resetAt: Date; limit: number; isWhatsapp: boolean },
): SimulatedAnswer {
  switch (platform) {
    case 'meta':
      return {
        status: 429,
        headers: { 'retry-after': String(options.retryAfterSeconds) },
        body: options.isWhatsapp
          ? metaError({ message: '(#130429) Rate limit hit', code: 130429 })
          : metaError(metaDefaults[429]!),
      };
    case 'telegram':
      return {
        status: 429,
        body: telegramError({
          code: 429,
          description: `Too Many Requests: retry after ${options.retryAfterSeconds}`,
          retryAfter: options.retryAfterSeconds,
        }),
      };
    case 'x':
      return {
        status: 429,
        headers: {
          'x-rate-limit-limit': String(options.limit),
          'x-rate-limit-remaining': '0',
          'x-rate-limit-reset': String(Math.ceil(options.resetAt.getTime() / 1000)),
        },
        body: xError({ status: 429, title: 'Too Many Requests' }),
      };
  }
}
