import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type ButtonChoice,
  buttonPressDelivery,
  buttonsOfRequest,
  type SentButtons,
} from './button-presses.ts';
import {
  defaultSimulatorSecrets,
  type Platform,
  type SimulatorSecrets,
  type WebhookDelivery,
} from './delivery.ts';
import { defaultErrorBody, rateLimitedAnswer, type SimulatedAnswer } from './platform-errors.ts';
import {
  answerMeta,
  answerTelegram,
  answerX,
  platformOfPath,
  type SendRequest,
  type StoredMention,
  tokenOf,
} from './send-api.ts';
import {
  type CrcResult,
  type DeliveryOutcome,
  deliverWebhook,
  deliverWebhookWithRetries,
  type HandshakeResult,
  metaHandshake,
  type SignatureMode,
  xCrc,
} from './webhook-client.ts';

/** One request the simulator answered. `json` is the parsed JSON or form body (null when empty or unparsable). */
export type RecordedRequest = {
  platform: Platform | null;
  method: string;
  path: string;
  query: Record<string, string>;
  /** Lower-case header names. */
  headers: Record<string, string>;
  json: unknown;
  rawBody: string;
  /** The status the simulator answered. */
  status: number;
  /** The body it answered. */
  answer: unknown;
  at: Date;
};

export type RequestMatch = { platform?: Platform; pathIncludes?: string; method?: string };
export type InjectedFailure = { status: number; body?: unknown; headers?: Record<string, string> };

export type SimulatorOptions = {
  port?: number;
  host?: string;
  secrets?: Partial<SimulatorSecrets>;
  /** Per access token / bot token / bearer: more than `perMinute` requests in a minute are answered 429. */
  rateLimit?: { perMinute: number };
  /** The X user the simulator's DM answers are from. */
  xUserId?: string;
  /** Injected clock (rate-limit windows, timestamps in answers). */
  now?: () => Date;
};

/** A local server playing Meta Graph, the Telegram Bot API and the X API, plus a webhook sender. */
export type Simulator = {
  /** Base URL: SADA_META_GRAPH_URL, SADA_TELEGRAM_API_URL and SADA_X_API_URL all point here. */
  url: string;
  secrets: SimulatorSecrets;
  /** Every request answered, oldest first (a live array). */
  sent: RecordedRequest[];
  clearSent(): void;
  /** Resolves once `count` requests (matching `match`, if given) were recorded; rejects after `timeoutMs`. */
  waitForSent(
    count: number,
    options?: { match?: RequestMatch; timeoutMs?: number },
  ): Promise<RecordedRequest[]>;
  /** Answers the next request matching `match` with `failure` (a platform-shaped body when none is given). */
  failNext(match: RequestMatch, failure: InjectedFailure): void;
  deliver(
    target: string,
    delivery: WebhookDelivery,
    options?: { signature?: SignatureMode },
  ): Promise<number>;
  deliverWithRetries(
    target: string,
    delivery: WebhookDelivery,
    options: { attempts: number; backoffMs?: (attempt: number) => number; signature?: SignatureMode },
  ): Promise<DeliveryOutcome>;
  /** Every sent message that carried buttons (Telegram keyboards, WhatsApp interactive, quick replies), oldest first. */
  sentButtons(): SentButtons[];
  /**
   * Presses a button of a sent message: delivers the platform's signed webhook for the press to
   * `target`. Answers Sada's HTTP status and the delivery (its externalId is the press's id).
   */
  press(
    target: string,
    sent: SentButtons,
    choice: ButtonChoice,
    options?: {
      channel?: 'facebook' | 'instagram';
      accountId?: string;
      name?: string;
      signature?: SignatureMode;
    },
  ): Promise<{ status: number; delivery: WebhookDelivery }>;
  metaHandshake(target: string, verifyToken?: string, challenge?: string): Promise<HandshakeResult>;
  xCrc(target: string, consumerSecret?: string, crcToken?: string): Promise<CrcResult>;
  close(): Promise<void>;
};

function matches(
  match: RequestMatch,
  request: { platform: Platform | null; path: string; method: string },
): boolean {
  return (
    (match.platform === undefined || match.platform === request.platform) &&
    (match.pathIncludes === undefined || request.path.includes(match.pathIncludes)) &&
    (match.method === undefined || match.method.toUpperCase() === request.method)
  );
}

