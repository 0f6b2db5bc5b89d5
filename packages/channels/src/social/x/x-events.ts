import { z } from 'zod';
import type { SocialAttachment, SocialAuthor, SocialEvent } from '../adapter.ts';

// Account Activity API envelopes (developer.x.com …/account-activity-data-objects, CHANNELS.md §6):
// {"for_user_id", "tweet_create_events" | "direct_message_events" + "users" | "tweet_delete_events" |
// "favorite_events": [...]}. Tweets are v1.1 objects. Only the fields Sada reads are declared.

const user = z.object({
  id_str: z.string(),
  name: z.string().optional(),
  screen_name: z.string().optional(),
});

const media = z.object({
  type: z.string(),
  url: z.string().optional(),
  media_url_https: z.string().optional(),
  video_info: z
    .object({
      variants: z.array(
        z.object({ content_type: z.string(), url: z.string(), bitrate: z.number().optional() }),
      ),
    })
    .optional(),
});

const tweet = z.object({
  id_str: z.string(),
  created_at: z.string(),
  timestamp_ms: z.string().optional(),
  text: z.string().optional(),
  full_text: z.string().optional(),
  extended_tweet: z
    .object({
      full_text: z.string(),
      extended_entities: z.object({ media: z.array(media) }).optional(),
    })
    .optional(),
  extended_entities: z.object({ media: z.array(media) }).optional(),
  user,
  in_reply_to_status_id_str: z.string().nullish(),
  conversation_id_str: z.string().nullish(),
  retweeted_status: z.unknown().optional(),
});
type Tweet = z.infer<typeof tweet>;

const directMessage = z.object({
  type: z.string(),
  id: z.string(),
  created_timestamp: z.string(),
  message_create: z.object({
    target: z.object({ recipient_id: z.string() }),
    sender_id: z.string(),
    message_data: z.object({
      text: z.string(),
      attachment: z.object({ type: z.string(), media }).optional(),
      quick_reply_response: z.object({ metadata: z.string().optional() }).optional(),
    }),
  }),
});
type DirectMessage = z.infer<typeof directMessage>;

const dmUser = z.object({ id: z.string(), name: z.string().optional(), screen_name: z.string().optional() });
type Users = Record<string, z.infer<typeof dmUser>>;

const tweetDelete = z.object({
  status: z.object({ id: z.string(), user_id: z.string().optional() }),
  timestamp_ms: z.string(),
});

const favorite = z.object({
  id: z.string(),
  timestamp_ms: z.union([z.string(), z.number()]),
  favorited_status: tweet,
  user,
});

const envelope = z.object({
  for_user_id: z.string(),
  tweet_create_events: z.array(z.unknown()).optional(),
  direct_message_events: z.array(z.unknown()).optional(),
  users: z.record(z.string(), z.unknown()).optional(),
  tweet_delete_events: z.array(z.unknown()).optional(),
  favorite_events: z.array(z.unknown()).optional(),
});

/** The subscribed user a webhook body is for, or null when it is not an Account Activity envelope. */
export function forUserIdOf(rawBody: Buffer): string | null {
  const parsed = envelope.safeParse(parseJson(rawBody));
  return parsed.success ? parsed.data.for_user_id : null;
}

/** Every event of one Account Activity body, in order; items of other kinds or shapes are skipped. */
export function parseXActivity(rawBody: Buffer): SocialEvent[] {
  const parsed = envelope.safeParse(parseJson(rawBody));
  if (!parsed.success) return [];
  const { for_user_id: accountId, users = {} } = parsed.data;
  const dmUsers: Users = {};
  for (const [id, candidate] of Object.entries(users)) {
    const known = dmUser.safeParse(candidate);
    if (known.success) dmUsers[id] = known.data;
  }
  return [
    ...each(parsed.data.tweet_create_events, tweet, (item) =>
      item.retweeted_status === undefined ? tweetEvent(item, accountId) : null,
    ),
    ...each(parsed.data.direct_message_events, directMessage, (item) =>
      item.type === 'message_create' ? directMessageEvent(item, accountId, dmUsers) : null,
    ),
    ...each(parsed.data.tweet_delete_events, tweetDelete, (item) => ({
      type: 'delete' as const,
      accountId,
      externalId: item.status.id,
      occurredAt: new Date(Number(item.timestamp_ms)),
    })),
    ...each(parsed.data.favorite_events, favorite, (item) =>
      // Our own likes are not the customer's reaction.
      item.user.id_str === accountId
        ? null
        : {
            type: 'reaction' as const,
            accountId,
            externalId: item.favorited_status.id_str,
            author: tweetAuthorOf(item.user),
            reaction: 'like',
            isRemoved: false,
            occurredAt: new Date(Number(item.timestamp_ms)),
          },
    ),
  ];
}

