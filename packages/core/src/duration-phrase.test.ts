import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN, type BusinessCalendar } from './business-hours.ts';
import { arabicCount, durationPhrase, weekdayTimePhrase, weeklyHoursPhrase } from './duration-phrase.ts';

const MINUTE = 60;
const HOUR = 3600;

describe('durationPhrase', () => {
  it.each([
    [20, 'less than a minute', 'أقل من دقيقة'],
    [MINUTE, '1 minute', 'دقيقة'],
    [2 * MINUTE, '2 minutes', 'دقيقتان'],
    [5 * MINUTE, '5 minutes', '5 دقائق'],
    [10 * MINUTE, '10 minutes', '10 دقائق'],
    [12 * MINUTE + 20, '12 minutes', '12 دقيقة'],
    [75 * MINUTE, '75 minutes', '75 دقيقة'],
    [95 * MINUTE, '2 hours', 'ساعتان'],
    [3 * HOUR, '3 hours', '3 ساعات'],
    [20 * HOUR, '20 hours', '20 ساعة'],
    [40 * HOUR, '2 days', 'يومان'],
    [11 * 24 * HOUR, '11 days', '11 يومًا'],
  ])('says %i seconds as "%s" and "%s"', (seconds, english, arabic) => {
    expect(durationPhrase(seconds, 'en')).toBe(english);
    expect(durationPhrase(seconds, 'ar')).toBe(arabic);
  });

  it('puts the Arabic dual in the genitive after a preposition', () => {
    expect(durationPhrase(2 * MINUTE, 'ar', 'genitive')).toBe('دقيقتين');
    expect(durationPhrase(2 * HOUR, 'ar', 'genitive')).toBe('ساعتين');
    expect(durationPhrase(12 * MINUTE, 'ar', 'genitive')).toBe('12 دقيقة');
  });

  it('counts past a hundred with the form of the last two digits', () => {
    expect(arabicCount(103, 'minute')).toBe('103 دقائق');
    expect(arabicCount(111, 'hour')).toBe('111 ساعة');
    expect(arabicCount(100, 'minute')).toBe('100 دقيقة');
  });
});

describe('weekdayTimePhrase', () => {
  it('names the weekday and time in the calendar’s zone', () => {
    // Sunday 05:00 UTC is Sunday 08:00 in Riyadh.
    const at = new Date('2026-11-29T05:00:00Z');

    expect(weekdayTimePhrase(at, 'en', 'Asia/Riyadh')).toBe('Sunday 08:00');
    expect(weekdayTimePhrase(at, 'ar', 'Asia/Riyadh')).toBe('الأحد 08:00');
    expect(weekdayTimePhrase(at, 'en', 'America/New_York')).toBe('Sunday 00:00');
  });
});

describe('weeklyHoursPhrase', () => {
  const calendar = (hours: BusinessCalendar['hours']): BusinessCalendar => ({
    timeZone: 'Asia/Riyadh',
    isAlwaysOpen: false,
    hours,
    holidays: [],
  });
  const days = (list: number[], from: string, to: string) => list.map((day) => ({ day, from, to }));

  it('says a working week as one run of days', () => {
    const week = calendar(days([0, 1, 2, 3, 4], '08:00', '20:00'));

    expect(weeklyHoursPhrase(week, 'en')).toBe('Sunday to Thursday, 08:00–20:00');
    expect(weeklyHoursPhrase(week, 'ar')).toBe('من الأحد إلى الخميس، 08:00–20:00');
  });

  it('lists days with other hours as a group of their own', () => {
    const week = calendar([...days([0, 1, 2, 3, 4], '08:00', '20:00'), ...days([6], '10:00', '14:00')]);

    expect(weeklyHoursPhrase(week, 'en')).toBe('Sunday to Thursday, 08:00–20:00; Saturday, 10:00–14:00');
    expect(weeklyHoursPhrase(week, 'ar')).toBe('من الأحد إلى الخميس، 08:00–20:00؛ السبت، 10:00–14:00');
  });

  it('keeps a run that wraps past Saturday whole, and says two days with "and"', () => {
    expect(weeklyHoursPhrase(calendar(days([6, 0, 1, 2, 3], '09:00', '17:00')), 'en')).toBe(
      'Saturday to Wednesday, 09:00–17:00',
    );
    expect(weeklyHoursPhrase(calendar(days([5, 6], '09:00', '13:00')), 'ar')).toBe(
      'الجمعة والسبت، 09:00–13:00',
    );
  });

  it('says around the clock, every day, and closed', () => {
    expect(weeklyHoursPhrase(ALWAYS_OPEN, 'ar')).toBe('على مدار الساعة');
    expect(weeklyHoursPhrase(calendar(days([0, 1, 2, 3, 4, 5, 6], '00:00', '24:00')), 'en')).toBe(
      'every day, 00:00–24:00',
    );
    expect(weeklyHoursPhrase(calendar([]), 'en')).toBe('closed');
  });
});
