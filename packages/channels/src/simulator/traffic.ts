import type { SocialKind } from '../social/adapter.ts';
import type { WebhookDelivery } from './delivery.ts';
import { instagramComment, instagramMessage, messengerMessage, pageComment } from './meta-webhooks.ts';
import { telegramUpdate } from './telegram-webhooks.ts';
import {
  type TrafficCorpus,
  type TrafficKind,
  type TrafficLanguage,
  trafficCorpus,
} from './traffic-corpus.ts';
import { whatsappMessage } from './whatsapp-webhooks.ts';
import { xDirectMessage, xMention } from './x-webhooks.ts';

// Realistic inbound traffic: who writes, where, in which language, and what, drawn with a seeded
// generator so a seed always gives the same stream.

/** Where on a channel a post lands: a private message, or a public comment / mention. */
export type TrafficSurface = 'message' | 'comment' | 'mention';

export type TrafficSample = {
  channel: SocialKind;
  surface: TrafficSurface;
  language: TrafficLanguage;
  kind: TrafficKind;
  text: string;
  /** The dataset folder the text came from, or `built-in`. */
  source: string;
  /** The writer, with an id in the channel's format (PSID, IGSID, wa_id, Telegram id, X id). */
  author: { id: string; name: string; handle: string };
};

/** The business's accounts the traffic is addressed to. */
export type TrafficAccounts = {
  facebookPageId: string;
  instagramAccountId: string;
  whatsappPhoneNumberId: string;
  telegramBotId: number;
  xUserId: string;
};

export const defaultTrafficAccounts: TrafficAccounts = {
  facebookPageId: '104729381236541',
  instagramAccountId: '17841400000000001',
  whatsappPhoneNumberId: '106540352242922',
  telegramBotId: 7_000_000_001,
  xUserId: '1600000000000000001',
};

const surfaces: { channel: SocialKind; surface: TrafficSurface; weight: number }[] = [
  { channel: 'x', surface: 'mention', weight: 20 },
  { channel: 'x', surface: 'message', weight: 8 },
  { channel: 'facebook', surface: 'comment', weight: 15 },
  { channel: 'facebook', surface: 'message', weight: 12 },
  { channel: 'instagram', surface: 'comment', weight: 12 },
  { channel: 'instagram', surface: 'message', weight: 8 },
  { channel: 'whatsapp', surface: 'message', weight: 15 },
  { channel: 'telegram', surface: 'message', weight: 10 },
];
const kinds: { value: TrafficKind; weight: number }[] = [
  { value: 'complaint', weight: 50 },
  { value: 'question', weight: 25 },
  { value: 'praise', weight: 12 },
  { value: 'trolling', weight: 13 },
];
const people: Record<TrafficLanguage, [string, string][]> = {
  ar: [
    ['نورة العتيبي', 'noura_otb'],
    ['محمد القحطاني', 'm_qahtani'],
    ['سارة الشمري', 'sara.shammari'],
    ['عبدالله الدوسري', 'abdullah_d'],
    ['فاطمة الزهراني', 'fatima_zh'],
    ['خالد الحربي', 'khalid_harbi'],
    ['ريم المطيري', 'reem_mt'],
    ['يوسف العنزي', 'yousef3nzi'],
  ],
  en: [
    ['Emily Carter', 'emcarter'],
    ['James Miller', 'jmiller_88'],
    ['Priya Nair', 'priya.nair'],
    ['Tom Baker', 'tbaker'],
    ['Aisha Khan', 'aisha_k'],
  ],
};

