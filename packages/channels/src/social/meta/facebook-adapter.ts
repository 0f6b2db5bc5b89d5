// Facebook: Messenger conversations with a Page and comments on the Page's posts (the `feed` field).
// Credentials: { appSecret, pageAccessToken, pageId? }. CHANNELS.md §1 and §2.
import type { RawWebhook, SocialAdapter, SocialAttachment, SocialEvent } from '../adapter.ts';
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

/** Facebook Page: Messenger (private) and Page comments (public). */
export const facebookAdapter: SocialAdapter = {
  capabilities: {
    kind: 'facebook',
    hasPublic: true,
    hasPrivate: true,
    privateWindowHours: 24,
    extendedWindowHours: 7 * 24,
    canHide: true,
    canPrivateReply: true,
    canSendTemplates: false,
    attachmentKinds: ['image', 'video', 'audio', 'file', 'sticker', 'location', 'other'],
    maxButtons: QUICK_REPLY_LIMITS.maxButtons,
  },

  accountIdsOf: (webhook) => unique(entriesOf(webhook, 'page').map((entry) => asText(entry.id))),

  handshake: answerHandshake,

  verify: (webhook, credentials) => hasValidSignature(webhook, credentials.appSecret),

  parse(webhook: RawWebhook): SocialEvent[] {
    const receivedAt = new Date();
    return entriesOf(webhook, 'page').flatMap((entry) => {
      const pageId = asText(entry.id) ?? '';
      const entryTime = epochToDate(entry.time, receivedAt);
      return [
        ...asObjects(entry.messaging).flatMap((item) => parseMessagingItem(item, pageId, entryTime)),
        // Under the handover protocol, a thread another app controls arrives as `standby`.
        ...asObjects(entry.standby).flatMap((item) => parseMessagingItem(item, pageId, entryTime)),
        ...asObjects(entry.changes).flatMap((change) =>
          change.field === 'feed' ? feedEvents(asObject(change.value), pageId, entryTime) : [],
        ),
      ];
    });
  },

  async send(outbound, { credentials, baseUrl, lastInboundAt, now }) {
    const token = credentials.pageAccessToken;
    if (!token)
      throw new SocialSendError(
        'auth',
        {
          en: 'The Facebook Page has no access token: reconnect it.',
          ar: 'لا رمز وصول لصفحة فيسبوك: أعد ربطها.',
        },
        { isPermanent: true },
      );
    const auth = { in: 'query' as const, value: token };
    const endpoints = {
      name: 'Facebook' as const,
      sendApi: {
        baseUrl,
        path: `/${credentials.pageId || 'me'}/messages`,
        token: auth,
        platform: 'Messenger' as const,
      },
      comments: { baseUrl, token: auth, platform: 'Facebook' },
      replyEdge: 'comments' as const,
      hideParameter: 'is_hidden' as const,
    };
    return sendFromAccount(outbound, endpoints, { lastInboundAt, now });
  },
};

/** A Page `feed` change: comments added, edited, removed or hidden; other items are not ours. */
function feedEvents(value: JsonObject | null, pageId: string, entryTime: Date): SocialEvent[] {
  if (value === null || value.item !== 'comment') return [];
  const commentId = asText(value.comment_id);
  if (!commentId) return [];
  const occurredAt = epochToDate(value.created_time, entryTime);
  switch (value.verb) {
    case 'add': {
      const from = asObject(value.from);
      const authorId = asText(from?.id) ?? '';
      const postId = asText(value.post_id) ?? asText(value.parent_id) ?? commentId;
      const parentId = asText(value.parent_id);
      return [
        {
          type: 'message',
          accountId: pageId,
          externalId: commentId,
          visibility: 'public',
          author: authorOf(authorId, { name: asText(from?.name) }),
          threadId: postId,
          // A top-level comment's parent is the post itself: only a reply answers another comment.
          inReplyToId: parentId !== null && parentId !== postId ? parentId : null,
          text: asText(value.message) ?? '',
          attachments: commentAttachments(value),
          payload: null,
          occurredAt,
          // The Page commenting on its own post, from Facebook or from us.
          isEcho: authorId === pageId,
        },
      ];
    }
    case 'edited':
      return [
        {
          type: 'edit',
          accountId: pageId,
          externalId: commentId,
          text: asText(value.message) ?? '',
          occurredAt,
        },
      ];
    case 'remove':
    case 'hide':
      return [{ type: 'delete', accountId: pageId, externalId: commentId, occurredAt }];
    default:
      return [];
  }
}

function commentAttachments(value: JsonObject): SocialAttachment[] {
  const photo = asText(value.photo);
  const video = asText(value.video);
  return [
    ...(photo ? [{ kind: 'image' as const, url: photo, name: null, contentType: null, detail: null }] : []),
    ...(video ? [{ kind: 'video' as const, url: video, name: null, contentType: null, detail: null }] : []),
  ];
}
