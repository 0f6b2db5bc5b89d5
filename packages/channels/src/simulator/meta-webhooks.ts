import type { WebhookDelivery } from './delivery.ts';
import {
  digits,
  epochSeconds,
  facebookCommentId,
  instagramMid,
  instagramObjectId,
  messengerMid,
} from './ids.ts';
import { metaJson } from './signatures.ts';

// Builders of the JSON Meta posts for Messenger, Page feed, Instagram and WhatsApp (CHANNELS.md §0–§4).

type At = { at?: Date };
type MetaAttachment = {
  type:
    | 'image'
    | 'video'
    | 'audio'
    | 'file'
    | 'sticker'
    | 'share'
    | 'story_mention'
    | 'ig_reel'
    | 'reel'
    | 'fallback';
  url: string;
};

function metaDelivery(
  channel: WebhookDelivery['channel'],
  accountId: string,
  externalId: string,
  body: Record<string, unknown>,
): WebhookDelivery {
  return { platform: 'meta', channel, accountId, externalId, rawBody: metaJson(body), body };
}

function messagingEnvelope(object: 'page' | 'instagram', accountId: string, at: Date, event: object) {
  return { object, entry: [{ id: accountId, time: at.getTime(), messaging: [event] }] };
}

function attachmentsOf(attachments: MetaAttachment[] | undefined) {
  return attachments?.map(({ type, url }) =>
    type === 'sticker'
      ? { type: 'image', payload: { url, sticker_id: Number(digits(15)) } }
      : { type, payload: { url } },
  );
}

/** A Messenger message from a person (PSID) to a Page. */
export function messengerMessage(
  options: {
    pageId: string;
    psid: string;
    text?: string;
    mid?: string;
    attachments?: MetaAttachment[];
    quickReplyPayload?: string;
    replyToMid?: string;
  } & At,
): WebhookDelivery {
  const at = options.at ?? new Date();
  const mid = options.mid ?? messengerMid();
  const message = {
    mid,
    ...(options.text !== undefined && { text: options.text }),
    ...(options.attachments && { attachments: attachmentsOf(options.attachments) }),
    ...(options.quickReplyPayload !== undefined && { quick_reply: { payload: options.quickReplyPayload } }),
    ...(options.replyToMid && { reply_to: { mid: options.replyToMid } }),
  };
  const event = {
    sender: { id: options.psid },
    recipient: { id: options.pageId },
    timestamp: at.getTime(),
    message,
  };
  return metaDelivery('facebook', options.pageId, mid, messagingEnvelope('page', options.pageId, at, event));
}

/** A button tap (postback) in Messenger. */
export function messengerPostback(
  options: { pageId: string; psid: string; title: string; payload: string; mid?: string } & At,
): WebhookDelivery {
  const at = options.at ?? new Date();
  const mid = options.mid ?? messengerMid();
  const event = {
    sender: { id: options.psid },
    recipient: { id: options.pageId },
    timestamp: at.getTime(),
    postback: { mid, title: options.title, payload: options.payload },
  };
  return metaDelivery('facebook', options.pageId, mid, messagingEnvelope('page', options.pageId, at, event));
}

/** The echo of a message the Page sent (sender is the Page, recipient the person). */
export function messengerEcho(
  options: {
    pageId: string;
    psid: string;
    text: string;
    mid?: string;
    appId?: string;
    metadata?: string;
  } & At,
): WebhookDelivery {
  const at = options.at ?? new Date();
  const mid = options.mid ?? messengerMid();
  const message = {
    is_echo: true,
    app_id: Number(options.appId ?? '1517776481860111'),
    ...(options.metadata !== undefined && { metadata: options.metadata }),
    mid,
    text: options.text,
  };
  const event = {
    sender: { id: options.pageId },
    recipient: { id: options.psid },
    timestamp: at.getTime(),
    message,
  };
  return metaDelivery('facebook', options.pageId, mid, messagingEnvelope('page', options.pageId, at, event));
}

/** A delivery or read receipt for the Page's messages: everything sent before `watermark` (ms). */
export function messengerReceipt(
  options: {
    pageId: string;
    psid: string;
    kind: 'delivery' | 'read';
    watermark: number;
    mids?: string[];
  } & At,
): WebhookDelivery {
  const at = options.at ?? new Date();
  const receipt =
    options.kind === 'delivery'
      ? { delivery: { ...(options.mids && { mids: options.mids }), watermark: options.watermark } }
      : { read: { watermark: options.watermark } };
  const event = {
    sender: { id: options.psid },
    recipient: { id: options.pageId },
    timestamp: at.getTime(),
    ...receipt,
  };
  const body = messagingEnvelope('page', options.pageId, at, event);
  return metaDelivery(
    'facebook',
    options.pageId,
    `${options.psid}:${options.kind}:${options.watermark}`,
    body,
  );
}

