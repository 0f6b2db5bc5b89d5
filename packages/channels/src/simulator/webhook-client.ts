import { randomBytes } from 'node:crypto';
import type { SimulatorSecrets, WebhookDelivery } from './delivery.ts';
import { digits } from './ids.ts';
import { metaLegacySignature, metaSignature, xSignature } from './signatures.ts';

// Sends deliveries to Sada the way the platforms do: raw bytes, signature headers, retries on non-2xx.

/** `invalid` signs with a wrong secret, `missing` leaves the signature header out (for rejection tests). */
export type SignatureMode = 'valid' | 'invalid' | 'missing';

export type DeliveryOutcome = { status: number; attempts: number; statuses: number[] };

/** The headers the platform sends with this delivery. */
export function deliveryHeaders(
  delivery: WebhookDelivery,
  secrets: SimulatorSecrets,
  signature: SignatureMode = 'valid',
): Record<string, string> {
  const wrong = (secret: string) => (signature === 'invalid' ? `${secret}-not` : secret);
  const isSigned = signature !== 'missing';
  switch (delivery.platform) {
    case 'meta':
      return {
        'content-type': 'application/json',
        'user-agent': 'facebookexternalua',
        ...(isSigned && {
          'x-hub-signature': metaLegacySignature(delivery.rawBody, wrong(secrets.appSecret)),
          'x-hub-signature-256': metaSignature(delivery.rawBody, wrong(secrets.appSecret)),
        }),
      };
    case 'telegram':
      return {
        'content-type': 'application/json',
        ...(isSigned && { 'x-telegram-bot-api-secret-token': wrong(secrets.telegramSecretToken) }),
      };
    case 'x':
      return {
        'content-type': 'application/json; charset=utf-8',
        ...(isSigned && {
          'x-twitter-webhooks-signature': xSignature(delivery.rawBody, wrong(secrets.consumerSecret)),
        }),
      };
  }
}

/** POSTs one delivery to `target`; answers the HTTP status Sada gave (0 when it could not be reached). */
export async function deliverWebhook(
  target: string,
  delivery: WebhookDelivery,
  secrets: SimulatorSecrets,
  options: { signature?: SignatureMode } = {},
): Promise<number> {
  try {
    const response = await fetch(target, {
      method: 'POST',
      headers: deliveryHeaders(delivery, secrets, options.signature),
      body: Buffer.from(delivery.rawBody, 'utf8'),
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

/**
 * Delivers until Sada answers 2xx or `attempts` are spent, the same bytes each time, as Meta
 * ("retry immediately, then … with decreasing frequency"), Telegram and X do. `backoffMs` spaces the
 * attempts (default: immediately, since tests wait on nothing but the answers).
 */
export async function deliverWebhookWithRetries(
  target: string,
  delivery: WebhookDelivery,
  secrets: SimulatorSecrets,
  options: { attempts: number; backoffMs?: (attempt: number) => number; signature?: SignatureMode },
): Promise<DeliveryOutcome> {
  const statuses: number[] = [];
  for (let attempt = 1; attempt <= options.attempts; attempt += 1) {
    const status = await deliverWebhook(target, delivery, secrets, options);
    statuses.push(status);
    if (status >= 200 && status < 300) break;
    const pause = options.backoffMs?.(attempt) ?? 0;
    if (pause > 0 && attempt < options.attempts) await new Promise((resolve) => setTimeout(resolve, pause));
  }
  return { status: statuses.at(-1) ?? 0, attempts: statuses.length, statuses };
}

export type HandshakeResult = {
  status: number;
  contentType: string | null;
  body: string;
  isAccepted: boolean;
};

/** Meta's subscription check: GET `hub.mode=subscribe&hub.verify_token&hub.challenge`; accepted when the answer is the bare challenge. */
export async function metaHandshake(
  target: string,
  verifyToken: string,
  challenge = digits(10),
): Promise<HandshakeResult> {
  const url = new URL(target);
  url.searchParams.set('hub.mode', 'subscribe');
  url.searchParams.set('hub.challenge', challenge);
  url.searchParams.set('hub.verify_token', verifyToken);
  const response = await fetch(url, {
    headers: { 'user-agent': 'facebookplatform/1.0 (+http://developers.facebook.com)' },
  });
  const body = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body,
    isAccepted: response.status === 200 && body === challenge,
  };
}

export type CrcResult = { status: number; responseToken: string | null; expected: string; isValid: boolean };

/** X's challenge-response check: GET `?crc_token=…`, expecting `{response_token: "sha256=<base64 HMAC>"}`. */
export async function xCrc(target: string, consumerSecret: string, crcToken?: string): Promise<CrcResult> {
  // Real tokens are base64 and may hold `+` and `/`, which the query encodes; a space tests the decoding.
  const token = crcToken ?? `${randomBytes(24).toString('base64')} ${randomBytes(6).toString('base64')}`;
  const url = new URL(target);
  url.searchParams.set('crc_token', token);
  const expected = xSignature(token, consumerSecret);
  const response = await fetch(url, { signal: AbortSignal.timeout(3_000) });
  let responseToken: string | null = null;
  try {
    const body = (await response.json()) as { response_token?: unknown };
    responseToken = typeof body.response_token === 'string' ? body.response_token : null;
  } catch {
    responseToken = null;
  }
  return {
    status: response.status,
    responseToken,
    expected,
    isValid: response.status === 200 && responseToken === expected,
  };
}
