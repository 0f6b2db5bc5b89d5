// Social channel accounts: what an admin connects (a Facebook Page, an Instagram account, a WhatsApp
// number, a Telegram bot, an X account). Credentials go in once and never come back out.
import { z } from 'zod';
import { channelFailure } from './channels.ts';
import { nonEmptyText, uuid } from './common.ts';

export const SOCIAL_KINDS = ['facebook', 'instagram', 'whatsapp', 'telegram', 'x'] as const;

const secret = z.string().trim().min(1).max(2000);
const platformId = z
  .string()
  .trim()
  .regex(/^[0-9]{1,30}$/, 'digits only, as the platform shows it');

/** Each kind's credentials, as the platforms name them. */
export const socialCredentials = {
  facebook: z.strictObject({ appSecret: secret, pageId: platformId, pageAccessToken: secret }),
  instagram: z.strictObject({ appSecret: secret, instagramAccountId: platformId, accessToken: secret }),
  whatsapp: z.strictObject({ appSecret: secret, phoneNumberId: platformId, accessToken: secret }),
  telegram: z.strictObject({
    botToken: z
      .string()
      .trim()
      .regex(/^[0-9]{3,20}:[A-Za-z0-9_-]{20,80}$/, 'a bot token as BotFather gives it: 123456:ABC…'),
    secretToken: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,256}$/, '1–256 letters, digits, _ and -'),
  }),
  x: z.strictObject({ consumerSecret: secret, userId: platformId, accessToken: secret }),
} as const;

export const createSocialChannelRequest = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('facebook'),
    name: nonEmptyText(200),
    credentials: socialCredentials.facebook,
    verifyToken: z.string().trim().min(8).max(200).optional(),
  }),
  z.strictObject({
    kind: z.literal('instagram'),
    name: nonEmptyText(200),
    credentials: socialCredentials.instagram,
    verifyToken: z.string().trim().min(8).max(200).optional(),
  }),
  z.strictObject({
    kind: z.literal('whatsapp'),
    name: nonEmptyText(200),
    credentials: socialCredentials.whatsapp,
    verifyToken: z.string().trim().min(8).max(200).optional(),
  }),
  z.strictObject({
    kind: z.literal('telegram'),
    name: nonEmptyText(200),
    credentials: socialCredentials.telegram,
  }),
  z.strictObject({
    kind: z.literal('x'),
    name: nonEmptyText(200),
    credentials: socialCredentials.x,
    /** No Account Activity webhook: read the mentions every minute instead. */
    pollMentions: z.boolean().default(false),
  }),
]);
export type CreateSocialChannelRequest = z.infer<typeof createSocialChannelRequest>;

/** A connected account as the console shows it: never its credentials. */
export const socialChannel = z
  .object({
    id: uuid,
    kind: z.enum(SOCIAL_KINDS),
    name: z.string(),
    accountId: z.string(),
    webhookUrl: z.string(),
    /** Meta's verify token to paste into the App Dashboard with the webhook URL. */
    verifyToken: z.string().optional(),
    isEnabled: z.boolean(),
    /** X: mentions are read every minute (no webhook). */
    isPolling: z.boolean(),
    lastEventAt: z.date().nullable(),
    lastError: channelFailure.nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'SocialChannel' });

/** What the platform said to a test of the stored credentials: `detail` is `text.en`. */
export const channelTestResult = z
  .object({
    isOk: z.boolean(),
    detail: z.string(),
    text: z.object({ en: z.string(), ar: z.string() }),
    /** Why it failed (auth, permission, unreachable …), or null when the credentials work. */
    code: z.string().nullable(),
  })
  .meta({ id: 'ChannelTestResult' });
