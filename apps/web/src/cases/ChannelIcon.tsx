import type { Channel } from '@sada/core';
import {
  IconApi,
  IconBrandFacebook,
  IconBrandInstagram,
  IconBrandTelegram,
  IconBrandWhatsapp,
  IconBrandX,
  IconForms,
  IconMail,
  IconMessageCircle,
  IconPhone,
  IconWalk,
} from '@tabler/icons-react';

const ICONS: Record<Channel, typeof IconMail> = {
  email: IconMail,
  web_form: IconForms,
  live_chat: IconMessageCircle,
  phone: IconPhone,
  walk_in: IconWalk,
  x: IconBrandX,
  facebook: IconBrandFacebook,
  instagram: IconBrandInstagram,
  whatsapp: IconBrandWhatsapp,
  telegram: IconBrandTelegram,
  api: IconApi,
};

/** The mark of a channel; decorative, so the channel's name must be written beside it. */
export function ChannelIcon({ channel, size = 14 }: { channel: Channel; size?: number }) {
  const Icon = ICONS[channel];
  return <Icon size={size} stroke={1.6} aria-hidden />;
}
