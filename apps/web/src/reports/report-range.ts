// The range of a report asked for by days: the first day's midnight to the midnight after the last
// day, in the workspace's time zone (not the browser's), as the API's ISO instants.
import { addLocalDays, formatLocalDay, localDayOf, parseLocalDay, startOfLocalDay } from '@sada/core';

/** The API's range for the days from `first` to `last` (YYYY-MM-DD), both included. */
export function reportRange(zone: string, first: string, last: string) {
  return {
    from: startOfLocalDay(zone, parseLocalDay(first)).toISOString(),
    to: startOfLocalDay(zone, addLocalDays(parseLocalDay(last), 1)).toISOString(),
  };
}

/** The day of an instant in the zone, YYYY-MM-DD. */
export function dayIn(zone: string, instant: Date | string): string {
  return formatLocalDay(localDayOf(zone, new Date(instant)));
}
