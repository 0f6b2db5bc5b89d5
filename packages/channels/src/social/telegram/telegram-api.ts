import { z } from 'zod';
import { quoted } from '../../channel-error.ts';
import { SocialSendError } from '../adapter.ts';
import { telegramMessageId } from './telegram-update.ts';

// Bot API calls: POST {baseUrl}/bot{token}/{method} with a JSON body, answered by
// {"ok":true,"result":…} or {"ok":false,"error_code","description","parameters":{"retry_after"}}
// (core.telegram.org/bots/api#making-requests, CHANNELS.md §5).

/** Where the Bot API is (https://api.telegram.org, or a local Bot API server) and as which bot. */
export type TelegramConnection = { baseUrl: string; botToken: string };

/** A button under a message; pressing it comes back as a message event with `payload`. */
export type TelegramButton = { text: string; payload: string };

/** Updates Sada asks for; my_chat_member and the rest are left at Telegram. */
export const TELEGRAM_ALLOWED_UPDATES = [
  'message',
  'edited_message',
  'channel_post',
  'edited_channel_post',
  'callback_query',
] as const;

const failure = z.object({
  ok: z.literal(false),
  error_code: z.number().optional(),
  description: z.string().optional(),
  parameters: z
    .object({ retry_after: z.number().optional(), migrate_to_chat_id: z.number().optional() })
    .optional(),
});

const sentMessage = z.object({ message_id: z.number(), chat: z.object({ id: z.number() }) });

/** An inline keyboard, one button a row, as `reply_markup` of sendMessage. Callback data is 1-64 bytes. */
export function telegramKeyboard(buttons: TelegramButton[]): {
  inline_keyboard: { text: string; callback_data: string }[][];
} {
  for (const { payload } of buttons) {
    const bytes = Buffer.byteLength(payload, 'utf8');
    if (bytes < 1 || bytes > 64) {
      throw new SocialSendError(
        'invalid_request',
        {
          en: `A Telegram button payload must be 1-64 bytes, not ${bytes}.`,
          ar: `بيانات زر تيليجرام يجب أن تكون بين 1 و64 بايت، لا ${bytes}.`,
        },
        { isPermanent: true },
      );
    }
  }
  return { inline_keyboard: buttons.map(({ text, payload }) => [{ text, callback_data: payload }]) };
}

/** Sends a text to a chat, optionally as a reply and with buttons; answers `${chatId}:${messageId}`. */
export async function sendTelegramMessage(
  options: TelegramConnection & {
    chatId: string;
    text: string;
    replyToMessageId?: number | null;
    buttons?: TelegramButton[];
  },
): Promise<{ externalId: string }> {
  const { chatId, text, replyToMessageId, buttons } = options;
  const result = await callTelegram(options, 'sendMessage', {
    chat_id: chatId,
    text,
    // Still sent when the customer deleted the message answered.
    ...(replyToMessageId
      ? { reply_parameters: { message_id: replyToMessageId, allow_sending_without_reply: true } }
      : {}),
    ...(buttons?.length ? { reply_markup: telegramKeyboard(buttons) } : {}),
  });
  return externalIdOf(result);
}

/** Sends a photo or a file that Telegram fetches from a public URL. */
export async function sendTelegramFile(
  options: TelegramConnection & { chatId: string; url: string; kind: 'image' | 'file' },
): Promise<{ externalId: string }> {
  const { chatId, url, kind } = options;
  const result =
    kind === 'image'
      ? await callTelegram(options, 'sendPhoto', { chat_id: chatId, photo: url })
      : await callTelegram(options, 'sendDocument', { chat_id: chatId, document: url });
  return externalIdOf(result);
}

/** Stops the button's spinner in the customer's app; `callbackQueryId` is the id after `callback:`. */
export async function answerTelegramCallback(
  options: TelegramConnection & { callbackQueryId: string; text?: string },
): Promise<void> {
  await callTelegram(options, 'answerCallbackQuery', {
    callback_query_id: options.callbackQueryId,
    ...(options.text ? { text: options.text } : {}),
  });
}

