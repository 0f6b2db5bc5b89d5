// Times said the way a person says them, in Arabic and English: "about 12 minutes", "Sunday 08:00",
// "Sunday to Thursday, 08:00–20:00". Arabic counts take their own forms: 1 دقيقة, 2 دقيقتان,
// 3–10 دقائق, 11 and up دقيقة.
import type { BusinessCalendar, CalendarSpan } from './business-hours.ts';

export type PhraseLanguage = 'ar' | 'en';

/**
 * Nominative stands alone ("دقيقتان"); genitive follows a preposition ("خلال دقيقتين"). Only the
 * Arabic dual changes with it.
 */
export type GrammaticalCase = 'nominative' | 'genitive';

type ArabicUnit = { one: string; two: string; twoGenitive: string; few: string; many: string };

const ARABIC_UNITS = {
  minute: { one: 'دقيقة', two: 'دقيقتان', twoGenitive: 'دقيقتين', few: 'دقائق', many: 'دقيقة' },
  hour: { one: 'ساعة', two: 'ساعتان', twoGenitive: 'ساعتين', few: 'ساعات', many: 'ساعة' },
  day: { one: 'يوم', two: 'يومان', twoGenitive: 'يومين', few: 'أيام', many: 'يومًا' },
} satisfies Record<string, ArabicUnit>;

type Unit = keyof typeof ARABIC_UNITS;

/** "دقيقة", "دقيقتان", "5 دقائق", "12 دقيقة", "100 دقيقة": the noun agrees with the count. */
export function arabicCount(count: number, unit: Unit, grammaticalCase: GrammaticalCase = 'nominative') {
  const forms = ARABIC_UNITS[unit];
  if (count === 1) return forms.one;
  if (count === 2) return grammaticalCase === 'genitive' ? forms.twoGenitive : forms.two;
  const lastTwo = count % 100;
  // 3–10 take the plural; 11–99 (and 111, 250…) the singular; 100, 200… the singular too.
  if (lastTwo >= 3 && lastTwo <= 10) return `${count} ${forms.few}`;
  if (lastTwo >= 11) return `${count} ${forms.many}`;
  return `${count} ${unit === 'day' ? forms.one : forms.many}`;
}

const englishCount = (count: number, unit: Unit) => `${count} ${unit}${count === 1 ? '' : 's'}`;

/**
 * A duration rounded the way people say it: under a minute, minutes up to an hour and a half,
 * hours up to a day and a half, then days.
 */
export function durationPhrase(
  seconds: number,
  language: PhraseLanguage,
  grammaticalCase: GrammaticalCase = 'nominative',
): string {
  const say = (count: number, unit: Unit) =>
    language === 'ar' ? arabicCount(count, unit, grammaticalCase) : englishCount(count, unit);
  if (seconds < 60) return language === 'ar' ? 'أقل من دقيقة' : 'less than a minute';
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return say(minutes, 'minute');
  const hours = Math.round(seconds / 3600);
  if (hours < 36) return say(hours, 'hour');
  return say(Math.round(seconds / 86_400), 'day');
}

const WEEKDAYS: Record<PhraseLanguage, readonly string[]> = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  ar: ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'],
};

/** "Sunday 08:00" / "الأحد 08:00": the weekday and 24-hour time of the instant in the zone. */
export function weekdayTimePhrase(at: Date, language: PhraseLanguage, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? '';
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(part('weekday'));
  return `${WEEKDAYS[language][day] ?? ''} ${part('hour')}:${part('minute')}`;
}

const SUMMARY_WORDS = {
  en: { always: 'around the clock', never: 'closed', everyDay: 'every day', to: ' to ', and: ' and ' },
  ar: { always: 'على مدار الساعة', never: 'مغلق', everyDay: 'كل يوم', to: ' إلى ', and: ' و' },
} as const;

/**
 * The week of a calendar in a line: "Sunday to Thursday, 08:00–20:00" / "من الأحد إلى الخميس،
 * 08:00–20:00"; days with different hours are listed group by group.
 */
export function weeklyHoursPhrase(calendar: BusinessCalendar, language: PhraseLanguage): string {
  const words = SUMMARY_WORDS[language];
  if (calendar.isAlwaysOpen) return words.always;
  const byDay = new Map<number, string>();
  for (let day = 0; day < 7; day += 1) {
    const spans = calendar.hours
      .filter((span) => span.day === day && span.from < span.to)
      .sort((a, b) => a.from.localeCompare(b.from));
    if (spans.length > 0) byDay.set(day, spans.map(spanText).join(language === 'ar' ? '، ' : ', '));
  }
  if (byDay.size === 0) return words.never;
  const groups = new Map<string, number[]>();
  for (const [day, hours] of byDay) groups.set(hours, [...(groups.get(hours) ?? []), day]);
  return [...groups]
    .map(([hours, days]) => `${daysPhrase(days, language)}${language === 'ar' ? '، ' : ', '}${hours}`)
    .join(language === 'ar' ? '؛ ' : '; ');
}

const spanText = (span: CalendarSpan) => `${span.from}–${span.to}`;

/** Weekdays as runs, a run that wraps past Saturday kept whole: "Saturday to Wednesday". */
function daysPhrase(days: number[], language: PhraseLanguage): string {
  const words = SUMMARY_WORDS[language];
  if (days.length === 7) return words.everyDay;
  const has = new Set(days);
  const starts = days.filter((day) => !has.has((day + 6) % 7)).sort((a, b) => a - b);
  const names = WEEKDAYS[language];
  const runs = starts.map((start) => {
    let end = start;
    while (has.has((end + 1) % 7)) end = (end + 1) % 7;
    const length = ((end - start + 7) % 7) + 1;
    if (length === 1) return names[start]!;
    if (length === 2) return `${names[start]}${words.and}${names[end]}`;
    return language === 'ar'
      ? `من ${names[start]}${words.to}${names[end]}`
      : `${names[start]}${words.to}${names[end]}`;
  });
  return runs.join(language === 'ar' ? '، ' : ', ');
}
