import { AppError } from './errors.ts';
import { addLocalDays, formatLocalDay, type LocalDay, localDayOf, offsetAt } from './local-day.ts';

/** One opening on a weekday, wall clock in the calendar's zone (`to` may be "24:00"). */
export type CalendarSpan = { day: number /* 0 = Sunday … 6 = Saturday */; from: string; to: string };
/** A whole local day the calendar stays closed. */
export type CalendarHoliday = { date: string /* YYYY-MM-DD in the calendar's zone */; name: string };
/** When a team answers: weekly wall-clock spans in an IANA zone, minus holidays, or always open. Treated as immutable (results are cached per calendar). */
export type BusinessCalendar = {
  timeZone: string;
  isAlwaysOpen: boolean;
  hours: CalendarSpan[];
  holidays: CalendarHoliday[];
};

export const ALWAYS_OPEN: BusinessCalendar = {
  timeZone: 'UTC',
  isAlwaysOpen: true,
  hours: [],
  holidays: [],
};

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
// A calendar that has not opened within this many days never will (holidays cover at most a year).
const HORIZON_DAYS = 400;

type Interval = { start: number; end: number };

/** Whether the calendar is open at the instant. */
export function isOpenAt(calendar: BusinessCalendar, at: Date): boolean {
  if (calendar.isAlwaysOpen) return true;
  const t = at.getTime();
  const first = openIntervalsFrom(calendar, t).next();
  return !first.done && first.value.start <= t;
}

/** `at` itself when open; else the next instant it opens; null when the calendar never opens. */
export function nextOpening(calendar: BusinessCalendar, at: Date): Date | null {
  if (calendar.isAlwaysOpen) return at;
  const t = at.getTime();
  const first = openIntervalsFrom(calendar, t).next();
  if (first.done) return null;
  return first.value.start <= t ? at : new Date(first.value.start);
}

/** The next instant it closes at or after `at` (null when always open or never closing within a year). */
export function nextClosing(calendar: BusinessCalendar, at: Date): Date | null {
  if (calendar.isAlwaysOpen) return null;
  const t = at.getTime();
  const first = openIntervalsFrom(calendar, t).next();
  if (first.done || first.value.end - t > 366 * DAY) return null;
  return new Date(first.value.end);
}

/** The instant when `seconds` of open time have passed since `from` (seconds >= 0). Throws AppError if it never opens. */
export function addBusinessSeconds(calendar: BusinessCalendar, from: Date, seconds: number): Date {
  const t = from.getTime();
  let remaining = Math.round(Math.max(0, seconds) * 1000);
  if (calendar.isAlwaysOpen || remaining === 0) return new Date(t + remaining);
  for (const interval of openIntervalsFrom(calendar, t)) {
    const start = Math.max(interval.start, t);
    const available = interval.end - start;
    // Landing exactly on a closing counts as that closing: "due at 20:00", not "due at 08:00 tomorrow".
    if (remaining <= available) return new Date(start + remaining);
    remaining -= available;
  }
  throw neverOpens(calendar);
}

/** Open seconds in [from, to); 0 when to <= from. */
export function businessSecondsBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  if (calendar.isAlwaysOpen) return (b - a) / 1000;
  let total = 0;
  for (const interval of openIntervalsFrom(calendar, a)) {
    if (interval.start >= b) break;
    total += Math.min(interval.end, b) - Math.max(interval.start, a);
  }
  return total / 1000;
}

function neverOpens(calendar: BusinessCalendar): AppError {
  return new AppError('bad_request', {
    en: `The business calendar (${calendar.timeZone}) never opens; add working hours or make it 24/7.`,
    ar: `تقويم العمل (${calendar.timeZone}) لا يفتح أبدًا؛ أضف ساعات عمل أو اجعله على مدار الساعة.`,
  });
}

/**
 * Open intervals ending after `t`, in order, with openings that touch (22:00–24:00 then 00:00–06:00)
 * merged into one (an unbroken opening is split every year). Stops after HORIZON_DAYS closed days.
 */
function* openIntervalsFrom(calendar: BusinessCalendar, t: number): Generator<Interval> {
  const compiled = compile(calendar);
  let date = localDayOf(compiled.zone, new Date(t));
  let pending: Interval | undefined;
  let closedDays = 0;
  while (closedDays < HORIZON_DAYS) {
    const day = compiled.intervalsOf(date);
    closedDays = day.length === 0 ? closedDays + 1 : 0;
    for (const interval of day) {
      if (interval.end <= t) continue;
      if (pending && interval.start <= pending.end) {
        pending = { start: pending.start, end: Math.max(pending.end, interval.end) };
      } else {
        if (pending) yield pending;
        pending = { ...interval };
      }
    }
    if (pending && pending.end - pending.start > 367 * DAY) {
      yield pending; // a 24/7 week: hand out a year at a time
      pending = undefined;
    }
    date = addLocalDays(date, 1);
  }
  if (pending) yield pending;
}