/** mulberry32: a small, fast, seedable generator (the same seed, the same stream). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T extends { weight: number }>(random: () => number, items: T[]): T {
  let point = random() * items.reduce((total, item) => total + item.weight, 0);
  for (const item of items) {
    point -= item.weight;
    if (point < 0) return item;
  }
  return items.at(-1)!;
}

function seededDigits(random: () => number, length: number): string {
  let text = String(1 + Math.floor(random() * 9));
  while (text.length < length) text += String(Math.floor(random() * 10));
  return text;
}

function authorId(random: () => number, channel: SocialKind, language: TrafficLanguage): string {
  switch (channel) {
    case 'facebook':
      return seededDigits(random, 16);
    case 'instagram':
      return seededDigits(random, 17);
    case 'whatsapp':
      return language === 'ar' ? `9665${seededDigits(random, 8)}` : `1${seededDigits(random, 10)}`;
    case 'telegram':
      return seededDigits(random, 10);
    case 'x':
      return seededDigits(random, 19);
  }
}

/**
 * Yields `count` inbound posts: about seven in ten in Arabic, mostly complaints, spread over every
 * channel. Deterministic for a seed and a corpus; the corpus defaults to the shared datasets when on
 * disk, else a built-in list (`dataDir: null` forces the built-in one).
 */
export function* sampleTraffic(options: {
  count: number;
  seed: number;
  dataDir?: string | null;
  corpus?: TrafficCorpus;
}): Generator<TrafficSample> {
  const corpus = options.corpus ?? trafficCorpus(options.dataDir);
  const random = seededRandom(options.seed);
  for (let index = 0; index < options.count; index += 1) {
    const { channel, surface } = weighted(random, surfaces);
    const language: TrafficLanguage = random() < 0.7 ? 'ar' : 'en';
    const kind = weighted(random, kinds).value;
    const pool = corpus[`${language}:${kind}`];
    const picked = pool[Math.floor(random() * pool.length)] ?? { text: '…', source: 'built-in' };
    const list = people[language];
    const [name, handle] = list[Math.floor(random() * list.length)]!;
    yield {
      channel,
      surface,
      language,
      kind,
      text: picked.text,
      source: picked.source,
      author: { id: authorId(random, channel, language), name, handle },
    };
  }
}

/** The webhook delivery that brings `sample` to the business's account on its channel (fresh platform ids). */
export function trafficDelivery(
  sample: TrafficSample,
  accounts: TrafficAccounts = defaultTrafficAccounts,
  at: Date = new Date(),
): WebhookDelivery {
  const { author, text } = sample;
  switch (sample.channel) {
    case 'facebook':
      return sample.surface === 'comment'
        ? pageComment({
            pageId: accounts.facebookPageId,
            postId: '122100000000000001',
            from: { id: author.id, name: author.name },
            message: text,
            at,
          })
        : messengerMessage({ pageId: accounts.facebookPageId, psid: author.id, text, at });
    case 'instagram':
      return sample.surface === 'comment'
        ? instagramComment({
            igAccountId: accounts.instagramAccountId,
            mediaId: '18000000000000001',
            from: { id: author.id, username: author.handle },
            text,
            at,
          })
        : instagramMessage({ igAccountId: accounts.instagramAccountId, igsid: author.id, text, at });
    case 'whatsapp':
      return whatsappMessage({
        phoneNumberId: accounts.whatsappPhoneNumberId,
        waId: author.id,
        name: author.name,
        text,
        at,
      });
    case 'telegram': {
      const [firstName = author.name, ...rest] = author.name.split(' ');
      return telegramUpdate({
        chatId: Number(author.id),
        from: {
          id: Number(author.id),
          firstName,
          ...(rest.length > 0 && { lastName: rest.join(' ') }),
          username: author.handle.replace('.', '_'),
          languageCode: sample.language,
        },
        text,
        bot: { id: accounts.telegramBotId, username: 'sada_support_bot', firstName: 'Sada' },
        at,
      });
    }
    case 'x':
      return sample.surface === 'mention'
        ? xMention({
            forUserId: accounts.xUserId,
            from: { id: author.id, screen_name: author.handle.replace('.', '_'), name: author.name },
            text,
            at,
          })
        : xDirectMessage({
            forUserId: accounts.xUserId,
            senderId: author.id,
            senderName: author.name,
            senderScreenName: author.handle.replace('.', '_'),
            text,
            at,
          });
  }
}