function each<T>(
  items: unknown[] | undefined,
  schema: z.ZodType<T>,
  toEvent: (item: T) => SocialEvent | null,
): SocialEvent[] {
  return (items ?? []).flatMap((candidate) => {
    const item = schema.safeParse(candidate);
    const event = item.success ? toEvent(item.data) : null;
    return event ? [event] : [];
  });
}

// Mentions, replies, and our own tweets (echoes): a retweet is no message.
function tweetEvent(item: Tweet, accountId: string): SocialEvent {
  const inReplyToId = item.in_reply_to_status_id_str ?? null;
  const medias = item.extended_tweet?.extended_entities?.media ?? item.extended_entities?.media ?? [];
  return {
    type: 'message',
    accountId,
    externalId: item.id_str,
    visibility: 'public',
    author: tweetAuthorOf(item.user),
    threadId: item.conversation_id_str ?? inReplyToId ?? item.id_str,
    inReplyToId,
    // A tweet over 140 characters is truncated in `text`; the whole is in extended_tweet.
    text: unescapeXText(item.extended_tweet?.full_text ?? item.full_text ?? item.text ?? ''),
    attachments: medias.map(attachmentOf),
    payload: null,
    occurredAt: item.timestamp_ms ? new Date(Number(item.timestamp_ms)) : new Date(item.created_at),
    isEcho: item.user.id_str === accountId,
  };
}

function directMessageEvent(item: DirectMessage, accountId: string, users: Users): SocialEvent {
  const { sender_id: senderId, target, message_data: data } = item.message_create;
  const sender = users[senderId];
  const isEcho = senderId === accountId;
  // The attached media's t.co link ends the text; the attachment stands for it.
  const mediaLink = data.attachment?.media.url;
  const text = mediaLink ? data.text.replace(mediaLink, '').trim() : data.text;
  return {
    type: 'message',
    accountId,
    externalId: item.id,
    visibility: 'private',
    author: { externalId: senderId, name: sender?.name ?? null, handle: sender?.screen_name ?? null },
    // The thread is the customer's: the recipient of what we sent from elsewhere.
    threadId: isEcho ? target.recipient_id : senderId,
    inReplyToId: null,
    text: unescapeXText(text),
    attachments: data.attachment ? [attachmentOf(data.attachment.media)] : [],
    payload: data.quick_reply_response?.metadata ?? null,
    occurredAt: new Date(Number(item.created_timestamp)),
    isEcho,
  };
}

function tweetAuthorOf(author: z.infer<typeof user>): SocialAuthor {
  return { externalId: author.id_str, name: author.name ?? null, handle: author.screen_name ?? null };
}

function attachmentOf(item: z.infer<typeof media>): SocialAttachment {
  if (item.type === 'photo') {
    return { kind: 'image', url: item.media_url_https ?? null, name: null, contentType: null, detail: null };
  }
  // Videos and GIFs: the best MP4 X offers, else the poster image.
  const best = item.video_info?.variants
    .filter((variant) => variant.content_type === 'video/mp4')
    .sort((a, b) => (b.bitrate ?? 0) - (a.bitrate ?? 0))[0];
  return {
    kind: item.type === 'video' || item.type === 'animated_gif' ? 'video' : 'other',
    url: best?.url ?? item.media_url_https ?? null,
    name: null,
    contentType: best?.content_type ?? null,
    detail: null,
  };
}

/** X escapes &, < and > in tweet and DM text. */
export function unescapeXText(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

function parseJson(rawBody: Buffer): unknown {
  try {
    return JSON.parse(rawBody.toString('utf8'));
  } catch {
    return null;
  }
}
