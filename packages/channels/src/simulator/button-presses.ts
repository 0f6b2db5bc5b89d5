// Buttons the simulator received under sent messages, and the webhooks a customer's press sends back
// (CHANNELS.md §1, §3–§5): a Telegram callback_query, a WhatsApp interactive button_reply or
// list_reply, a Messenger or Instagram message carrying quick_reply.payload.
import type { WebhookDelivery } from './delivery.ts';
import { instagramMessage, messengerMessage } from './meta-webhooks.ts';
import { telegramUpdate } from './telegram-webhooks.ts';
import { whatsappMessage } from './whatsapp-webhooks.ts';

/** One button as it was sent: what it says, and what a press sends back. */
export type SimulatedButton = { title: string; payload: string };

/**
 * A sent message that carried buttons. `surface` is how it went: Telegram, WhatsApp, or Meta's Send
 * API (Facebook Messenger and Instagram share it; the press says which).
 */
export type SentButtons = {
  surface: 'telegram' | 'whatsapp' | 'messenger';
  /** Bot id, phone-number id, or the Page / Instagram account id in the request path (may be `me`). */
  accountId: string;
  /** Chat id, wa_id, or PSID / IGSID. */
  to: string;
  /** The platform's id of the sent message (Telegram message_id, wamid, mid); null if it was refused. */
  messageId: string | null;
  text: string;
  buttons: SimulatedButton[];
  /** WhatsApp: reply buttons or a list. */
  style: 'buttons' | 'list' | 'keyboard' | 'quick_replies';
  at: Date;
};

type Recorded = { path: string; json: unknown; answer: unknown; status: number; at: Date };

const asRecord = (value: unknown): Record<string, unknown> | null =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asString = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

/** The buttons one recorded send request carried; null when it carried none. */
export function buttonsOfRequest(request: Recorded): SentButtons | null {
  const body = asRecord(request.json);
  if (!body) return null;
  const isOk = request.status >= 200 && request.status < 300;
  const telegram = /^\/bot(\d+):[^/]+\/sendMessage$/.exec(request.path);
  if (telegram) {
    const keyboard = asArray(asRecord(body.reply_markup)?.inline_keyboard).flatMap(asArray);
    if (keyboard.length === 0) return null;
    const result = asRecord(asRecord(request.answer)?.result);
    return {
      surface: 'telegram',
      accountId: telegram[1]!,
      to: asString(body.chat_id),
      messageId: isOk && result ? asString(result.message_id) : null,
      text: asString(body.text),
      buttons: keyboard.map((button) => ({
        title: asString(asRecord(button)?.text),
        payload: asString(asRecord(button)?.callback_data),
      })),
      style: 'keyboard',
      at: request.at,
    };
  }
  const meta = /^\/v[\d.]+\/([^/]+)\/messages$/.exec(request.path);
  if (!meta) return null;
  if (body.messaging_product === 'whatsapp') {
    const interactive = asRecord(body.interactive);
    const action = asRecord(interactive?.action);
    if (!interactive || !action) return null;
    const isList = interactive.type === 'list';
    const buttons = isList
      ? asArray(action.sections)
          .flatMap((section) => asArray(asRecord(section)?.rows))
          .map((row) => ({ title: asString(asRecord(row)?.title), payload: asString(asRecord(row)?.id) }))
      : asArray(action.buttons).map((button) => {
          const reply = asRecord(asRecord(button)?.reply);
          return { title: asString(reply?.title), payload: asString(reply?.id) };
        });
    const sent = asRecord(asArray(asRecord(request.answer)?.messages)[0]);
    return {
      surface: 'whatsapp',
      accountId: meta[1]!,
      to: asString(body.to),
      messageId: isOk && sent ? asString(sent.id) : null,
      text: asString(asRecord(interactive.body)?.text),
      buttons,
      style: isList ? 'list' : 'buttons',
      at: request.at,
    };
  }
  const message = asRecord(body.message);
  const quickReplies = asArray(message?.quick_replies);
  if (!message || quickReplies.length === 0) return null;
  return {
    surface: 'messenger',
    accountId: meta[1]!,
    to: asString(asRecord(body.recipient)?.id),
    messageId: isOk ? asString(asRecord(request.answer)?.message_id) || null : null,
    text: asString(message.text),
    buttons: quickReplies.map((reply) => ({
      title: asString(asRecord(reply)?.title),
      payload: asString(asRecord(reply)?.payload),
    })),
    style: 'quick_replies',
    at: request.at,
  };
}

/** Which button to press: its index, or its payload or title. */
export type ButtonChoice = number | string;

function chosen(sent: SentButtons, choice: ButtonChoice): SimulatedButton {
  const button =
    typeof choice === 'number'
      ? sent.buttons[choice]
      : sent.buttons.find((candidate) => candidate.payload === choice || candidate.title === choice);
  if (!button) {
    throw new Error(
      `No button ${JSON.stringify(choice)} under this message; it has: ${sent.buttons.map((b) => b.title).join(', ')}`,
    );
  }
  return button;
}

/**
 * The webhook the platform sends when the customer presses a button of `sent`. Facebook and Instagram
 * share the Send API, so a Messenger-style message needs `channel` (default facebook) and, when the
 * request path said `me`, the real `accountId`.
 */
export function buttonPressDelivery(
  sent: SentButtons,
  choice: ButtonChoice,
  options: { channel?: 'facebook' | 'instagram'; accountId?: string; name?: string; at?: Date } = {},
): WebhookDelivery {
  const button = chosen(sent, choice);
  const accountId = options.accountId ?? sent.accountId;
  const name = options.name ?? 'Customer';
  const at = options.at ?? new Date();
  switch (sent.surface) {
    case 'telegram':
      return telegramUpdate({
        chatId: Number(sent.to),
        // In a private chat the chat id is the person's id.
        from: { id: Number(sent.to), firstName: name },
        callbackData: button.payload,
        ...(sent.messageId && {
          replyTo: {
            messageId: Number(sent.messageId),
            text: sent.text,
            inlineKeyboard: sent.buttons.map(({ title, payload }) => [
              { text: title, callback_data: payload },
            ]),
          },
        }),
        bot: { id: Number(accountId), username: 'sada_support_bot', firstName: 'Sada' },
        at,
      });
    case 'whatsapp': {
      const reply = { id: button.payload, title: button.title };
      return whatsappMessage({
        phoneNumberId: accountId,
        waId: sent.to,
        name,
        at,
        ...(sent.messageId && { contextId: sent.messageId }),
        interactive: sent.style === 'list' ? { listReply: reply } : { buttonReply: reply },
      });
    }
    case 'messenger':
      return options.channel === 'instagram'
        ? instagramMessage({
            igAccountId: accountId,
            igsid: sent.to,
            text: button.title,
            quickReplyPayload: button.payload,
            at,
          })
        : messengerMessage({
            pageId: accountId,
            psid: sent.to,
            text: button.title,
            quickReplyPayload: button.payload,
            at,
          });
  }
}
