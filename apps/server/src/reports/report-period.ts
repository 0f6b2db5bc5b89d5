// The periods of the scheduled reports in a workspace's time zone: the last complete week (Sunday to
// Sunday) and the last complete calendar month before an instant.
import { addLocalDays, localDayOf, startOfLocalDay, weekdayOf } from '@sada/core';
import type { ReportScheduleKind } from '@sada/db';

/**
 * The last complete period before `now` in the zone: for `weekly` the week from the Sunday before
 * last to last Sunday, for `monthly` the previous calendar month. `end` is exclusive.
 */
export function previousPeriod(
  kind: ReportScheduleKind,
  now: Date,
  zone: string,
): { start: Date; end: Date } {
  const today = localDayOf(zone, now);
  if (kind === 'weekly') {
    const thisSunday = addLocalDays(today, -weekdayOf(today));
    return {
      start: startOfLocalDay(zone, addLocalDays(thisSunday, -7)),
      end: startOfLocalDay(zone, thisSunday),
    };
  }
  const firstOfMonth = { year: today.year, month: today.month, day: 1 };
  const firstOfPrevious =
    today.month === 1
      ? { year: today.year - 1, month: 12, day: 1 }
      : { year: today.year, month: today.month - 1, day: 1 };
  return { start: startOfLocalDay(zone, firstOfPrevious), end: startOfLocalDay(zone, firstOfMonth) };
}
