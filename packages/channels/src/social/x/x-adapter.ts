import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { checkReplyLength } from '@sada/core';
import {
  type HandshakeAnswer,
  type SocialAdapter,
  type SocialCredentials,
  SocialSendError,
} from '../adapter.ts';
import { assertButtonsFit } from '../buttons.ts';
import { postXReply, sendXDirectMessage, type XConnection } from './x-api.ts';
import { forUserIdOf, parseXActivity } from './x-events.ts';

// Credentials: `consumerSecret` (the app's API secret key: signs the CRC and every webhook body) and
// `accessToken` (an OAuth 2.0 user token with tweet.write, dm.write: sends).
const SIGNATURE_HEADER = 'x-twitter-webhooks-signature';

/** The X adapter: Account Activity API webhooks in, API v2 replies and DMs out. */
export const xAdapter: SocialAdapter = {
  capabilities: {
    kind: 'x',
    hasPublic: true,
    hasPrivate: true,
    privateWindowHours: null,
    extendedWindowHours: null,
    canHide: false,
    canPrivateReply: false,
    canSendTemplates: false,
    attachmentKinds: ['image', 'video'],
    // Direct messages and tweets carry no buttons: a link in the text does their work.
    maxButtons: 0,
  },
  accountIdsOf: (webhook) => {
    const forUserId = forUserIdOf(webhook.rawBody);
    return forUserId ? [forUserId] : [];
  },
  handshake: (webhook, credentials) =>
    webhook.method === 'GET' ? answerCrc(webhook.query, credentials) : null,
  verify: (webhook, credentials) => {
    const secret = credentials.consumerSecret;
    const given = webhook.headers[SIGNATURE_HEADER];
    if (!secret || !given) return false;
    return isSameSignature(given, xSignature(secret, webhook.rawBody));
  },
  parse: (webhook) => parseXActivity(webhook.rawBody),
  send: async (outbound, { credentials, baseUrl, now }) => {
    switch (outbound.action) {
      case 'reply_public':
        refuseTooLong(outbound.text, 'public');
        return postXReply(connectionOf(credentials, baseUrl), { ...outbound, now });
      case 'message':
        assertButtonsFit('X', outbound.buttons ?? [], { maxButtons: 0, maxPayloadBytes: 0 });
        // v2 DMs take media by media_id, after an upload Sada does not do yet.
        if (outbound.attachments?.length) {
          throw new SocialSendError(
            'not_supported',
            {
              en: 'X direct messages cannot carry attachments yet.',
              ar: 'لا تحمل رسائل إكس الخاصة مرفقات بعد.',
            },
            { isPermanent: true },
          );
        }
        refuseTooLong(outbound.text, 'private');
        return sendXDirectMessage(connectionOf(credentials, baseUrl), { ...outbound, now });
      case 'private_reply':
      case 'template':
      case 'hide':
        throw new SocialSendError(
          'not_supported',
          {
            en: `X has no ${outbound.action.replace('_', ' ')}.`,
            ar: `لا يدعم إكس هذا الإجراء (${outbound.action}).`,
          },
          { isPermanent: true },
        );
    }
  },
};

/** `sha256=` + base64 HMAC-SHA256 keyed with the consumer secret: the CRC answer and the body signature. */
export function xSignature(consumerSecret: string, message: string | Buffer): string {
  return `sha256=${createHmac('sha256', consumerSecret).update(message).digest('base64')}`;
}

// CRC: GET ?crc_token=… answered {"response_token": "sha256=…"} within 3 s. The query is already
// URL-decoded ("test+token" arrives as "test token").
function answerCrc(
  query: Record<string, string | undefined>,
  credentials: SocialCredentials,
): HandshakeAnswer | null {
  const token = query.crc_token;
  if (token === undefined) return { status: 400, contentType: 'text/plain', body: 'crc_token is missing' };
  const secret = credentials.consumerSecret;
  if (!secret) return { status: 403, contentType: 'text/plain', body: 'no consumer secret' };
  return {
    status: 200,
    contentType: 'application/json',
    body: JSON.stringify({ response_token: xSignature(secret, token) }),
  };
}

// Hashing both sides first makes the comparison constant-time whatever their lengths.
function isSameSignature(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function connectionOf(credentials: SocialCredentials, baseUrl: string): XConnection {
  const accessToken = credentials.accessToken;
  if (!accessToken) {
    throw new SocialSendError(
      'auth',
      { en: 'The X channel has no access token.', ar: 'لا رمز وصول لقناة إكس.' },
      { isPermanent: true },
    );
  }
  return { baseUrl, accessToken };
}

// X counts a post by weight (280; links 23, CJK and emoji 2): refused here rather than after sending.
function refuseTooLong(text: string, visibility: 'public' | 'private'): void {
  if (text.trim() === '') {
    throw new SocialSendError(
      'empty',
      { en: 'X does not send an empty text.', ar: 'لا يرسل إكس نصًا فارغًا.' },
      { isPermanent: true },
    );
  }
  const { isTooLong, length, max, remaining } = checkReplyLength(text, 'x', visibility);
  if (isTooLong) {
    const over = -(remaining ?? 0);
    const what =
      visibility === 'public' ? { en: 'reply', ar: 'الرد' } : { en: 'direct message', ar: 'الرسالة الخاصة' };
    throw new SocialSendError(
      'too_long',
      {
        en: `The ${what.en} is ${over} characters over X's ${max} (it counts ${length}).`,
        ar: `${what.ar} يزيد ${over} حرفًا على حد إكس البالغ ${max} (طوله ${length}).`,
      },
      { isPermanent: true },
    );
  }
}
