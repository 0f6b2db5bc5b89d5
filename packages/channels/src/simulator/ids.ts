import { randomBytes, randomInt } from 'node:crypto';

// Fresh ids shaped like each platform's, so parsers and unique constraints meet realistic values.

const TWITTER_EPOCH_MS = 1288834974657n;
let sequence = 0;
let telegramUpdateId = 100_000_000 + randomInt(800_000_000);
let telegramMessageId = 1 + randomInt(10_000);

/** A string of `length` decimal digits not starting with 0. */
export function digits(length: number): string {
  let text = String(1 + randomInt(9));
  while (text.length < length) text += String(randomInt(10));
  return text;
}

/** A Messenger message id (`m_` and base64url, as the Send API and webhooks show them). */
export function messengerMid(): string {
  return `m_${randomBytes(64).toString('base64url')}`;
}

/** An Instagram message id (base64 of an `ig_message_item` key, as in Meta's examples). */
export function instagramMid(): string {
  return Buffer.from(`ig_message_item:1:IGMessageThread:${digits(17)}:${digits(39)}`).toString('base64url');
}

/** A WhatsApp message id. */
export function wamid(): string {
  // Real ones are base64 of a protobuf-like key; they start `HBg` and hold `+`, `/` and `=`.
  return `wamid.HBgM${randomBytes(30).toString('base64')}`;
}

/** A snowflake id (X tweets, DM events, users): milliseconds since 2010-11-04 shifted left 22 bits. */
export function snowflake(at: Date = new Date()): string {
  sequence = (sequence + 1) % 4096;
  const worker = BigInt(randomInt(1024));
  return (
    (BigInt(at.getTime()) - TWITTER_EPOCH_MS) * 4194304n +
    worker * 4096n +
    BigInt(sequence)
  ).toString();
}

/** Telegram update ids increase by one per update, per bot. */
export function nextTelegramUpdateId(): number {
  telegramUpdateId += 1;
  return telegramUpdateId;
}

export function nextTelegramMessageId(): number {
  telegramMessageId += 1;
  return telegramMessageId;
}

/** Meta's `fbtrace_id` on error answers. */
export function fbtraceId(): string {
  return randomBytes(8).toString('base64url').slice(0, 11);
}

/** A Facebook Page-feed comment id: `<post object id>_<comment number>`. */
export function facebookCommentId(postId: string): string {
  const postObject = postId.includes('_') ? postId.slice(postId.indexOf('_') + 1) : postId;
  return `${postObject}_${digits(16)}`;
}

/** An Instagram Graph object id (media, comments): 17 or 18 digits starting with 17 or 18. */
export function instagramObjectId(): string {
  return `${randomInt(2) === 0 ? '17' : '18'}${digits(15)}`;
}

/** Seconds since the epoch, as Telegram, WhatsApp and Meta's feed use. */
export function epochSeconds(at: Date): number {
  return Math.floor(at.getTime() / 1000);
}
