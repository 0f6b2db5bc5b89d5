// One POST to the Graph API, and its errors turned into SocialSendError at the edge: rate limits
// and Meta's own outages are temporary; tokens, permissions, bad parameters and closed windows are not.
import type { LocalizedText } from '@sada/core';
import { type ChannelErrorCode, quoted } from '../../channel-error.ts';
import { SocialSendError } from '../adapter.ts';
import { asObject, asText, graphApiVersion, type JsonObject } from './common.ts';

export type GraphPost = {
  baseUrl: string;
  /** After the version, e.g. `/me/messages`. */
  path: string;
  /** How the token goes: `access_token` in the query (Messenger's docs) or a bearer header. */
  token: { in: 'query' | 'bearer'; value: string };
  query?: Record<string, string>;
  body?: JsonObject;
  /** Names the platform in error messages: "Facebook", "Instagram", "WhatsApp". */
  platform: string;
};

/** Graph API error codes that mean "slow down": app, user, page and WhatsApp throughput limits. */
const rateLimitCodes = new Set([4, 17, 32, 613, 80001, 80002, 80006, 130429, 131056]);
/** Codes Meta documents as transient: unknown error, service down, temporarily unavailable. */
const transientCodes = new Set([1, 2, 131000, 131016]);

export async function graphPost(request: GraphPost): Promise<JsonObject> {
  const url = new URL(`${request.baseUrl.replace(/\/+$/, '')}/${graphApiVersion}${request.path}`);
  for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.set(name, value);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (request.token.in === 'query') url.searchParams.set('access_token', request.token.value);
  else headers.authorization = `Bearer ${request.token.value}`;

  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify(request.body ?? {}),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    const reason = quoted(describe(error));
    throw new SocialSendError(
      'unreachable',
      {
        en: `${request.platform} could not be reached: ${reason}. It will be retried.`,
        ar: `تعذّر الوصول إلى ${request.platform}: ${reason}. ستُعاد المحاولة.`,
      },
      { isPermanent: false, cause: error },
    );
  }
  const text = await response.text();
  const json = parseJson(text);
  if (response.ok && json !== null && asObject(json.error) === null) return json;
  throw graphError(request.platform, response.status, json, response.headers.get('retry-after'));
}

/** A Graph API failure as a SocialSendError, keeping Meta's own words so an admin can act on them. */
export function graphError(
  platform: string,
  status: number,
  body: JsonObject | null,
  retryAfter: string | null,
): SocialSendError {
  const error = asObject(body?.error);
  const code = typeof error?.code === 'number' ? error.code : null;
  const subcode = typeof error?.error_subcode === 'number' ? error.error_subcode : null;
  const metaMessage = asText(error?.message) ?? (body === null ? 'no JSON in the answer' : 'no message');
  const trace = asText(error?.fbtrace_id);
  const codes = [code !== null ? `code ${code}` : null, subcode !== null ? `subcode ${subcode}` : null]
    .filter(Boolean)
    .join(', ');
  const facts = [`HTTP ${status}`, codes, trace ? `fbtrace_id ${trace}` : null].filter(Boolean).join(', ');
  const isTemporary =
    status === 429 ||
    status >= 500 ||
    (code !== null && (rateLimitCodes.has(code) || transientCodes.has(code))) ||
    error?.is_transient === true;
  const isRateLimited = status === 429 || (code !== null && rateLimitCodes.has(code));
  const kind: ChannelErrorCode = isRateLimited
    ? 'rate_limited'
    : isTemporary
      ? 'platform_error'
      : codeFor(code, subcode);
  const advice = isTemporary ? RETRIED : (ADVICE[kind] ?? ADVICE.platform_error);
  const words = quoted(metaMessage);
  return new SocialSendError(
    kind,
    {
      en: `${platform} refused the request: ${words} (${facts}). ${advice.en}`,
      ar: `رفض ${platform} الطلب: ${words} (${facts}). ${advice.ar}`,
    },
    {
      isPermanent: !isTemporary,
      retryAfterSeconds: isTemporary ? retryAfterSeconds(retryAfter) : null,
      cause: body,
    },
  );
}

const RETRIED: LocalizedText = { en: 'It will be retried.', ar: 'ستُعاد المحاولة.' };

function codeFor(code: number | null, subcode: number | null): ChannelErrorCode {
  // A closed window comes back as code 10 with its own subcode: the subcode says more.
  if (code === 551 || code === 131047 || subcode === 2018278 || subcode === 2534022) return 'window_closed';
  if (code === 190) return 'auth';
  if (code === 10 || (code !== null && code >= 200 && code <= 299)) return 'permission';
  if (code === 100) return 'invalid_request';
  return 'platform_error';
}

/** What an admin or agent can do about a permanent refusal. */
const ADVICE: Partial<Record<ChannelErrorCode, LocalizedText>> & { platform_error: LocalizedText } = {
  auth: {
    en: 'The access token has expired or was revoked: reconnect the account in Channels.',
    ar: 'انتهت صلاحية رمز الوصول أو أُلغي: أعد ربط الحساب من القنوات.',
  },
  permission: {
    en: 'The app lacks a permission for this: reconnect the account granting the permissions Sada asks for.',
    ar: 'ينقص التطبيق إذن لهذا: أعد ربط الحساب مع منح الأذونات التي يطلبها صدى.',
  },
  window_closed: {
    en: 'The messaging window is closed: wait for the customer to write again, or reply on another channel.',
    ar: 'نافذة المراسلة مغلقة: انتظر حتى يكتب العميل من جديد، أو رُدّ عليه عبر قناة أخرى.',
  },
  invalid_request: {
    en: 'Meta rejected a parameter: the recipient or comment may no longer exist.',
    ar: 'رفضت Meta أحد المعطيات: ربما لم يعد المستلم أو التعليق موجودًا.',
  },
  platform_error: { en: 'It will not be retried.', ar: 'لن تُعاد المحاولة.' },
};

/** Retry-After as seconds: either a number of seconds or an HTTP date. */
function retryAfterSeconds(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function parseJson(text: string): JsonObject | null {
  try {
    return asObject(JSON.parse(text));
  } catch {
    return null;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
