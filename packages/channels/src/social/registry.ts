import type { SocialAdapter, SocialKind } from './adapter.ts';
import { facebookAdapter, instagramAdapter, whatsappAdapter } from './meta/index.ts';
import { telegramAdapter } from './telegram/index.ts';
import { xAdapter } from './x/index.ts';

/** Every social channel's adapter, by kind. */
export const SOCIAL_ADAPTERS: Record<SocialKind, SocialAdapter> = {
  facebook: facebookAdapter,
  instagram: instagramAdapter,
  whatsapp: whatsappAdapter,
  telegram: telegramAdapter,
  x: xAdapter,
};
