import { z } from 'zod';
import { quoted } from '../../channel-error.ts';
import { SocialSendError } from '../adapter.ts';

// X API v2 calls with an OAuth 2.0 user token (Authorization: Bearer). Errors come as problem
// details {title, detail, type, status} or as {errors:[{message|detail}]}; rate limits as 429 with
// x-rate-limit-reset in epoch seconds (docs.x.com/x-api/fundamentals/rate-limits, CHANNELS.md §6).

/** Where the API is (https://api.x.com, or a stand-in) and as which user. */
export type XConnection = { baseUrl: string; accessToken: string };

type XRequest = {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  /** When the call is made, to turn x-rate-limit-reset into seconds to wait. */
  now: Date;
};

const problem = z.object({
  title: z.string().optional(),
  detail: z.string().optional(),
  errors: z.array(z.object({ message: z.string().optional(), detail: z.string().optional() })).optional(),
});

const created = z.object({ data: z.object({ id: z.string() }) });
const dmCreated = z.object({ data: z.object({ dm_event_id: z.string() }) });

/** Posts a reply tweet; answers the new tweet's id. The caller checks the length first. */
export async function postXReply(
  connection: XConnection,
  reply: { inReplyToId: string; text: string; now: Date },
): Promise<{ externalId: string }> {
  const answer = await callX(connection, {
    method: 'POST',
    path: '/2/tweets',
    body: { text: reply.text, reply: { in_reply_to_tweet_id: reply.inReplyToId } },
    now: reply.now,
  });
  const tweet = created.safeParse(answer);
  if (!tweet.success) throw missingIdError('POST /2/tweets', answer);
  return { externalId: tweet.data.data.id };
}

/** Sends a direct message to a user; answers the DM event's id. */
export async function sendXDirectMessage(
  connection: XConnection,
  message: { to: string; text: string; now: Date },
): Promise<{ externalId: string }> {
  const path = `/2/dm_conversations/with/${encodeURIComponent(message.to)}/messages`;
  const answer = await callX(connection, {
    method: 'POST',
    path,
    body: { text: message.text },
    now: message.now,
  });
  const event = dmCreated.safeParse(answer);
  if (!event.success) throw missingIdError(`POST ${path}`, answer);
  return { externalId: event.data.data.dm_event_id };
}

/** One call to the API, answering the JSON body of a 2xx and throwing a SocialSendError otherwise. */
export async function callX(connection: XConnection, request: XRequest): Promise<unknown> {
  const url = new URL(`${connection.baseUrl.replace(/\/+$/, '')}${request.path}`);
  for (const [name, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  const label = `${request.method} ${request.path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: request.method,
      headers: {
        authorization: `Bearer ${connection.accessToken}`,
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    });
  } catch (error) {
    throw new SocialSendError(
      'unreachable',
      {
        en: `X ${label} could not be reached. It will be retried.`,
        ar: `تعذّر الوصول إلى إكس (${label}). ستُعاد المحاولة.`,
      },
      { isPermanent: false, cause: error },
    );
  }
  const answer: unknown = await response.json().catch(() => null);
  if (response.ok) return answer;
  throw xError(label, response, answer, request.now);
}

function xError(label: string, response: Response, answer: unknown, now: Date): SocialSendError {
  const { status } = response;
  const words = quoted(reasonOf(answer) ?? response.statusText);
  const text = {
    en: `X ${label} failed (${status}): ${words}.`,
    ar: `فشل طلب إكس ${label} (${status}): ${words}.`,
  };
  if (status === 429) {
    return new SocialSendError(
      'rate_limited',
      { en: `${text.en} It will be retried.`, ar: `${text.ar} ستُعاد المحاولة.` },
      { isPermanent: false, retryAfterSeconds: retryAfterOf(response, now) },
    );
  }
  // 401 token revoked or expired, 403 not permitted (DMs closed, tier without access), 400 invalid.
  const kind =
    status === 401
      ? 'auth'
      : status === 403
        ? 'permission'
        : status < 500
          ? 'invalid_request'
          : 'platform_error';
  return new SocialSendError(kind, text, { isPermanent: status < 500 });
}

function reasonOf(answer: unknown): string | null {
  const parsed = problem.safeParse(answer);
  if (!parsed.success) return null;
  const { title, detail, errors } = parsed.data;
  const first = errors?.[0];
  return detail ?? title ?? first?.detail ?? first?.message ?? null;
}

function retryAfterOf(response: Response, now: Date): number | null {
  const resetAt = Number(response.headers.get('x-rate-limit-reset') ?? Number.NaN);
  if (Number.isFinite(resetAt)) return Math.max(0, Math.ceil(resetAt - now.getTime() / 1000));
  const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
  return Number.isFinite(retryAfter) ? retryAfter : null;
}

// A 2xx without an id: X's partial errors (200 with `errors` only) say why nothing was made.
function missingIdError(label: string, answer: unknown): SocialSendError {
  const reason = reasonOf(answer);
  return new SocialSendError(
    'platform_error',
    reason === null
      ? {
          en: `X ${label} made nothing: no id in the answer.`,
          ar: `لم يُنشئ طلب إكس ${label} شيئًا: لا معرّف في الإجابة.`,
        }
      : {
          en: `X ${label} made nothing: ${quoted(reason)}.`,
          ar: `لم يُنشئ طلب إكس ${label} شيئًا: ${quoted(reason)}.`,
        },
    { isPermanent: true },
  );
}
