import { createHmac } from 'node:crypto';

// The signatures the platforms put on webhook deliveries, computed as their documentation says.

/** Meta `X-Hub-Signature-256`: `sha256=` and the lower-case hex HMAC-SHA256 of the raw body, keyed with the App Secret. */
export function metaSignature(rawBody: string | Buffer, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/** Meta's legacy `X-Hub-Signature`: `sha1=` and the hex HMAC-SHA1. */
export function metaLegacySignature(rawBody: string | Buffer, appSecret: string): string {
  return `sha1=${createHmac('sha1', appSecret).update(rawBody).digest('hex')}`;
}

/** X `x-twitter-webhooks-signature` (and the CRC `response_token`): `sha256=` and the base64 HMAC-SHA256, keyed with the consumer secret. */
export function xSignature(message: string | Buffer, consumerSecret: string): string {
  return `sha256=${createHmac('sha256', consumerSecret).update(message).digest('base64')}`;
}

/**
 * JSON as Meta writes it: non-ASCII characters as `\uXXXX` escapes and `/` as `\/`, so an Arabic
 * body's bytes differ from `JSON.stringify` and only an HMAC over the raw bytes verifies.
 */
export function metaJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
