// Calendar days of an IANA time zone as instants: where a workspace's day, week or month starts,
// whatever zone the server or the browser runs in.

/** A calendar day (month 1–12). */
export type LocalDay = { year: number; month: number; day: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockOf(zone: string, instant: number) {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
}

/** How far the zone's wall clock is ahead of UTC at the instant, in milliseconds. */
function offsetAt(zone: string, instant: number): number {
  const clock = wallClockOf(zone, instant);
  const wall = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant a day starts in the zone (its first moment, when a change of offset skips midnight). */
export function startOfLocalDay(zone: string, day: LocalDay): Date {
  const wall = Date.UTC(day.year, day.month - 1, day.day);
  // Once more with the offset in force at the first guess: right across a change of offset.
  return new Date(wall - offsetAt(zone, wall - offsetAt(zone, wall)));
}

/** The calendar day of an instant in the zone. */
export function localDayOf(zone: string, instant: Date): LocalDay {
  const clock = wallClockOf(zone, instant.getTime());
  return { year: clock.year, month: clock.month, day: clock.day };
}

/** A day moved by some days (calendar arithmetic in UTC, where every day has 24 hours). */
export function addLocalDays(day: LocalDay, days: number): LocalDay {
  const moved = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** 0 for Sunday … 6 for Saturday. */
export function weekdayOf(day: LocalDay): number {
  return new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
}

/** `YYYY-MM-DD`. */
export function formatLocalDay(day: LocalDay): string {
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(day.year, 4)}-${pad(day.month, 2)}-${pad(day.day, 2)}`;
}

/** Reads `YYYY-MM-DD`. */
export function parseLocalDay(text: string): LocalDay {
  const [year, month, day] = text.split('-').map(Number);
  return { year: year ?? 1970, month: month ?? 1, day: day ?? 1 };
}
