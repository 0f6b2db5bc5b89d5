import type { socialChannel } from '@sada/contracts';
import type { z } from 'zod';
import type { Wire } from '../api/client.ts';

/** A connected social account as GET /api/channels lists it (never its credentials). */
export type SocialChannel = Wire<z.infer<typeof socialChannel>>;
export type SocialKind = SocialChannel['kind'];

export const SOCIAL_KIND_ORDER: readonly SocialKind[] = [
  'facebook',
  'instagram',
  'whatsapp',
  'telegram',
  'x',
];

/** The credentials each platform gives the admin, by the API's names (`body.credentials.<name>`). */
export type CredentialName =
  | 'appSecret'
  | 'pageId'
  | 'pageAccessToken'
  | 'instagramAccountId'
  | 'accessToken'
  | 'phoneNumberId'
  | 'botToken'
  | 'secretToken'
  | 'userId'
  | 'consumerSecret';

/** One credential of a kind: secrets are typed into password inputs, ids are digits. */
export type CredentialField = { name: CredentialName; isSecret: boolean };

// Labels and hints (where to find each) are in i18n under `social.fields`.
export const CREDENTIAL_FIELDS: Record<SocialKind, readonly CredentialField[]> = {
  facebook: [
    { name: 'pageId', isSecret: false },
    { name: 'pageAccessToken', isSecret: true },
    { name: 'appSecret', isSecret: true },
  ],
  instagram: [
    { name: 'instagramAccountId', isSecret: false },
    { name: 'accessToken', isSecret: true },
    { name: 'appSecret', isSecret: true },
  ],
  whatsapp: [
    { name: 'phoneNumberId', isSecret: false },
    { name: 'accessToken', isSecret: true },
    { name: 'appSecret', isSecret: true },
  ],
  telegram: [
    { name: 'botToken', isSecret: true },
    { name: 'secretToken', isSecret: true },
  ],
  x: [
    { name: 'userId', isSecret: false },
    { name: 'accessToken', isSecret: true },
    { name: 'consumerSecret', isSecret: true },
  ],
};

/** Meta's kinds, whose webhooks are confirmed with a verify token pasted beside the URL. */
export const isMetaKind = (kind: SocialKind) =>
  kind === 'facebook' || kind === 'instagram' || kind === 'whatsapp';

/** The command that registers a Telegram bot's webhook, for an admin who does it by hand. */
export const telegramSetWebhookCommand = (webhookUrl: string) =>
  `curl -F "url=${webhookUrl}" -F "secret_token=<secret token>" https://api.telegram.org/bot<bot token>/setWebhook`;
