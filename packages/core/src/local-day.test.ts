import { describe, expect, it } from 'vitest';
import {
  addLocalDays,
  formatLocalDay,
  localDayOf,
  parseLocalDay,
  startOfLocalDay,
  weekdayOf,
} from './local-day.ts';

describe('calendar days of a time zone', () => {
  it('starts a Riyadh day at 21:00 UTC the evening before', () => {
    expect(startOfLocalDay('Asia/Riyadh', { year: 2026, month: 11, day: 1 })).toEqual(
      new Date('2026-10-31T21:00:00Z'),
    );
    expect(localDayOf('Asia/Riyadh', new Date('2026-11-07T20:59:59Z'))).toEqual({
      year: 2026,
      month: 11,
      day: 7,
    });
    expect(localDayOf('Asia/Riyadh', new Date('2026-11-07T21:00:00Z'))).toEqual({
      year: 2026,
      month: 11,
      day: 8,
    });
  });

  it('keeps midnights right on both sides of a change to summer time', () => {
    // Berlin moves from UTC+1 to UTC+2 on 29 March 2026.
    expect(startOfLocalDay('Europe/Berlin', { year: 2026, month: 3, day: 29 })).toEqual(
      new Date('2026-03-28T23:00:00Z'),
    );
    expect(startOfLocalDay('Europe/Berlin', { year: 2026, month: 3, day: 30 })).toEqual(
      new Date('2026-03-29T22:00:00Z'),
    );
  });

  it('moves across months and years, names weekdays and reads and writes YYYY-MM-DD', () => {
    expect(addLocalDays({ year: 2026, month: 12, day: 30 }, 3)).toEqual({ year: 2027, month: 1, day: 2 });
    expect(weekdayOf({ year: 2026, month: 11, day: 1 })).toBe(0);
    expect(formatLocalDay({ year: 2026, month: 3, day: 9 })).toBe('2026-03-09');
    expect(parseLocalDay('2026-03-09')).toEqual({ year: 2026, month: 3, day: 9 });
  });
});
