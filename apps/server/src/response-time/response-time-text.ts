import { type Channel, durationPhrase, type PhraseLanguage, weekdayTimePhrase } from '@sada/core';
import type { WorkspaceResponseTime } from './response-time.service.ts';

/** Channels as customers call them. */
export const CHANNEL_NAMES: Record<PhraseLanguage, Record<Channel, string>> = {
  en: {
    email: 'E-mail',
    web_form: 'Complaint form',
    live_chat: 'Live chat',
    phone: 'Phone',
    walk_in: 'In person',
    x: 'X',
    facebook: 'Facebook',
    instagram: 'Instagram',
    whatsapp: 'WhatsApp',
    telegram: 'Telegram',
    api: 'Other',
  },
  ar: {
    email: 'البريد الإلكتروني',
    web_form: 'نموذج الشكاوى',
    live_chat: 'المحادثة المباشرة',
    phone: 'الهاتف',
    walk_in: 'الحضور شخصيًا',
    x: 'إكس',
    facebook: 'فيسبوك',
    instagram: 'إنستغرام',
    whatsapp: 'واتساب',
    telegram: 'تيليجرام',
    api: 'قنوات أخرى',
  },
};

/** "We answer in about 12 minutes" / "نرد خلال 12 دقيقة تقريبًا". */
export function answerPhrase(seconds: number | null, language: PhraseLanguage): string {
  if (seconds === null)
    return language === 'ar' ? 'لم نقِس زمن ردّنا بعد' : 'Our response time is not measured yet';
  if (seconds < 60) return language === 'ar' ? 'نرد خلال أقل من دقيقة' : 'We answer in under a minute';
  return language === 'ar'
    ? `نرد خلال ${durationPhrase(seconds, 'ar', 'genitive')} تقريبًا`
    : `We answer in about ${durationPhrase(seconds, 'en')}`;
}

/** "Closed now · opens Sunday 08:00" / "مغلق الآن · نفتح الأحد 08:00". */
export function closedPhrase(opensAt: Date | null, language: PhraseLanguage, timeZone: string): string {
  const closed = language === 'ar' ? 'مغلق الآن' : 'Closed now';
  if (!opensAt) return closed;
  const when = weekdayTimePhrase(opensAt, language, timeZone);
  return language === 'ar' ? `${closed} · نفتح ${when}` : `${closed} · opens ${when}`;
}

/** What the badge says for one channel, or for the busiest when none is named. */
export function badgeText(
  figures: WorkspaceResponseTime,
  language: PhraseLanguage,
  channel: Channel | undefined,
): string {
  if (!figures.isOpen) return closedPhrase(figures.opensAt, language, figures.calendar.timeZone);
  const measured = figures.channels.filter((item) => item.medianSeconds !== null);
  const chosen = channel
    ? measured.find((item) => item.channel === channel)
    : measured.reduce<(typeof measured)[number] | undefined>(
        (busiest, item) => (!busiest || item.sampleSize > busiest.sampleSize ? item : busiest),
        undefined,
      );
  return answerPhrase(chosen?.medianSeconds ?? null, language);
}
