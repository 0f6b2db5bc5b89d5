// Messenger and Instagram Direct share one event shape (`entry[].messaging[]`): messages, echoes,
// postbacks, receipts, reactions, edits and unsends. CHANNELS.md §1 and §3.
import type { SocialAttachment, SocialEvent } from '../adapter.ts';
import { asObject, asObjects, asText, authorOf, epochToDate, type JsonObject } from './common.ts';

/** Every event of one `messaging[]` (or `standby[]`) item; most items carry exactly one. */
export function parseMessagingItem(item: JsonObject, accountId: string, receivedAt: Date): SocialEvent[] {
  const senderId = asText(asObject(item.sender)?.id);
  const recipientId = asText(asObject(item.recipient)?.id);
  const occurredAt = epochToDate(item.timestamp, receivedAt);
  const message = asObject(item.message);
  if (message) return messageEvents(message, { accountId, senderId, recipientId, occurredAt });
  const postback = asObject(item.postback);
  if (postback && senderId) {
    // The documented postback has a mid; old ones did not, so one is made from who and when.
    const externalId = asText(postback.mid) ?? `postback:${senderId}:${occurredAt.getTime()}`;
    return [
      {
        type: 'message',
        accountId,
        externalId,
        visibility: 'private',
        author: authorOf(senderId),
        threadId: senderId,
        inReplyToId: null,
        text: asText(postback.title) ?? '',
        attachments: [],
        payload: asText(postback.payload),
        occurredAt,
        isEcho: false,
      },
    ];
  }
  const delivery = asObject(item.delivery);
  if (delivery) {
    // The watermark alone names no message: only the listed mids become statuses.
    const mids = Array.isArray(delivery.mids) ? delivery.mids.map(asText) : [];
    return mids
      .filter((mid): mid is string => mid !== null)
      .map((mid) => ({
        type: 'status',
        accountId,
        externalId: mid,
        status: 'delivered',
        error: null,
        occurredAt,
      }));
  }
  const read = asObject(item.read);
  const readMid = asText(read?.mid);
  if (readMid) {
    // Instagram's read names the mid; Messenger's carries only a watermark and is skipped.
    return [{ type: 'status', accountId, externalId: readMid, status: 'read', error: null, occurredAt }];
  }
  const reaction = asObject(item.reaction);
  const reactedMid = asText(reaction?.mid);
  if (reaction && reactedMid && senderId) {
    return [
      {
        type: 'reaction',
        accountId,
        externalId: reactedMid,
        author: authorOf(senderId),
        reaction: asText(reaction.emoji) ?? asText(reaction.reaction) ?? '',
        isRemoved: reaction.action === 'unreact',
        occurredAt,
      },
    ];
  }
  const edit = asObject(item.message_edit);
  const editedMid = asText(edit?.mid);
  if (edit && editedMid) {
    return [{ type: 'edit', accountId, externalId: editedMid, text: asText(edit.text) ?? '', occurredAt }];
  }
  return [];
}

type Envelope = { accountId: string; senderId: string | null; recipientId: string | null; occurredAt: Date };

function messageEvents(message: JsonObject, envelope: Envelope): SocialEvent[] {
  const { accountId, senderId, recipientId, occurredAt } = envelope;
  const mid = asText(message.mid);
  if (!mid) return [];
  if (message.is_deleted === true) return [{ type: 'delete', accountId, externalId: mid, occurredAt }];
  const isEcho = message.is_echo === true;
  // In an echo the Page/account is the sender: the conversation is the person it was sent to.
  const authorId = senderId ?? '';
  const threadId = (isEcho ? recipientId : senderId) ?? '';
  if (threadId === '') return [];
  return [
    {
      type: 'message',
      accountId,
      externalId: mid,
      visibility: 'private',
      author: authorOf(authorId),
      threadId,
      inReplyToId: asText(asObject(message.reply_to)?.mid),
      text: asText(message.text) ?? '',
      attachments: attachmentsOf(message),
      payload: asText(asObject(message.quick_reply)?.payload),
      occurredAt,
      isEcho,
    },
  ];
}

const kindByType: Record<string, SocialAttachment['kind']> = {
  image: 'image',
  video: 'video',
  audio: 'audio',
  file: 'file',
  sticker: 'sticker',
  location: 'location',
};

function attachmentsOf(message: JsonObject): SocialAttachment[] {
  const attachments: SocialAttachment[] = [];
  const stickers = new Set<string>();
  for (const attachment of asObjects(message.attachments)) {
    const type = asText(attachment.type) ?? 'other';
    const payload = asObject(attachment.payload);
    const stickerId = asText(payload?.sticker_id);
    // Until Aug 2026 a sticker comes twice, as `sticker` and as `image`: keep it once.
    if (stickerId !== null) {
      if (stickers.has(stickerId)) continue;
      stickers.add(stickerId);
    }
    const coordinates = asObject(payload?.coordinates);
    const location = coordinates ? `${asText(coordinates.lat)},${asText(coordinates.long)}` : null;
    const kind = stickerId !== null ? 'sticker' : (kindByType[type] ?? 'other');
    attachments.push({
      kind,
      url: asText(payload?.url),
      name: asText(attachment.title) ?? asText(payload?.title),
      contentType: null,
      // Kinds we do not model keep their platform type, so the console can say "a reel", "a story mention".
      detail: stickerId ?? location ?? (kind === 'other' ? type : null),
    });
  }
  const legacySticker = asText(message.sticker_id);
  if (legacySticker !== null && !stickers.has(legacySticker) && attachments.length === 0) {
    attachments.push({ kind: 'sticker', url: null, name: null, contentType: null, detail: legacySticker });
  }
  // Instagram: a reply to the account's story names the story, not a message.
  const story = asObject(asObject(message.reply_to)?.story);
  if (story) {
    attachments.push({
      kind: 'other',
      url: asText(story.url),
      name: null,
      contentType: null,
      detail: 'story_reply',
    });
  }
  // Instagram: content the API cannot show (a voice effect, a poll…) arrives empty; say so.
  if (message.is_unsupported === true) {
    attachments.push({ kind: 'other', url: null, name: null, contentType: null, detail: 'unsupported' });
  }
  return attachments;
}
