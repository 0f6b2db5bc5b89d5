// Calendar days of an IANA time zone as instants: where a workspace's day, week or month starts,
// whatever zone the server or the browser runs in.
import { AppError } from './errors.ts';

/** A calendar day (month 1–12). */
export type LocalDay = { year: number; month: number; day: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    try {
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
    } catch (cause) {
      throw new AppError(
        'bad_request',
        {
          en: `"${zone}" is not a time zone; use an IANA name such as Asia/Riyadh.`,
          ar: `«${zone}» ليست منطقة زمنية؛ استخدم اسمًا من قاعدة IANA مثل Asia/Riyadh.`,
        },
        { cause },
      );
    }
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The wall clock in `zone` at the instant, read as if it were UTC. */
function wallClockAt(zone: string, instant: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatterOf(zone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
}

/** Milliseconds the zone's wall clock is ahead of UTC at the instant. */
export function offsetAt(zone: string, instant: number): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return wallClockAt(zone, whole) - whole;
}

/** The instant a day starts in the zone (its first moment, when a change of offset skips midnight). */
export function startOfLocalDay(zone: string, day: LocalDay): Date {
  const wall = Date.UTC(day.year, day.month - 1, day.day);
  // Once more with the offset in force at the first guess: right across a change of offset.
  return new Date(wall - offsetAt(zone, wall - offsetAt(zone, wall)));
}

/** The calendar day of an instant in the zone. */
export function localDayOf(zone: string, instant: Date): LocalDay {
  const wall = new Date(wallClockAt(zone, instant.getTime()));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
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