/** Points the bot's webhook at Sada, with the secret Telegram echoes in X-Telegram-Bot-Api-Secret-Token. */
export async function setTelegramWebhook(
  options: TelegramConnection & { url: string; secretToken: string },
): Promise<void> {
  // setWebhook: "1-256 characters. Only characters A-Z, a-z, 0-9, _ and - are allowed."
  if (!/^[A-Za-z0-9_-]{1,256}$/.test(options.secretToken)) {
    throw new SocialSendError(
      'invalid_request',
      {
        en: 'A Telegram secret token is 1-256 characters of A-Z, a-z, 0-9, _ and -.',
        ar: 'الرمز السري لتيليجرام من 1 إلى 256 حرفًا من A-Z وa-z و0-9 و_ و-.',
      },
      { isPermanent: true },
    );
  }
  await callTelegram(options, 'setWebhook', {
    url: options.url,
    secret_token: options.secretToken,
    allowed_updates: TELEGRAM_ALLOWED_UPDATES,
  });
}

function externalIdOf(result: unknown): { externalId: string } {
  const sent = sentMessage.safeParse(result);
  if (!sent.success) {
    throw new SocialSendError(
      'platform_error',
      {
        en: 'Telegram answered ok without the message sent.',
        ar: 'أجاب تيليجرام بالقبول دون أن يُعيد الرسالة المرسلة.',
      },
      { isPermanent: true },
    );
  }
  return { externalId: telegramMessageId(sent.data.chat.id, sent.data.message_id) };
}

async function callTelegram(
  connection: TelegramConnection,
  method: string,
  body: Record<string, unknown>,
): Promise<unknown> {
  // The token is part of the URL: it must never reach an error message.
  const url = `${connection.baseUrl.replace(/\/+$/, '')}/bot${connection.botToken}/${method}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new SocialSendError(
      'unreachable',
      {
        en: `Telegram ${method} could not be reached. It will be retried.`,
        ar: `تعذّر الوصول إلى تيليجرام (${method}). ستُعاد المحاولة.`,
      },
      { isPermanent: false, cause: error },
    );
  }
  const answer: unknown = await response.json().catch(() => null);
  if (response.ok && isOk(answer)) return answer.result;
  throw telegramError(method, response, answer);
}

function isOk(answer: unknown): answer is { ok: true; result: unknown } {
  return typeof answer === 'object' && answer !== null && 'ok' in answer && answer.ok === true;
}

function telegramError(method: string, response: Response, answer: unknown): SocialSendError {
  const parsed = failure.safeParse(answer);
  const code = (parsed.success ? parsed.data.error_code : undefined) ?? response.status;
  const description = (parsed.success ? parsed.data.description : undefined) ?? response.statusText;
  const parameters = parsed.success ? parsed.data.parameters : undefined;
  const words = quoted(description);
  const text = {
    en: `Telegram ${method} failed (${code}): ${words}.`,
    ar: `فشل طلب تيليجرام ${method} (${code}): ${words}.`,
  };
  if (code === 429) {
    const retryAfter = parameters?.retry_after ?? Number(response.headers.get('retry-after') ?? Number.NaN);
    return new SocialSendError(
      'rate_limited',
      { en: `${text.en} It will be retried.`, ar: `${text.ar} ستُعاد المحاولة.` },
      { isPermanent: false, retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : null },
    );
  }
  if (parameters?.migrate_to_chat_id !== undefined) {
    const chat = parameters.migrate_to_chat_id;
    return new SocialSendError(
      'invalid_request',
      {
        en: `${text.en} The group is now chat ${chat}.`,
        ar: `${text.ar} أصبحت المجموعة المحادثة ${chat}.`,
      },
      { isPermanent: true },
    );
  }
  // 400 chat not found, 403 bot blocked by the user, 401 token revoked: asking again will not help.
  const kind =
    code === 401
      ? 'auth'
      : code === 403
        ? 'rejected_recipient'
        : code < 500
          ? 'invalid_request'
          : 'platform_error';
  return new SocialSendError(kind, text, { isPermanent: code < 500 });
}