/** A comment on a Page post (`feed` field). `parentId` defaults to the post: a top-level comment. */
export function pageComment(
  options: {
    pageId: string;
    postId: string;
    commentId?: string;
    parentId?: string;
    from: { id: string; name: string };
    message: string;
    verb?: 'add' | 'edited' | 'remove' | 'hide' | 'unhide';
  } & At,
): WebhookDelivery {
  const at = options.at ?? new Date();
  const postId = options.postId.includes('_') ? options.postId : `${options.pageId}_${options.postId}`;
  const commentId = options.commentId ?? facebookCommentId(postId);
  const value = {
    from: options.from,
    post: {
      status_type: 'added_photos',
      is_published: true,
      updated_time: new Date(at.getTime()).toISOString().replace(/\.\d{3}Z$/, '+0000'),
      permalink_url: `https://www.facebook.com/permalink.php?story_fbid=${postId.split('_')[1]}&id=${options.pageId}`,
      promotion_status: 'inactive',
      id: postId,
    },
    message: options.message,
    post_id: postId,
    comment_id: commentId,
    created_time: epochSeconds(at),
    item: 'comment',
    parent_id: options.parentId ?? postId,
    verb: options.verb ?? 'add',
  };
  const body = {
    entry: [{ id: options.pageId, time: epochSeconds(at), changes: [{ value, field: 'feed' }] }],
    object: 'page',
  };
  return metaDelivery('facebook', options.pageId, commentId, body);
}

/** An Instagram DM from a person (IGSID) to the professional account; `isEcho` swaps sender and recipient. */
export function instagramMessage(
  options: {
    igAccountId: string;
    igsid: string;
    text?: string;
    mid?: string;
    attachments?: MetaAttachment[];
    replyToMid?: string;
    /** A quick reply pressed: its payload. */
    quickReplyPayload?: string;
    isEcho?: boolean;
    /** The person unsent the message. */
    isDeleted?: boolean;
  } & At,
): WebhookDelivery {
  const at = options.at ?? new Date();
  const mid = options.mid ?? instagramMid();
  const message = {
    mid,
    ...(options.text !== undefined && { text: options.text }),
    ...(options.attachments && { attachments: attachmentsOf(options.attachments) }),
    ...(options.quickReplyPayload !== undefined && { quick_reply: { payload: options.quickReplyPayload } }),
    ...(options.replyToMid && { reply_to: { mid: options.replyToMid } }),
    ...(options.isEcho && { is_echo: true }),
    ...(options.isDeleted && { is_deleted: true }),
  };
  const [sender, recipient] = options.isEcho
    ? [options.igAccountId, options.igsid]
    : [options.igsid, options.igAccountId];
  const event = { sender: { id: sender }, recipient: { id: recipient }, timestamp: at.getTime(), message };
  const body = {
    object: 'instagram',
    entry: [{ time: at.getTime(), id: options.igAccountId, messaging: [event] }],
  };
  return metaDelivery('instagram', options.igAccountId, mid, body);
}

/**
 * A comment on Instagram media. `shape: 'changes'` (default) is what real deliveries use
 * (`entry[].changes[]`); `'field-value'` is Meta's Business-Login example with field/value on the entry.
 */
export function instagramComment(
  options: {
    igAccountId: string;
    mediaId: string;
    commentId?: string;
    parentId?: string;
    from: { id: string; username: string };
    text: string;
    shape?: 'changes' | 'field-value';
  } & At,
): WebhookDelivery {
  const at = options.at ?? new Date();
  const id = options.commentId ?? instagramObjectId();
  const value = {
    from: { id: options.from.id, username: options.from.username },
    media: { id: options.mediaId, media_product_type: 'FEED' },
    id,
    ...(options.parentId && { parent_id: options.parentId }),
    text: options.text,
  };
  const change = { field: 'comments', value };
  const entry =
    options.shape === 'field-value'
      ? { id: options.igAccountId, time: epochSeconds(at), ...change }
      : { id: options.igAccountId, time: epochSeconds(at), changes: [change] };
  return metaDelivery('instagram', options.igAccountId, id, { entry: [entry], object: 'instagram' });
}
