// Instagram: Direct messages (the Messenger shape) and comments / live comments / mentions on the
// account's media. Credentials: { appSecret, instagramAccountId, accessToken }. CHANNELS.md §3.
import type { RawWebhook, SocialAdapter, SocialEvent } from '../adapter.ts';
import { SocialSendError } from '../adapter.ts';
import {
  answerHandshake,
  asObject,
  asObjects,
  asText,
  authorOf,
  entriesOf,
  epochToDate,
  hasValidSignature,
  type JsonObject,
  unique,
} from './common.ts';
import { parseMessagingItem } from './messaging-events.ts';
import { QUICK_REPLY_LIMITS, sendFromAccount } from './messaging-send.ts';

/** Instagram professional account: Direct (private) and comments (public). */
export const instagramAdapter: SocialAdapter = {
  capabilities: {
    kind: 'instagram',
    hasPublic: true,
    hasPrivate: true,
    privateWindowHours: 24,
    extendedWindowHours: 7 * 24,
    canHide: true,
    canPrivateReply: true,
    canSendTemplates: false,
    attachmentKinds: ['image', 'video', 'audio', 'file', 'sticker', 'other'],
    maxButtons: QUICK_REPLY_LIMITS.maxButtons,
  },

  accountIdsOf: (webhook) => unique(entriesOf(webhook, 'instagram').map((entry) => asText(entry.id))),

  handshake: answerHandshake,

  verify: (webhook, credentials) => hasValidSignature(webhook, credentials.appSecret),

  parse(webhook: RawWebhook): SocialEvent[] {
    const receivedAt = new Date();
    return entriesOf(webhook, 'instagram').flatMap((entry) => {
      const accountId = asText(entry.id) ?? '';
      const entryTime = epochToDate(entry.time, receivedAt);
      // Business-Login deliveries put one `field`/`value` on the entry itself instead of `changes[]`.
      const changes = entry.field !== undefined ? [entry] : asObjects(entry.changes);
      return [
        ...asObjects(entry.messaging).flatMap((item) => parseMessagingItem(item, accountId, entryTime)),
        ...asObjects(entry.standby).flatMap((item) => parseMessagingItem(item, accountId, entryTime)),
        ...changes.flatMap((change) => changeEvents(change, accountId, entryTime)),
      ];
    });
  },

  async send(outbound, { credentials, baseUrl, lastInboundAt, now }) {
    const { accessToken, instagramAccountId } = credentials;
    if (!accessToken) {
      throw new SocialSendError(
        'auth',
        {
          en: 'The Instagram account has no access token: reconnect it.',
          ar: 'لا رمز وصول لحساب إنستغرام: أعد ربطه.',
        },
        { isPermanent: true },
      );
    }
    const auth = { in: 'bearer' as const, value: accessToken };
    const endpoints = {
      name: 'Instagram' as const,
      sendApi: {
        baseUrl,
        path: `/${instagramAccountId || 'me'}/messages`,
        token: auth,
        platform: 'Instagram' as const,
      },
      comments: { baseUrl, token: auth, platform: 'Instagram' },
      replyEdge: 'replies' as const,
      hideParameter: 'hide' as const,
    };
    return sendFromAccount(outbound, endpoints, { lastInboundAt, now });
  },
};

function changeEvents(change: JsonObject, accountId: string, entryTime: Date): SocialEvent[] {
  const value = asObject(change.value);
  if (value === null) return [];
  switch (change.field) {
    case 'comments':
    case 'live_comments':
      return commentEvents(value, accountId, entryTime);
    case 'mentions':
      return mentionEvents(value, accountId, entryTime);
    default:
      return [];
  }
}

function commentEvents(value: JsonObject, accountId: string, occurredAt: Date): SocialEvent[] {
  const commentId = asText(value.id);
  const mediaId = asText(asObject(value.media)?.id);
  if (!commentId || !mediaId) return [];
  const from = asObject(value.from);
  const authorId = asText(from?.id) ?? '';
  return [
    {
      type: 'message',
      accountId,
      externalId: commentId,
      visibility: 'public',
      author: authorOf(authorId, { handle: asText(from?.username) }),
      threadId: mediaId,
      inReplyToId: asText(value.parent_id),
      text: asText(value.text) ?? '',
      attachments: [],
      payload: null,
      occurredAt,
      // The account answering on its own media.
      isEcho: authorId === accountId,
    },
  ];
}

/**
 * Someone @mentioned the account in a comment or a caption. Meta sends only ids: the event has no
 * author and no text, and the server fetches the comment (or caption) by `externalId` to fill them.
 */
function mentionEvents(value: JsonObject, accountId: string, occurredAt: Date): SocialEvent[] {
  const mediaId = asText(value.media_id);
  if (!mediaId) return [];
  const commentId = asText(value.comment_id);
  return [
    {
      type: 'message',
      accountId,
      externalId: commentId ?? mediaId,
      visibility: 'public',
      author: authorOf(''),
      threadId: mediaId,
      inReplyToId: null,
      text: '',
      attachments: [
        {
          kind: 'other',
          url: null,
          name: null,
          contentType: null,
          detail: commentId ? `mention in comment ${commentId}` : `mention in caption of ${mediaId}`,
        },
      ],
      payload: null,
      occurredAt,
      isEcho: false,
    },
  ];
}
