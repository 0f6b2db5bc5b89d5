// The Telegram Bot API channel.

export { createTelegramAdapter, telegramAdapter } from './telegram-adapter.ts';
export {
  answerTelegramCallback,
  sendTelegramFile,
  sendTelegramMessage,
  setTelegramWebhook,
  TELEGRAM_ALLOWED_UPDATES,
  type TelegramButton,
  type TelegramConnection,
  telegramKeyboard,
} from './telegram-api.ts';
export { telegramMessageId } from './telegram-update.ts';