type CompiledCalendar = { zone: string; intervalsOf(date: LocalDay): Interval[] };

// Compiled form per calendar object: spans as minutes by weekday, holidays as a set, and a cache of
// each local day's intervals, so the escalation job can ask about many cases cheaply.
const compiledCalendars = new WeakMap<BusinessCalendar, CompiledCalendar>();

// Calendars read afresh from the database for each case are equal but not the same object.
const compiledByContent = new Map<string, CompiledCalendar>();

function compile(calendar: BusinessCalendar): CompiledCalendar {
  const cached = compiledCalendars.get(calendar);
  if (cached) return cached;
  const key = JSON.stringify([calendar.timeZone, calendar.hours, calendar.holidays]);
  const equal = compiledByContent.get(key);
  if (equal) {
    compiledCalendars.set(calendar, equal);
    return equal;
  }
  const compiled = compileAnew(calendar);
  if (compiledByContent.size >= 200) compiledByContent.clear();
  compiledByContent.set(key, compiled);
  compiledCalendars.set(calendar, compiled);
  return compiled;
}

function compileAnew(calendar: BusinessCalendar): CompiledCalendar {
  const zone = calendar.timeZone;
  offsetAt(zone, 0); // an unknown zone fails here, with a message
  const byWeekday: Array<Array<[number, number]>> = [[], [], [], [], [], [], []];
  for (const span of calendar.hours) {
    const from = minutesOf(span.from);
    const to = minutesOf(span.to);
    if (from === undefined || to === undefined || to <= from) continue;
    byWeekday[span.day]?.push([from, to]);
  }
  for (const spans of byWeekday) spans.sort((x, y) => x[0] - y[0]);
  const holidays = new Set(calendar.holidays.map((h) => h.date));
  const days = new Map<string, Interval[]>();
  const compiled: CompiledCalendar = {
    zone,
    intervalsOf(date) {
      const key = formatLocalDay(date);
      const hit = days.get(key);
      if (hit) return hit;
      const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
      const spans = holidays.has(key) ? [] : (byWeekday[weekday] ?? []);
      const intervals = spans.length === 0 ? [] : dayIntervals(zone, date, spans);
      if (days.size > 5000) days.clear();
      days.set(key, intervals);
      return intervals;
    },
  };
  return compiled;
}

/**
 * The instants of one local day whose wall clock reads inside one of its spans. Around a DST change
 * a span keeps its wall-clock meaning: a skipped hour is never open, a repeated hour is open twice.
 */
function dayIntervals(zone: string, date: LocalDay, spans: Array<[number, number]>): Interval[] {
  const midnight = Date.UTC(date.year, date.month - 1, date.day); // the day's wall clock, read as UTC
  const intervals: Interval[] = [];
  for (const segment of offsetSegments(zone, midnight - 15 * HOUR, midnight + DAY + 15 * HOUR)) {
    for (const [from, to] of spans) {
      const start = Math.max(midnight + from * MINUTE - segment.offset, segment.start);
      const end = Math.min(midnight + to * MINUTE - segment.offset, segment.end);
      if (end > start) intervals.push({ start, end });
    }
  }
  intervals.sort((x, y) => x.start - y.start);
  const merged: Interval[] = [];
  for (const interval of intervals) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push(interval);
  }
  return merged;
}

type OffsetSegment = { start: number; end: number; offset: number };

/** [start, end) cut where the zone's offset changes (at most once in the ~54 hours asked about). */
function offsetSegments(zone: string, start: number, end: number): OffsetSegment[] {
  const first = offsetAt(zone, start);
  const last = offsetAt(zone, end);
  if (first === last) return [{ start, end, offset: first }];
  let low = start;
  let high = end;
  while (high - low > 1000) {
    const middle = low + Math.floor((high - low) / 2000) * 1000;
    if (offsetAt(zone, middle) === first) low = middle;
    else high = middle;
  }
  return [
    { start, end: high, offset: first },
    { start: high, end, offset: last },
  ];
}

/** Minutes since midnight of "HH:MM" (00:00–24:00), or undefined when malformed. */
function minutesOf(time: string): number | undefined {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(time);
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 1440 ? minutes : undefined;
}
