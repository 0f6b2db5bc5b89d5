import type { Clock } from '@sada/core';
import { z } from 'zod';
import type { SocialAttachment, SocialAuthor, SocialEvent } from '../adapter.ts';

// Telegram Update objects (core.telegram.org/bots/api#update, CHANNELS.md §5): exactly one of
// message / edited_message / channel_post / edited_channel_post / callback_query / … per update.
// Only the fields Sada reads are declared; the rest are dropped by zod.

const user = z.object({
  id: z.number(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  username: z.string().optional(),
});

const chat = z.object({
  id: z.number(),
  type: z.string(),
  title: z.string().optional(),
  username: z.string().optional(),
});

const file = z.object({
  file_id: z.string(),
  file_name: z.string().optional(),
  mime_type: z.string().optional(),
});

const inlineButton = z.object({ text: z.string(), callback_data: z.string().optional() });

const message = z.object({
  message_id: z.number(),
  date: z.number(),
  chat,
  from: user.optional(),
  sender_chat: chat.optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  photo: z.array(z.object({ file_id: z.string(), width: z.number(), height: z.number() })).optional(),
  document: file.optional(),
  video: file.optional(),
  voice: file.optional(),
  audio: file.optional(),
  sticker: z.object({ file_id: z.string(), emoji: z.string().optional() }).optional(),
  location: z.object({ latitude: z.number(), longitude: z.number() }).optional(),
  contact: z.object({ phone_number: z.string(), first_name: z.string().optional() }).optional(),
  reply_to_message: z.object({ message_id: z.number() }).optional(),
  edit_date: z.number().optional(),
  reply_markup: z.object({ inline_keyboard: z.array(z.array(inlineButton)) }).optional(),
});
type TelegramMessage = z.infer<typeof message>;

const callbackQuery = z.object({
  id: z.string(),
  from: user,
  message: message.optional(),
  data: z.string().optional(),
});
type TelegramCallbackQuery = z.infer<typeof callbackQuery>;

const update = z.object({
  update_id: z.number(),
  message: message.optional(),
  edited_message: message.optional(),
  channel_post: message.optional(),
  edited_channel_post: message.optional(),
  callback_query: callbackQuery.optional(),
});

/** Telegram message ids count per chat, so a message is known by `${chatId}:${messageId}`. */
export function telegramMessageId(chatId: number | string, messageId: number | string): string {
  return `${chatId}:${messageId}`;
}

/** Every event of one webhook body (Telegram sends one update per request); [] for unused updates. */
export function parseTelegramUpdate(rawBody: Buffer, accountId: string, clock: Clock): SocialEvent[] {
  const parsed = update.safeParse(parseJson(rawBody));
  if (!parsed.success) return [];
  const { message: sent, channel_post, edited_message, edited_channel_post, callback_query } = parsed.data;
  const posted = sent ?? channel_post;
  if (posted) {
    const event = messageEvent(posted, accountId);
    // Service messages (members joining, a pinned message…) carry nothing to answer.
    return event.text === '' && event.attachments.length === 0 ? [] : [event];
  }
  const edited = edited_message ?? edited_channel_post;
  if (edited) {
    return [
      {
        type: 'edit',
        accountId,
        externalId: telegramMessageId(edited.chat.id, edited.message_id),
        text: edited.text ?? edited.caption ?? '',
        occurredAt: fromEpochSeconds(edited.edit_date ?? edited.date),
      },
    ];
  }
  if (callback_query) return [callbackEvent(callback_query, accountId, clock)];
  // my_chat_member, inline queries, polls…: nothing for a case.
  return [];
}

function parseJson(rawBody: Buffer): unknown {
  try {
    return JSON.parse(rawBody.toString('utf8'));
  } catch {
    return null;
  }
}

function messageEvent(sent: TelegramMessage, accountId: string): SocialEvent & { type: 'message' } {
  return {
    type: 'message',
    accountId,
    externalId: telegramMessageId(sent.chat.id, sent.message_id),
    visibility: visibilityOf(sent.chat.type),
    author: sent.from ? authorOf(sent.from) : chatAuthorOf(sent.sender_chat ?? sent.chat),
    threadId: String(sent.chat.id),
    inReplyToId: sent.reply_to_message
      ? telegramMessageId(sent.chat.id, sent.reply_to_message.message_id)
      : null,
    text: sent.text ?? sent.caption ?? '',
    attachments: attachmentsOf(sent),
    payload: null,
    occurredAt: fromEpochSeconds(sent.date),
    // A bot never receives its own messages.
    isEcho: false,
  };
}

// A button pressed. It carries no date of its own (its message's date is when the keyboard was
// sent), so the press is dated on arrival.
function callbackEvent(query: TelegramCallbackQuery, accountId: string, clock: Clock): SocialEvent {
  const pressedOn = query.message;
  const button = pressedOn?.reply_markup?.inline_keyboard
    .flat()
    .find((candidate) => candidate.callback_data === query.data);
  return {
    type: 'message',
    accountId,
    externalId: `callback:${query.id}`,
    visibility: pressedOn ? visibilityOf(pressedOn.chat.type) : 'private',
    author: authorOf(query.from),
    threadId: String(pressedOn?.chat.id ?? query.from.id),
    inReplyToId: pressedOn ? telegramMessageId(pressedOn.chat.id, pressedOn.message_id) : null,
    text: button?.text ?? query.data ?? '',
    attachments: [],
    payload: query.data ?? null,
    occurredAt: clock.now(),
    isEcho: false,
  };
}

function visibilityOf(chatType: string): 'public' | 'private' {
  return chatType === 'private' ? 'private' : 'public';
}

function authorOf(from: z.infer<typeof user>): SocialAuthor {
  const name = [from.first_name, from.last_name].filter(Boolean).join(' ');
  return { externalId: String(from.id), name: name || null, handle: from.username ?? null };
}

// Channel posts (and anonymous group admins) are written by the chat itself.
function chatAuthorOf(author: z.infer<typeof chat>): SocialAuthor {
  return { externalId: String(author.id), name: author.title ?? null, handle: author.username ?? null };
}

function attachmentsOf(sent: TelegramMessage): SocialAttachment[] {
  const attachments: SocialAttachment[] = [];
  const largestPhoto = sent.photo?.reduce((largest, size) =>
    size.width * size.height > largest.width * largest.height ? size : largest,
  );
  // Files are fetched with getFile and the bot token, so no URL is known here: the file_id is the detail.
  if (largestPhoto) attachments.push(fileAttachment('image', { file_id: largestPhoto.file_id }));
  if (sent.document) attachments.push(fileAttachment('file', sent.document));
  if (sent.video) attachments.push(fileAttachment('video', sent.video));
  if (sent.voice) attachments.push(fileAttachment('audio', sent.voice));
  if (sent.audio) attachments.push(fileAttachment('audio', sent.audio));
  if (sent.sticker) {
    attachments.push({
      kind: 'sticker',
      url: null,
      name: sent.sticker.emoji ?? null,
      contentType: null,
      detail: sent.sticker.file_id,
    });
  }
  if (sent.location) {
    const { latitude, longitude } = sent.location;
    attachments.push({
      kind: 'location',
      url: null,
      name: null,
      contentType: null,
      detail: `${latitude},${longitude}`,
    });
  }
  if (sent.contact) {
    const { phone_number, first_name } = sent.contact;
    attachments.push({
      kind: 'other',
      url: null,
      name: first_name ?? null,
      contentType: null,
      detail: phone_number,
    });
  }
  return attachments;
}

function fileAttachment(kind: SocialAttachment['kind'], source: z.infer<typeof file>): SocialAttachment {
  return {
    kind,
    url: null,
    name: source.file_name ?? null,
    contentType: source.mime_type ?? null,
    detail: source.file_id,
  };
}

function fromEpochSeconds(seconds: number): Date {
  return new Date(seconds * 1000);
}