function parseBody(rawBody: string, contentType: string): Record<string, unknown> | null {
  if (!rawBody) return null;
  if (contentType.includes('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(rawBody));
  try {
    const parsed: unknown = JSON.parse(rawBody);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function headersOf(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** Starts the simulator on `host` (default 127.0.0.1) and `port` (default: a free one). */
export async function startPlatformSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const secrets = { ...defaultSimulatorSecrets, ...options.secrets };
  const now = options.now ?? (() => new Date());
  const xUserId = options.xUserId ?? '1600000000000000001';
  const sent: RecordedRequest[] = [];
  const failures: { match: RequestMatch; failure: InjectedFailure }[] = [];
  const windows = new Map<string, { startedAt: number; count: number }>();
  const mentions: StoredMention[] = [];
  const waiters = new Set<() => void>();

  // Fixed one-minute windows per platform and token.
  function rateLimited(platform: Platform, request: SendRequest): SimulatedAnswer | null {
    if (!options.rateLimit) return null;
    const key = `${platform}:${tokenOf(platform, request)}`;
    const at = request.now.getTime();
    const window = windows.get(key);
    if (!window || at - window.startedAt >= 60_000) {
      windows.set(key, { startedAt: at, count: 1 });
      return null;
    }
    window.count += 1;
    if (window.count <= options.rateLimit.perMinute) return null;
    const resetAt = new Date(window.startedAt + 60_000);
    return rateLimitedAnswer(platform, {
      retryAfterSeconds: Math.max(1, Math.ceil((resetAt.getTime() - at) / 1000)),
      resetAt,
      limit: options.rateLimit.perMinute,
      isWhatsapp: request.params.messaging_product === 'whatsapp',
    });
  }

  function answer(platform: Platform | null, request: SendRequest): SimulatedAnswer {
    const failureIndex = failures.findIndex(({ match }) => matches(match, { platform, ...request }));
    if (failureIndex >= 0) {
      const { failure } = failures.splice(failureIndex, 1)[0]!;
      const body =
        failure.body ?? (platform ? defaultErrorBody(platform, failure.status) : { error: 'injected' });
      return { status: failure.status, body, ...(failure.headers && { headers: failure.headers }) };
    }
    if (platform === null)
      return { status: 404, body: { error: `The simulator plays no platform at ${request.path}` } };
    const limited = rateLimited(platform, request);
    if (limited) return limited;
    switch (platform) {
      case 'meta':
        return answerMeta(request);
      case 'telegram':
        return answerTelegram(request);
      case 'x':
        return answerX(request, mentions, xUserId);
    }
  }

  async function handle(incoming: IncomingMessage, response: ServerResponse) {
    const url = new URL(incoming.url ?? '/', 'http://simulator');
    const rawBody = await readBody(incoming);
    const headers = headersOf(incoming);
    const query = Object.fromEntries(url.searchParams);
    const json = parseBody(rawBody, headers['content-type'] ?? '');
    const request: SendRequest = {
      method: incoming.method ?? 'GET',
      path: url.pathname,
      query,
      headers,
      params: { ...query, ...json },
      now: now(),
    };
    const platform = platformOfPath(request.path);
    const answered = answer(platform, request);
    sent.push({
      platform,
      method: request.method,
      path: request.path,
      query,
      headers,
      json,
      rawBody,
      status: answered.status,
      answer: answered.body,
      at: request.now,
    });
    response.writeHead(answered.status, {
      'content-type': 'application/json; charset=utf-8',
      ...answered.headers,
    });
    response.end(JSON.stringify(answered.body));
    for (const wake of waiters) wake();
  }

  const server = createServer((incoming, response) => {
    handle(incoming, response).catch(() => {
      response.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  // A delivered mention also appears on the mentions timeline, as on X.
  function rememberMention(delivery: WebhookDelivery) {
    const events = delivery.body.tweet_create_events;
    if (!Array.isArray(events)) return;
    for (const tweet of events as {
      id_str: string;
      text: string;
      user: { id_str: string };
      timestamp_ms: string;
      in_reply_to_user_id_str: string | null;
    }[]) {
      if (mentions.some((mention) => mention.id === tweet.id_str)) continue;
      mentions.push({
        id: tweet.id_str,
        text: tweet.text,
        authorId: tweet.user.id_str,
        createdAt: new Date(Number(tweet.timestamp_ms)),
        inReplyToUserId: tweet.in_reply_to_user_id_str,
        mentionedUserId: String(delivery.body.for_user_id ?? delivery.accountId),
      });
    }
  }

  return {
    url: `http://${host}:${address.port}`,
    secrets,
    sent,
    clearSent() {
      sent.length = 0;
    },
    waitForSent(count, { match = {}, timeoutMs = 10_000 } = {}) {
      const found = () => sent.filter((request) => matches(match, request));
      return new Promise((resolve, reject) => {
        const check = () => {
          const requests = found();
          if (requests.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(requests);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(`The simulator received ${found().length} of ${count} requests in ${timeoutMs} ms`),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    failNext(match, failure) {
      failures.push({ match, failure });
    },
    deliver(target, delivery, deliverOptions) {
      rememberMention(delivery);
      return deliverWebhook(target, delivery, secrets, deliverOptions);
    },
    deliverWithRetries(target, delivery, retryOptions) {
      rememberMention(delivery);
      return deliverWebhookWithRetries(target, delivery, secrets, retryOptions);
    },
    sentButtons() {
      return sent.flatMap((request) => buttonsOfRequest(request) ?? []);
    },
    async press(target, pressed, choice, pressOptions = {}) {
      const { signature, ...rest } = pressOptions;
      const delivery = buttonPressDelivery(pressed, choice, { ...rest, at: now() });
      const status = await deliverWebhook(target, delivery, secrets, signature ? { signature } : {});
      return { status, delivery };
    },
    metaHandshake(target, verifyToken = secrets.verifyToken, challenge) {
      return metaHandshake(target, verifyToken, challenge);
    },
    xCrc(target, consumerSecret = secrets.consumerSecret, crcToken) {
      return xCrc(target, consumerSecret, crcToken);
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
