import { randomBytes } from 'node:crypto';
import type { WebhookDelivery } from './delivery.ts';
import { digits, epochSeconds, nextTelegramMessageId, nextTelegramUpdateId } from './ids.ts';

// Builders of Telegram Bot API updates (CHANNELS.md §5). Telegram sends plain UTF-8 JSON; its only
// proof of origin is the X-Telegram-Bot-Api-Secret-Token header, added at delivery.

export type TelegramPerson = {
  id: number;
  firstName: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
};

/** The bot the updates are for: its id is the number before the colon of its token. */
export type TelegramBot = { id: number; username: string; firstName: string };

const defaultBot: TelegramBot = { id: 7_000_000_001, username: 'sada_support_bot', firstName: 'Sada' };

function userOf(person: TelegramPerson) {
  return {
    id: person.id,
    is_bot: false,
    first_name: person.firstName,
    ...(person.lastName && { last_name: person.lastName }),
    ...(person.username && { username: person.username }),
    language_code: person.languageCode ?? 'ar',
  };
}

function fileId(): string {
  return `AgACAgQAAxkBAAI${randomBytes(45).toString('base64url')}`;
}

function photoSizes() {
  const fileUniqueBase = randomBytes(9).toString('base64url');
  return [
    [90, 67, 1_234],
    [320, 240, 16_847],
    [800, 600, 61_502],
  ].map(([width, height, fileSize], index) => ({
    file_id: fileId(),
    file_unique_id: `AQAD${fileUniqueBase}${index}`,
    file_size: fileSize,
    width,
    height,
  }));
}

/**
 * One update from a private chat: a text, photo or document message, an edit of an earlier message
 * (`editOf` its message_id), or a tap on an inline button (`callbackData`, on the bot message `replyTo`).
 */
export function telegramUpdate(options: {
  chatId: number;
  from: TelegramPerson;
  text?: string;
  photo?: { caption?: string };
  document?: { fileName: string; mimeType: string; caption?: string };
  callbackData?: string;
  editOf?: number;
  replyTo?: {
    messageId: number;
    text: string;
    isFromBot?: boolean;
    /** The inline keyboard the bot sent under the message (a pressed button's message carries it). */
    inlineKeyboard?: { text: string; callback_data: string }[][];
  };
  bot?: TelegramBot;
  updateId?: number;
  messageId?: number;
  at?: Date;
}): WebhookDelivery {
  const at = options.at ?? new Date();
  const bot = options.bot ?? defaultBot;
  const updateId = options.updateId ?? nextTelegramUpdateId();
  const chat = {
    id: options.chatId,
    first_name: options.from.firstName,
    ...(options.from.lastName && { last_name: options.from.lastName }),
    ...(options.from.username && { username: options.from.username }),
    type: 'private',
  };
  const botUser = { id: bot.id, is_bot: true, first_name: bot.firstName, username: bot.username };
  const replyTo = options.replyTo && {
    message_id: options.replyTo.messageId,
    from: options.replyTo.isFromBot === false ? userOf(options.from) : botUser,
    chat,
    date: epochSeconds(at) - 60,
    text: options.replyTo.text,
    ...(options.replyTo.inlineKeyboard && {
      reply_markup: { inline_keyboard: options.replyTo.inlineKeyboard },
    }),
  };
  let update: Record<string, unknown>;
  if (options.callbackData !== undefined) {
    update = {
      update_id: updateId,
      callback_query: {
        id: digits(19),
        from: userOf(options.from),
        ...(replyTo && { message: replyTo }),
        chat_instance: `-${digits(19)}`,
        data: options.callbackData,
      },
    };
  } else {
    const messageId = options.editOf ?? options.messageId ?? nextTelegramMessageId();
    const message = {
      message_id: messageId,
      from: userOf(options.from),
      chat,
      date: options.editOf ? epochSeconds(at) - 30 : epochSeconds(at),
      ...(options.editOf && { edit_date: epochSeconds(at) }),
      ...(replyTo && { reply_to_message: replyTo }),
      ...(options.text !== undefined && { text: options.text }),
      ...(options.photo && { photo: photoSizes() }),
      ...(options.document && {
        document: {
          file_name: options.document.fileName,
          mime_type: options.document.mimeType,
          file_id: fileId(),
          file_unique_id: `AgAD${randomBytes(9).toString('base64url')}`,
          file_size: 48_213,
        },
      }),
      ...((options.photo?.caption ?? options.document?.caption) !== undefined && {
        caption: options.photo?.caption ?? options.document?.caption,
      }),
    };
    update = { update_id: updateId, [options.editOf ? 'edited_message' : 'message']: message };
  }
  return {
    platform: 'telegram',
    channel: 'telegram',
    accountId: String(bot.id),
    externalId: String(updateId),
    rawBody: JSON.stringify(update),
    body: update,
  };
}
