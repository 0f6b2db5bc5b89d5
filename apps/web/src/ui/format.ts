import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../i18n/index.ts';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** Dates, numbers and relative times in the user's language (Gregorian calendar in Arabic too). */
export function useFormatters() {
  const { i18n, t } = useTranslation();
  const locale = localeOf(i18n.language);
  return useMemo(() => {
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const number = new Intl.NumberFormat(locale);
    return {
      locale,
      /** "3 h ago", "in 20 min", "just now". */
      relativeTime(value: string | Date, now: number = Date.now()): string {
        const seconds = Math.round((new Date(value).getTime() - now) / 1000);
        for (const [unit, size] of UNITS) {
          if (Math.abs(seconds) >= size) return relative.format(Math.trunc(seconds / size), unit);
        }
        return t('time.justNow');
      },
      dateTime: (value: string | Date) => dateTime.format(new Date(value)),
      date: (value: string | Date) => date.format(new Date(value)),
      number: (value: number) => number.format(value),
    };
  }, [locale, t]);
}
