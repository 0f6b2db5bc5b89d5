// Whether a reply can go out on a social channel, decided before it is stored: a reply the platform
// would refuse (its messaging window has closed, the text is too long for it) is refused to the agent
// at once, with what to do instead, rather than failing in the outbox minutes later.
import { checkReplyLength, type LocalizedText } from '@sada/core';
import type { SocialKind, SocialOutbound } from './adapter.ts';
import { SOCIAL_ADAPTERS } from './registry.ts';

const hourMs = 3_600_000;

const PLATFORM: Record<SocialKind, LocalizedText> = {
  facebook: { en: 'Messenger', ar: 'ماسنجر' },
  instagram: { en: 'Instagram', ar: 'إنستغرام' },
  whatsapp: { en: 'WhatsApp', ar: 'واتساب' },
  telegram: { en: 'Telegram', ar: 'تيليجرام' },
  x: { en: 'X', ar: 'إكس' },
};

/**
 * Where a private conversation stands: `open` inside the platform's standard window, `extended`
 * inside a longer one some messages may use (Messenger's human-agent tag), `closed` after both or
 * before the customer ever wrote, `always` on platforms without a window.
 */
export type ReplyWindow =
  | { state: 'always' }
  | { state: 'open' | 'extended'; closesAt: Date }
  | { state: 'closed'; closedAt: Date | null; canSendTemplate: boolean };

/** The reply window of a private conversation whose customer last wrote at `lastInboundAt`. */
export function replyWindow(kind: SocialKind, lastInboundAt: Date | null, now: Date): ReplyWindow {
  const { privateWindowHours, extendedWindowHours, canSendTemplates } = SOCIAL_ADAPTERS[kind].capabilities;
  if (privateWindowHours === null) return { state: 'always' };
  if (lastInboundAt === null) return { state: 'closed', closedAt: null, canSendTemplate: canSendTemplates };
  const closesAt = new Date(lastInboundAt.getTime() + privateWindowHours * hourMs);
  if (now <= closesAt) return { state: 'open', closesAt };
  if (extendedWindowHours !== null) {
    const extendedUntil = new Date(lastInboundAt.getTime() + extendedWindowHours * hourMs);
    if (now <= extendedUntil) return { state: 'extended', closesAt: extendedUntil };
    return { state: 'closed', closedAt: extendedUntil, canSendTemplate: canSendTemplates };
  }
  return { state: 'closed', closedAt: closesAt, canSendTemplate: canSendTemplates };
}

export type ReplyRefusal = { code: 'never_wrote' | 'window_closed' | 'too_long'; text: LocalizedText };

function hoursText(hours: number): LocalizedText {
  if (hours % 24 === 0) {
    const days = hours / 24;
    return days === 1 ? { en: '24 hours', ar: '24 ساعة' } : { en: `${days} days`, ar: `${days} أيام` };
  }
  return { en: `${hours} hours`, ar: `${hours} ساعة` };
}

function windowRefusal(kind: SocialKind, window: ReplyWindow & { state: 'closed' }): ReplyRefusal {
  const platform = PLATFORM[kind];
  const { privateWindowHours, extendedWindowHours } = SOCIAL_ADAPTERS[kind].capabilities;
  const instead: LocalizedText = window.canSendTemplate
    ? {
        en: 'Send an approved template instead, or wait for the customer to write again.',
        ar: 'أرسل قالبًا معتمدًا بدلًا من ذلك، أو انتظر حتى يكتب العميل من جديد.',
      }
    : {
        en: 'Ask the customer to write to us again, or answer on another channel.',
        ar: 'اطلب من العميل مراسلتنا من جديد، أو أجبه عبر قناة أخرى.',
      };
  if (window.closedAt === null) {
    return {
      code: 'never_wrote',
      text: {
        en: `The customer has not written to us privately on ${platform.en}, and ${platform.en} only lets us message people who wrote first. ${instead.en}`,
        ar: `لم يراسلنا العميل على ${platform.ar} بشكل خاص، و${platform.ar} لا يسمح بمراسلة من لم يبدأ المحادثة. ${instead.ar}`,
      },
    };
  }
  const allowed = hoursText(extendedWindowHours ?? privateWindowHours ?? 0);
  const tagged =
    extendedWindowHours !== null
      ? { en: ' with the human-agent tag', ar: ' مع وسم الموظف البشري' }
      : { en: '', ar: '' };
  return {
    code: 'window_closed',
    text: {
      en: `${platform.en} allows replies for ${allowed.en}${tagged.en} after the customer's last message, and that window closed on ${window.closedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC. ${instead.en}`,
      ar: `يسمح ${platform.ar} بالرد خلال ${allowed.ar}${tagged.ar} من آخر رسالة للعميل، وقد أُغلقت هذه المهلة في ${window.closedAt.toISOString().slice(0, 16).replace('T', ' ')} بتوقيت UTC. ${instead.ar}`,
    },
  };
}

/**
 * Why a reply cannot go out as asked, or null when it can: a private message outside the channel's
 * window, or a text longer than the platform takes (measured as the platform measures it).
 */
export function replyRefusal(input: {
  kind: SocialKind;
  action: SocialOutbound['action'];
  visibility: 'public' | 'private';
  text: string;
  lastInboundAt: Date | null;
  now: Date;
}): ReplyRefusal | null {
  if (input.action === 'message') {
    const window = replyWindow(input.kind, input.lastInboundAt, input.now);
    if (window.state === 'closed') return windowRefusal(input.kind, window);
  }
  if (input.action === 'template' || input.action === 'hide') return null;
  const length = checkReplyLength(input.text, input.kind, input.visibility);
  if (!length.isTooLong || length.max === null) return null;
  const over = -(length.remaining ?? 0);
  const unit: LocalizedText =
    length.unit === 'utf8_bytes' ? { en: 'bytes', ar: 'بايت' } : { en: 'characters', ar: 'حرفًا' };
  const platform = PLATFORM[input.kind];
  return {
    code: 'too_long',
    text: {
      en: `The reply is ${over} ${unit.en} over ${platform.en}'s limit of ${length.max} (it measures ${length.length}). Shorten it, or split it into two messages.`,
      ar: `الرد أطول من حد ${platform.ar} البالغ ${length.max} ${unit.ar} بمقدار ${over} (طوله ${length.length}). اختصره أو قسّمه على رسالتين.`,
    },
  };
}
