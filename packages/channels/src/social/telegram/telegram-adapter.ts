import { createHash, timingSafeEqual } from 'node:crypto';
import { type Clock, checkReplyLength, systemClock } from '@sada/core';
import {
  type SocialAdapter,
  type SocialCredentials,
  type SocialOutbound,
  SocialSendError,
} from '../adapter.ts';
import { assertButtonsFit } from '../buttons.ts';
import {
  answerTelegramCallback,
  sendTelegramFile,
  sendTelegramMessage,
  type TelegramConnection,
} from './telegram-api.ts';
import { parseTelegramUpdate } from './telegram-update.ts';

// Credentials: `botToken` (from @BotFather) and `secretToken` (ours, given to setWebhook).
const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

// Telegram updates do not name the bot they are for: the webhook URL (/webhooks/telegram/:channelId)
// picks the channel, so events carry no account id of their own.
const ACCOUNT_FROM_URL = '';

/** Telegram takes up to 100 inline buttons a message; callback data is 1-64 bytes. */
export const TELEGRAM_MAX_BUTTONS = 100;
const TELEGRAM_MAX_PAYLOAD_BYTES = 64;
/** A press arrives as a message event whose externalId is `callback:<callback query id>`. */
const PRESS_PREFIX = 'callback:';

/** The Telegram Bot API adapter; the clock dates button presses, which carry no date. */
export function createTelegramAdapter(options: { clock: Clock }): SocialAdapter {
  return {
    capabilities: {
      kind: 'telegram',
      hasPublic: true,
      hasPrivate: true,
      privateWindowHours: null,
      extendedWindowHours: null,
      canHide: false,
      canPrivateReply: false,
      canSendTemplates: false,
      attachmentKinds: ['image', 'video', 'audio', 'file', 'sticker', 'location'],
      maxButtons: TELEGRAM_MAX_BUTTONS,
    },
    accountIdsOf: () => [],
    // Telegram has no GET handshake: the secret token header is the whole proof.
    handshake: () => null,
    verify: (webhook, credentials) => isSameSecret(webhook.headers[SECRET_HEADER], credentials.secretToken),
    parse: (webhook) => parseTelegramUpdate(webhook.rawBody, ACCOUNT_FROM_URL, options.clock),
    send: (outbound, { credentials, baseUrl }) =>
      sendToTelegram(outbound, connectionOf(credentials, baseUrl)),
    // The customer's button spins until the bot answers the callback query.
    async acknowledgePress(pressId, { credentials, baseUrl, text }) {
      if (!pressId.startsWith(PRESS_PREFIX)) return;
      await answerTelegramCallback({
        ...connectionOf(credentials, baseUrl),
        callbackQueryId: pressId.slice(PRESS_PREFIX.length),
        ...(text && { text }),
      });
    },
  };
}

/** The Telegram adapter on the system clock. */
export const telegramAdapter: SocialAdapter = createTelegramAdapter({ clock: systemClock });

// Hashing both sides first makes the comparison constant-time whatever their lengths.
function isSameSecret(given: string | undefined, expected: string | undefined): boolean {
  if (!given || !expected) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function connectionOf(credentials: SocialCredentials, baseUrl: string): TelegramConnection {
  const botToken = credentials.botToken;
  if (!botToken) {
    throw new SocialSendError(
      'auth',
      { en: 'The Telegram channel has no bot token.', ar: 'لا رمز بوت لقناة تيليجرام.' },
      { isPermanent: true },
    );
  }
  return { baseUrl, botToken };
}

async function sendToTelegram(
  outbound: SocialOutbound,
  connection: TelegramConnection,
): Promise<{ externalId: string }> {
  switch (outbound.action) {
    case 'reply_public': {
      const { chatId, messageId } = splitMessageId(outbound.inReplyToId);
      checkLength(outbound.text);
      return sendTelegramMessage({ ...connection, chatId, text: outbound.text, replyToMessageId: messageId });
    }
    case 'message': {
      const files = outbound.attachments ?? [];
      const sent: { externalId: string }[] = [];
      const buttons = outbound.buttons ?? [];
      assertButtonsFit('Telegram', buttons, {
        maxButtons: TELEGRAM_MAX_BUTTONS,
        maxPayloadBytes: TELEGRAM_MAX_PAYLOAD_BYTES,
      });
      if (outbound.text !== '' || files.length === 0) {
        checkLength(outbound.text);
        sent.push(
          await sendTelegramMessage({
            ...connection,
            chatId: outbound.to,
            text: outbound.text,
            buttons: buttons.map(({ title, payload }) => ({ text: title, payload })),
          }),
        );
      }
      for (const { url, kind } of files) {
        sent.push(await sendTelegramFile({ ...connection, chatId: outbound.to, url, kind }));
      }
      return sent[0]!;
    }
    case 'private_reply':
    case 'template':
    case 'hide':
      throw new SocialSendError(
        'not_supported',
        {
          en: `Telegram has no ${outbound.action.replace('_', ' ')}.`,
          ar: `لا يدعم تيليجرام هذا الإجراء (${outbound.action}).`,
        },
        { isPermanent: true },
      );
  }
}

function splitMessageId(externalId: string): { chatId: string; messageId: number } {
  const match = /^(-?\d+):(\d+)$/.exec(externalId);
  if (!match) {
    throw new SocialSendError(
      'invalid_request',
      {
        en: `"${externalId}" is not a Telegram chat:message id.`,
        ar: `"${externalId}" ليس معرّف رسالة تيليجرام بصيغة chat:message.`,
      },
      { isPermanent: true },
    );
  }
  return { chatId: match[1]!, messageId: Number(match[2]) };
}

function checkLength(text: string): void {
  if (text.trim() === '') {
    throw new SocialSendError(
      'empty',
      { en: 'Telegram does not send an empty message.', ar: 'لا يرسل تيليجرام رسالة فارغة.' },
      { isPermanent: true },
    );
  }
  const { isTooLong, length, max, remaining } = checkReplyLength(text, 'telegram', 'private');
  if (isTooLong) {
    const over = -(remaining ?? 0);
    throw new SocialSendError(
      'too_long',
      {
        en: `The message is ${over} characters over Telegram's ${max} (it counts ${length}).`,
        ar: `الرسالة تزيد ${over} حرفًا على حد تيليجرام البالغ ${max} (طولها ${length}).`,
      },
      { isPermanent: true },
    );
  }
}
