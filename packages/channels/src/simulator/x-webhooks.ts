import type { WebhookDelivery } from './delivery.ts';
import { digits, snowflake } from './ids.ts';

// Builders of X Account Activity API deliveries (CHANNELS.md §6): v1.1 objects, text HTML-escaped,
// 64-bit ids written as bare JSON numbers beside their `_str` twins.

export type XUser = { id: string; screen_name: string; name: string };

const defaultAccount = { screenName: 'SadaSupport', name: 'Sada Support' };

function htmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// JSON.stringify cannot write a 64-bit integer exactly: mark them, then unquote after serialising.
const bigIdMark = '\u0000big:';
function bigId(id: string): string {
  return `${bigIdMark}${id}`;
}
function serialise(body: unknown): string {
  return JSON.stringify(body).replace(/"\\u0000big:(\d+)"/g, '$1');
}
function parsedBody(rawBody: string): Record<string, unknown> {
  // A parse that keeps the exact ids as strings would need a custom parser; `body` is for reading text.
  return JSON.parse(rawBody) as Record<string, unknown>;
}

/** X's `created_at` format: "Wed Oct 10 20:19:24 +0000 2018". */
function twitterDate(at: Date): string {
  const [weekday, day, month, year, time] = at.toUTCString().replace(',', '').split(' ');
  return `${weekday} ${month} ${day} ${time} +0000 ${year}`;
}

// What every user object carries besides its ids and names (values of an ordinary account).
const profileFields = {
  protected: false,
  verified: false,
  followers_count: 112,
  friends_count: 230,
  statuses_count: 1_487,
  profile_image_url_https: 'https://pbs.twimg.com/profile_images/1/default_normal.png',
};

function v1User(user: XUser) {
  return {
    id: bigId(user.id),
    id_str: user.id,
    name: user.name,
    screen_name: user.screen_name,
    location: null,
    ...profileFields,
  };
}

function mentionEntity(text: string, screenName: string, user: { id: string; name: string }) {
  const characters = Array.from(text);
  const start = Array.from(text.slice(0, Math.max(0, text.indexOf(`@${screenName}`)))).length;
  const end = Math.min(characters.length, start + screenName.length + 1);
  return {
    screen_name: screenName,
    name: user.name,
    id: bigId(user.id),
    id_str: user.id,
    indices: [start, end],
  };
}

/** A tweet mentioning (or replying to) the subscribed account. The text is prefixed with `@account` when it lacks it. */
export function xMention(options: {
  forUserId: string;
  forScreenName?: string;
  tweetId?: string;
  from: XUser;
  text: string;
  inReplyTo?: { tweetId: string; userId: string; screenName: string };
  lang?: string;
  at?: Date;
}): WebhookDelivery {
  const at = options.at ?? new Date();
  const tweetId = options.tweetId ?? snowflake(at);
  const screenName = options.forScreenName ?? defaultAccount.screenName;
  const text = options.text.includes(`@${screenName}`) ? options.text : `@${screenName} ${options.text}`;
  const reply = options.inReplyTo;
  const tweet = {
    created_at: twitterDate(at),
    id: bigId(tweetId),
    id_str: tweetId,
    text: htmlEscape(text),
    source: '<a href="http://twitter.com/download/iphone" rel="nofollow">Twitter for iPhone</a>',
    truncated: false,
    in_reply_to_status_id: reply ? bigId(reply.tweetId) : null,
    in_reply_to_status_id_str: reply?.tweetId ?? null,
    in_reply_to_user_id: reply ? bigId(reply.userId) : null,
    in_reply_to_user_id_str: reply?.userId ?? null,
    in_reply_to_screen_name: reply?.screenName ?? null,
    user: v1User(options.from),
    geo: null,
    coordinates: null,
    place: null,
    is_quote_status: false,
    quote_count: 0,
    reply_count: 0,
    retweet_count: 0,
    favorite_count: 0,
    entities: {
      hashtags: [],
      urls: [],
      user_mentions: [mentionEntity(text, screenName, { id: options.forUserId, name: defaultAccount.name })],
      symbols: [],
    },
    favorited: false,
    retweeted: false,
    filter_level: 'low',
    lang: options.lang ?? (/[\u0600-\u06ff]/.test(text) ? 'ar' : 'en'),
    timestamp_ms: String(at.getTime()),
  };
  const rawBody = serialise({ for_user_id: options.forUserId, tweet_create_events: [tweet] });
  return {
    platform: 'x',
    channel: 'x',
    accountId: options.forUserId,
    externalId: tweetId,
    rawBody,
    body: parsedBody(rawBody),
  };
}

/** A direct message to the subscribed account (a `message_create` event with the `users` map). */
export function xDirectMessage(options: {
  forUserId: string;
  senderId: string;
  senderName: string;
  senderScreenName?: string;
  text: string;
  eventId?: string;
  at?: Date;
}): WebhookDelivery {
  const at = options.at ?? new Date();
  const eventId = options.eventId ?? snowflake(at);
  const event = {
    type: 'message_create',
    id: eventId,
    created_timestamp: String(at.getTime()),
    message_create: {
      target: { recipient_id: options.forUserId },
      sender_id: options.senderId,
      message_data: {
        text: htmlEscape(options.text),
        entities: { hashtags: [], symbols: [], user_mentions: [], urls: [] },
      },
    },
  };
  const userEntry = (id: string, name: string, screenName: string) => ({
    id,
    created_timestamp: String(at.getTime() - 400 * 86_400_000),
    name,
    screen_name: screenName,
    ...profileFields,
  });
  const body = {
    for_user_id: options.forUserId,
    direct_message_events: [event],
    users: {
      [options.senderId]: userEntry(
        options.senderId,
        options.senderName,
        options.senderScreenName ?? `user${digits(6)}`,
      ),
      [options.forUserId]: userEntry(options.forUserId, defaultAccount.name, defaultAccount.screenName),
    },
  };
  const rawBody = serialise(body);
  return { platform: 'x', channel: 'x', accountId: options.forUserId, externalId: eventId, rawBody, body };
}

/** A tweet deleted by its author. */
export function xTweetDelete(options: {
  forUserId: string;
  tweetId: string;
  userId: string;
  at?: Date;
}): WebhookDelivery {
  const at = options.at ?? new Date();
  const body = {
    for_user_id: options.forUserId,
    tweet_delete_events: [
      { status: { id: options.tweetId, user_id: options.userId }, timestamp_ms: String(at.getTime()) },
    ],
  };
  return {
    platform: 'x',
    channel: 'x',
    accountId: options.forUserId,
    externalId: options.tweetId,
    rawBody: serialise(body),
    body,
  };
}
