import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALWAYS_OPEN,
  addBusinessSeconds,
  type BusinessCalendar,
  businessSecondsBetween,
  type CalendarSpan,
  isOpenAt,
  nextClosing,
  nextOpening,
} from './business-hours.ts';

const HOUR = 3600;
const at = (iso: string) => new Date(iso);

const weekdays = (days: number[], from: string, to: string): CalendarSpan[] =>
  days.map((day) => ({ day, from, to }));

/** Sunday to Thursday 08:00–20:00 in Riyadh (UTC+3 all year): 05:00–17:00 UTC. */
const riyadh: BusinessCalendar = {
  timeZone: 'Asia/Riyadh',
  isAlwaysOpen: false,
  hours: weekdays([0, 1, 2, 3, 4], '08:00', '20:00'),
  holidays: [],
};

describe('business hours, hand-checked', () => {
  it('is open on a Riyadh working day and closed on Friday', () => {
    expect(isOpenAt(riyadh, at('2026-11-26T10:00:00+03:00'))).toBe(true); // Thursday
    expect(isOpenAt(riyadh, at('2026-11-26T20:00:00+03:00'))).toBe(false); // closing instant
    expect(isOpenAt(riyadh, at('2026-11-27T10:00:00+03:00'))).toBe(false); // Friday
    expect(nextOpening(riyadh, at('2026-11-27T10:00:00+03:00'))).toEqual(at('2026-11-29T08:00:00+03:00'));
    expect(nextClosing(riyadh, at('2026-11-26T10:00:00+03:00'))).toEqual(at('2026-11-26T20:00:00+03:00'));
  });

  it('makes a Thursday-evening complaint with a two-hour target due on Sunday morning', () => {
    const due = addBusinessSeconds(riyadh, at('2026-11-26T19:00:00+03:00'), 2 * HOUR);
    expect(due).toEqual(at('2026-11-29T09:00:00+03:00'));
    expect(businessSecondsBetween(riyadh, at('2026-11-26T19:00:00+03:00'), due)).toBe(2 * HOUR);
  });

  it('is due at the closing time itself when the target ends exactly then', () => {
    expect(addBusinessSeconds(riyadh, at('2026-11-26T19:00:00+03:00'), HOUR)).toEqual(
      at('2026-11-26T20:00:00+03:00'),
    );
  });

  it('skips a holiday as a whole local day', () => {
    const withHoliday = { ...riyadh, holidays: [{ date: '2026-11-29', name: 'Holiday' }] };
    expect(isOpenAt(withHoliday, at('2026-11-29T10:00:00+03:00'))).toBe(false);
    expect(addBusinessSeconds(withHoliday, at('2026-11-26T19:00:00+03:00'), 2 * HOUR)).toEqual(
      at('2026-11-30T09:00:00+03:00'),
    );
  });

  it('adds plain time on a 24/7 calendar', () => {
    const from = at('2026-11-27T23:30:00Z');
    expect(addBusinessSeconds(ALWAYS_OPEN, from, 90 * 60)).toEqual(at('2026-11-28T01:00:00Z'));
    expect(nextClosing(ALWAYS_OPEN, from)).toBeNull();
    expect(isOpenAt(ALWAYS_OPEN, from)).toBe(true);
  });

  it('treats 22:00–24:00 and the next 00:00–06:00 as one opening', () => {
    const night: BusinessCalendar = {
      timeZone: 'Europe/London',
      isAlwaysOpen: false,
      hours: [
        { day: 0, from: '22:00', to: '24:00' },
        { day: 1, from: '00:00', to: '06:00' },
      ],
      holidays: [],
    };
    // Sunday 29 November 2026, London on GMT
    expect(nextClosing(night, at('2026-11-29T23:00:00Z'))).toEqual(at('2026-11-30T06:00:00Z'));
    expect(isOpenAt(night, at('2026-11-30T00:00:00Z'))).toBe(true);
    expect(addBusinessSeconds(night, at('2026-11-29T21:00:00Z'), 3 * HOUR)).toEqual(
      at('2026-11-30T01:00:00Z'),
    );
  });

  it('follows real instants across New York DST changes', () => {
    const sundays: BusinessCalendar = {
      timeZone: 'America/New_York',
      isAlwaysOpen: false,
      hours: [{ day: 0, from: '00:00', to: '24:00' }],
      holidays: [],
    };
    // 8 March 2026 lasts 23 hours, 1 November 2026 lasts 25.
    const spring = businessSecondsBetween(sundays, at('2026-03-07T00:00:00Z'), at('2026-03-10Z'));
    const autumn = businessSecondsBetween(sundays, at('2026-10-31T00:00:00Z'), at('2026-11-03Z'));
    expect(spring).toBe(23 * HOUR);
    expect(autumn).toBe(25 * HOUR);
    const earlyHours = { ...sundays, hours: [{ day: 0, from: '01:00', to: '03:00' }] };
    // the skipped hour is never open; the repeated hour is open twice
    expect(businessSecondsBetween(earlyHours, at('2026-03-08T00:00:00Z'), at('2026-03-09Z'))).toBe(HOUR);
    expect(businessSecondsBetween(earlyHours, at('2026-11-01T00:00:00Z'), at('2026-11-02Z'))).toBe(3 * HOUR);
    // an 08:00–20:00 Sunday is 12 real hours either way, shifted in UTC
    const day = { ...sundays, hours: [{ day: 0, from: '08:00', to: '20:00' }] };
    expect(nextOpening(day, at('2026-03-08T00:00:00Z'))).toEqual(at('2026-03-08T12:00:00Z'));
    expect(nextOpening(day, at('2026-11-01T00:00:00Z'))).toEqual(at('2026-11-01T13:00:00Z'));
  });

  it('follows Cairo summer time, where clocks jump at midnight', () => {
    // Egypt moves to EEST at 00:00 on the last Friday of April (24 April 2026): that Friday has 23 hours.
    const fridays: BusinessCalendar = {
      timeZone: 'Africa/Cairo',
      isAlwaysOpen: false,
      hours: [
        { day: 4, from: '20:00', to: '24:00' },
        { day: 5, from: '00:00', to: '24:00' },
      ],
      holidays: [],
    };
    const open = nextOpening(fridays, at('2026-04-23T12:00:00Z'));
    expect(open).toEqual(at('2026-04-23T18:00:00Z')); // Thursday 20:00 EET
    expect(nextClosing(fridays, at('2026-04-23T19:00:00Z'))).toEqual(at('2026-04-24T21:00:00Z'));
    expect(businessSecondsBetween(fridays, at('2026-04-23Z'), at('2026-04-26Z'))).toBe(4 * HOUR + 23 * HOUR);
  });

  it('never opens without hours, and says so', () => {
    const closed: BusinessCalendar = { ...riyadh, hours: [] };
    expect(nextOpening(closed, at('2026-11-26T10:00:00Z'))).toBeNull();
    expect(isOpenAt(closed, at('2026-11-26T10:00:00Z'))).toBe(false);
    expect(() => addBusinessSeconds(closed, at('2026-11-26T10:00:00Z'), 60)).toThrow('never opens');
  });

  it('answers quickly for many cases', () => {
    const started = performance.now();
    for (let i = 0; i < 2000; i += 1) {
      addBusinessSeconds(riyadh, new Date(Date.UTC(2026, 0, 1) + i * 3_600_000), 8 * HOUR);
    }
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

// Independent oracle: read the wall clock with Intl and check the spans directly.
function oracleIsOpen(calendar: BusinessCalendar, instant: Date): boolean {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: calendar.timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  if (calendar.holidays.some((h) => h.date === date)) return false;
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday ?? '');
  const minutes = Number(parts.hour) * 60 + Number(parts.minute);
  const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  return calendar.hours.some(
    (s) => s.day === weekday && toMinutes(s.from) <= minutes && minutes < toMinutes(s.to),
  );
}

const zones = [
  'Asia/Riyadh',
  'America/New_York',
  'Europe/London',
  'Africa/Cairo',
  'Australia/Lord_Howe',
  'UTC',
];
const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const spanArb = fc
  .record({
    day: fc.integer({ min: 0, max: 6 }),
    from: fc.integer({ min: 0, max: 95 }),
    length: fc.integer({ min: 1, max: 96 }),
  })
  .map(({ day, from, length }) => ({
    day,
    from: hhmm(from * 15),
    to: hhmm(Math.min(96, from + length) * 15),
  }));

const calendarArb: fc.Arbitrary<BusinessCalendar> = fc.record({
  timeZone: fc.constantFrom(...zones),
  isAlwaysOpen: fc.constant(false),
  hours: fc.array(spanArb, { minLength: 1, maxLength: 10 }),
  holidays: fc.array(
    fc
      .date({ min: new Date('2026-01-01Z'), max: new Date('2026-12-31Z'), noInvalidDate: true })
      .map((d) => ({ date: d.toISOString().slice(0, 10), name: 'h' })),
    { maxLength: 5 },
  ),
});

// Instants on whole seconds through 2026, which holds every zone's DST changes.
const instantArb = fc
  .integer({ min: Date.UTC(2026, 0, 1) / 1000, max: Date.UTC(2026, 11, 31) / 1000 })
  .map((s) => new Date(s * 1000));
const secondsArb = fc.integer({ min: 0, max: 20 * 24 * 3600 });

describe('business hours, properties', () => {
  it('agrees with the wall clock read directly, across DST changes', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, (calendar, instant) => {
        expect(isOpenAt(calendar, instant)).toBe(oracleIsOpen(calendar, instant));
      }),
      { numRuns: 300 },
    );
  });

  it('counts back exactly the seconds it added', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, secondsArb, (calendar, from, seconds) => {
        const due = addBusinessSeconds(calendar, from, seconds);
        expect(businessSecondsBetween(calendar, from, due)).toBe(seconds);
      }),
      { numRuns: 200 },
    );
  });

  it('adds in two steps the same as in one', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, secondsArb, secondsArb, (calendar, t, a, b) => {
        const twoSteps = addBusinessSeconds(calendar, addBusinessSeconds(calendar, t, a), b);
        expect(twoSteps).toEqual(addBusinessSeconds(calendar, t, a + b));
      }),
      { numRuns: 200 },
    );
  });

  it('never moves a due time earlier when the target grows', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, secondsArb, secondsArb, (calendar, t, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(addBusinessSeconds(calendar, t, low).getTime()).toBeLessThanOrEqual(
          addBusinessSeconds(calendar, t, high).getTime(),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('lands while open or right at a closing', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.integer({ min: 1, max: 20 * 24 * 3600 }), (calendar, t, s) => {
        const due = addBusinessSeconds(calendar, t, s);
        const before = new Date(due.getTime() - 1000);
        expect(isOpenAt(calendar, due) || isOpenAt(calendar, before)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('opens at the next opening and stays open until the next closing', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, (calendar, t) => {
        const opening = nextOpening(calendar, t);
        if (!opening) return;
        expect(opening.getTime()).toBeGreaterThanOrEqual(t.getTime());
        expect(isOpenAt(calendar, opening)).toBe(true);
        expect(businessSecondsBetween(calendar, t, opening)).toBe(0);
        const closing = nextClosing(calendar, opening);
        if (!closing) return;
        expect(isOpenAt(calendar, closing)).toBe(false);
        expect(businessSecondsBetween(calendar, opening, closing)).toBe(
          (closing.getTime() - opening.getTime()) / 1000,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('counts a paused clock as the sum of its running stretches', () => {
    fc.assert(
      fc.property(calendarArb, fc.array(instantArb, { minLength: 4, maxLength: 4 }), (calendar, points) => {
        const [a, b, c, d] = points.sort((x, y) => x.getTime() - y.getTime()) as [Date, Date, Date, Date];
        const running = businessSecondsBetween(calendar, a, b) + businessSecondsBetween(calendar, c, d);
        expect(running).toBe(businessSecondsBetween(calendar, a, d) - businessSecondsBetween(calendar, b, c));
      }),
      { numRuns: 100 },
    );
  });

  it('equals plain time on the always-open calendar and on a full week in any zone', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), instantArb, secondsArb, (zone, t, s) => {
        const fullWeek: BusinessCalendar = {
          timeZone: zone,
          isAlwaysOpen: false,
          hours: weekdays([0, 1, 2, 3, 4, 5, 6], '00:00', '24:00'),
          holidays: [],
        };
        const plain = new Date(t.getTime() + s * 1000);
        expect(addBusinessSeconds(ALWAYS_OPEN, t, s)).toEqual(plain);
        expect(addBusinessSeconds(fullWeek, t, s)).toEqual(plain);
        expect(businessSecondsBetween(fullWeek, t, plain)).toBe(s);
      }),
      { numRuns: 100 },
    );
  });
});
