import type { Channel, MessageVisibility } from './vocabulary.ts';

// How long a reply may be on each channel, and how the platform counts it. A reply that is too
// long is refused by the platform after the agent pressed send; the composer counts before.
// Sources are the platforms' documents as gathered in /work/shared/CHANNELS.md unless named here.

/**
 * How a platform measures text: Unicode characters (code points), UTF-16 code units, UTF-8 bytes
 * (Arabic letters take two), or X's weighted count (URLs 23, emoji and most non-Latin scripts 2).
 */
export type LengthUnit = 'characters' | 'utf16_units' | 'utf8_bytes' | 'x_weighted';

/** The most a reply may measure on a channel; `max: null` when the channel has no practical limit. */
export type ReplyLengthLimit = { max: number | null; unit: LengthUnit };

const NO_LIMIT: ReplyLengthLimit = { max: null, unit: 'characters' };

/** The length limit of a reply on a channel; `private` is a direct message where the channel has one. */
export function replyLengthLimit(channel: Channel, visibility: MessageVisibility): ReplyLengthLimit {
  switch (channel) {
    case 'x':
      // Public: a reply post, 280 weighted characters (docs.x.com/fundamentals/counting-characters,
      // twitter-text config v3). Private: a DM, up to 10,000 characters (CHANNELS.md §6, POST
      // /2/dm_conversations/with/:participant_id/messages).
      return visibility === 'public' ? { max: 280, unit: 'x_weighted' } : { max: 10_000, unit: 'characters' };
    case 'facebook':
      // Messenger Send API: message.text has a 2000 character limit
      // (developers.facebook.com/docs/messenger-platform/reference/send-api, CHANNELS.md §1). Page
      // comment replies allow more, but a case does not yet say which surface it lives on, so the
      // stricter figure holds for both.
      return { max: 2000, unit: 'characters' };
    case 'instagram':
      // Instagram messaging: "Message text must be UTF-8 and be 1000 bytes or less"
      // (developers.facebook.com/docs/messenger-platform/instagram/features/send-message, CHANNELS.md
      // §3). Counted in bytes: an Arabic reply fits about 500 letters. Comment replies allow more;
      // the stricter figure holds for both, as on Facebook.
      return { max: 1000, unit: 'utf8_bytes' };
    case 'whatsapp':
      // Cloud API text body: at most 4096 characters (CHANNELS.md §4, 360dialog text-message docs).
      return { max: 4096, unit: 'characters' };
    case 'telegram':
      // sendMessage text: 1-4096 characters after entity parsing (core.telegram.org/bots/api#sendmessage,
      // CHANNELS.md §5); Telegram measures text in UTF-16 code units, as its entity offsets show.
      return { max: 4096, unit: 'utf16_units' };
    case 'email':
    case 'web_form':
    case 'live_chat':
    case 'phone':
    case 'walk_in':
    case 'api':
      // E-mail, the web form's status page and live chat carry long text; phone and walk-in replies
      // are logged, not sent. Only the API's own body limit applies.
      return NO_LIMIT;
  }
}

// twitter-text v3: code points in these ranges weigh 1, every other weighs 2 (Latin, Arabic, Hebrew,
// Cyrillic… are inside U+0000–U+10FF; CJK and emoji are not).
const X_LIGHT_RANGES: readonly [number, number][] = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
];
const X_URL_LENGTH = 23;
// X wraps every link it recognises in a 23-character t.co link: with a scheme, www., or a bare
// domain under a common top-level domain (the full list of twitter-text is thousands of names).
const X_URL =
  /\bhttps?:\/\/[^\s]+|\bwww\.[^\s]+|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|io|co|me|app|dev|ly|gov|edu|sa|ae|eg|qa|kw|bh|om|jo|ma|dz|tn|iq|lb|uk|de|fr)\b(?:\/[^\s]*)?/giu;
const EMOJI = /\p{Extended_Pictographic}/u;

function xWeightOf(codePoint: number): number {
  return X_LIGHT_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to) ? 1 : 2;
}

function xWeightedLength(text: string): number {
  const normalized = text.normalize('NFC');
  let length = 0;
  const withoutUrls = normalized.replace(X_URL, () => {
    length += X_URL_LENGTH;
    return '';
  });
  const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(withoutUrls);
  for (const { segment } of graphemes) {
    // An emoji counts 2 however many code points (skin tone, ZWJ sequence) it is made of.
    if (EMOJI.test(segment)) {
      length += 2;
      continue;
    }
    for (const character of segment) length += xWeightOf(character.codePointAt(0) ?? 0);
  }
  return length;
}

/** The length of a text as a platform counts it. */
export function measureText(text: string, unit: LengthUnit): number {
  switch (unit) {
    case 'characters':
      return Array.from(text).length;
    case 'utf16_units':
      return text.length;
    case 'utf8_bytes':
      return new TextEncoder().encode(text).length;
    case 'x_weighted':
      return xWeightedLength(text);
  }
}

/** A reply measured against its channel: `remaining` is negative when it is too long, null without limit. */
export function checkReplyLength(
  text: string,
  channel: Channel,
  visibility: MessageVisibility,
): ReplyLengthLimit & { length: number; remaining: number | null; isTooLong: boolean } {
  const limit = replyLengthLimit(channel, visibility);
  const length = measureText(text, limit.unit);
  const remaining = limit.max === null ? null : limit.max - length;
  return { ...limit, length, remaining, isTooLong: remaining !== null && remaining < 0 };
}
