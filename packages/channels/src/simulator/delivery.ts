import type { SocialKind } from '../social/adapter.ts';

/** Which platform signs and sends a delivery: the three signature schemes. */
export type Platform = 'meta' | 'telegram' | 'x';

/** One webhook request a platform would send: the exact bytes, and what it is about. */
export type WebhookDelivery = {
  platform: Platform;
  channel: SocialKind;
  /** The platform's id of the event (mid, wamid, comment id, update_id, tweet or DM event id): the redelivery key. */
  externalId: string;
  /** Which account of the business it is for (page, IG account, phone-number id, bot id, X user id). */
  accountId: string;
  /** The body as sent, byte for byte (signatures are computed over it). */
  rawBody: string;
  /** The same body, parsed. */
  body: Record<string, unknown>;
};

/** The secrets the platforms sign with; Sada must be configured with the same ones. */
export type SimulatorSecrets = {
  /** Meta App Secret (Messenger, Page feed, Instagram, WhatsApp). */
  appSecret: string;
  /** Meta webhook verify token, for the `hub.*` handshake. */
  verifyToken: string;
  /** Telegram `secret_token` given to setWebhook. */
  telegramSecretToken: string;
  /** X consumer secret (API secret key). */
  consumerSecret: string;
};

export const defaultSimulatorSecrets: SimulatorSecrets = {
  appSecret: 'simulator-meta-app-secret',
  verifyToken: 'simulator-verify-token',
  telegramSecretToken: 'simulator-telegram-secret',
  consumerSecret: 'simulator-x-consumer-secret',
};
