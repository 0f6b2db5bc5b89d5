// What Facebook, Instagram and WhatsApp share: Meta's webhook handshake and signature, and small
// readers for the JSON they post. See /work/shared/CHANNELS.md §0.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { LocalizedText } from '@sada/core';
import type { HandshakeAnswer, RawWebhook, SocialAuthor, SocialCredentials } from '../adapter.ts';

/** The Graph API version every Meta call is made against. */
export const graphApiVersion = 'v21.0';

const hourMs = 60 * 60 * 1000;
const dayMs = 24 * hourMs;

/** A JSON object as it came off the wire, before we know its shape. */
export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown): JsonObject | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
}

/** The objects of an array, skipping anything else (Meta never sends holes, but a proxy might). */
export function asObjects(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.map(asObject).filter((item): item is JsonObject => item !== null) : [];
}

/** Ids arrive as strings or, in older payloads, as numbers: both read as strings. */
export function asText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** Meta's timestamps are epoch milliseconds (Messenger) or seconds (feed, Instagram changes, WhatsApp). */
export function epochToDate(value: unknown, fallback: Date): Date {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) return fallback;
  // Anything below 10^12 is seconds: 10^12 ms is 2001, 10^12 s is the year 33 658.
  return new Date(number < 1e12 ? number * 1000 : number);
}

/** The body as JSON, or null when it is not JSON at all. */
export function parseBody(webhook: RawWebhook): JsonObject | null {
  try {
    return asObject(JSON.parse(webhook.rawBody.toString('utf8')));
  } catch {
    return null;
  }
}

/** The `entry[]` of a body whose `object` is the one this adapter serves. */
export function entriesOf(webhook: RawWebhook, object: string): JsonObject[] {
  const body = parseBody(webhook);
  return body?.object === object ? asObjects(body.entry) : [];
}

export function unique(values: (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== null && value !== ''))];
}

/** An author we only know by id (PSID, IGSID, wa_id), optionally with a name or handle. */
export function authorOf(
  externalId: string,
  more: Partial<Omit<SocialAuthor, 'externalId'>> = {},
): SocialAuthor {
  return { externalId, name: more.name ?? null, handle: more.handle ?? null };
}

/**
 * Meta's subscription handshake: GET `hub.mode=subscribe`, `hub.verify_token` equal to ours →
 * 200 with the bare `hub.challenge` as text; any other hub.* GET → 403; anything else is not one.
 */
export function answerHandshake(
  webhook: RawWebhook,
  credentials: SocialCredentials & { verifyToken?: string },
): HandshakeAnswer | null {
  if (webhook.method !== 'GET') return null;
  const { query } = webhook;
  const mode = query['hub.mode'];
  const token = query['hub.verify_token'];
  const challenge = query['hub.challenge'];
  if (mode === undefined && token === undefined && challenge === undefined) return null;
  const expected = credentials.verifyToken;
  const isAccepted =
    mode === 'subscribe' &&
    challenge !== undefined &&
    token !== undefined &&
    expected !== undefined &&
    expected !== '' &&
    equalInConstantTime(token, expected);
  return isAccepted
    ? { status: 200, contentType: 'text/plain', body: challenge }
    : { status: 403, contentType: 'text/plain', body: 'Forbidden' };
}

const signaturePattern = /^sha256=([0-9a-f]{64})$/;

/**
 * Whether `X-Hub-Signature-256` is the HMAC-SHA256 of the raw body keyed with the App Secret.
 * The legacy sha1 `X-Hub-Signature` alone is not enough: SHA-1 is what Meta is moving away from.
 */
export function hasValidSignature(webhook: RawWebhook, appSecret: string | undefined): boolean {
  if (appSecret === undefined || appSecret === '') return false;
  const match = signaturePattern.exec(webhook.headers['x-hub-signature-256']?.trim() ?? '');
  if (!match?.[1]) return false;
  const expected = createHmac('sha256', appSecret).update(webhook.rawBody).digest();
  return timingSafeEqual(Buffer.from(match[1], 'hex'), expected);
}

function equalInConstantTime(given: string, expected: string): boolean {
  const a = createHmac('sha256', 'verify-token').update(given).digest();
  const b = createHmac('sha256', 'verify-token').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** How a Messenger / Instagram private message may go now, by the customer's last message. */
export type MessagingWindow =
  | { messaging_type: 'RESPONSE' }
  | { messaging_type: 'MESSAGE_TAG'; tag: 'HUMAN_AGENT' };

/**
 * Messenger and Instagram: a free reply within 24 h of the customer's last message, a human-agent
 * tagged one up to 7 days; after that, or before they ever wrote, the reason for refusing.
 */
export function messagingWindow(
  platform: 'Messenger' | 'Instagram',
  lastInboundAt: Date | null,
  now: Date,
): MessagingWindow | { refusal: LocalizedText } {
  const name = platform === 'Messenger' ? 'ماسنجر' : 'إنستغرام';
  if (lastInboundAt === null) {
    return {
      refusal: {
        en: `The customer has not written to us on ${platform}; ${platform} only allows replies to people who wrote first. Ask them to write to the account, or reply on another channel.`,
        ar: `لم يراسلنا العميل على ${name}، و${name} لا يسمح بالرد إلا على من كتب أولًا. اطلب منه أن يراسل الحساب، أو رُدّ عليه عبر قناة أخرى.`,
      },
    };
  }
  const age = now.getTime() - lastInboundAt.getTime();
  if (age <= dayMs) return { messaging_type: 'RESPONSE' };
  if (age <= 7 * dayMs) return { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' };
  const ago = describeAge(age);
  return {
    refusal: {
      en: `The customer last wrote ${ago.en} ago; ${platform} allows replies for 7 days with the human-agent tag. Ask them to write again, or reply on another channel.`,
      ar: `آخر رسالة من العميل كانت قبل ${ago.ar}، و${name} يسمح بالرد خلال 7 أيام فقط مع وسم الموظف. اطلب منه أن يكتب من جديد، أو رُدّ عليه عبر قناة أخرى.`,
    },
  };
}

/** WhatsApp: free-form messages within 24 h of the customer's last message, else a template. */
export function whatsappWindowRefusal(lastInboundAt: Date | null, now: Date): LocalizedText | null {
  if (lastInboundAt === null) {
    return {
      en: 'The customer has not written to us on WhatsApp; a free-form message needs them to write first. Send an approved template instead.',
      ar: 'لم يراسلنا العميل على واتساب، والرسالة الحرة تتطلب أن يكتب أولًا. أرسل قالبًا معتمدًا بدلًا منها.',
    };
  }
  const age = now.getTime() - lastInboundAt.getTime();
  if (age <= dayMs) return null;
  const ago = describeAge(age);
  return {
    en: `The customer last wrote ${ago.en} ago; WhatsApp allows free-form replies for 24 hours. Send an approved template instead, or wait for them to write again.`,
    ar: `آخر رسالة من العميل كانت قبل ${ago.ar}، وواتساب يسمح بالردود الحرة خلال 24 ساعة فقط. أرسل قالبًا معتمدًا بدلًا منها، أو انتظر حتى يكتب من جديد.`,
  };
}

function describeAge(ageMs: number): LocalizedText {
  const days = Math.floor(ageMs / dayMs);
  if (days >= 2) return { en: `${days} days`, ar: `${days} أيام` };
  const hours = Math.floor(ageMs / hourMs);
  return hours === 1 ? { en: '1 hour', ar: 'ساعة واحدة' } : { en: `${hours} hours`, ar: `${hours} ساعة` };
}
