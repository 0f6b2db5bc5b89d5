import { describe, expect, it } from 'vitest';
import { previousPeriod } from './report-period.ts';

describe('the periods of the scheduled reports', () => {
  it("covers the previous Sunday-started week of the workspace's zone", () => {
    // Wednesday 11 November 2026, 01:00 in Riyadh (UTC+3).
    const period = previousPeriod('weekly', new Date('2026-11-10T22:00:00Z'), 'Asia/Riyadh');
    expect(period).toEqual({
      start: new Date('2026-10-31T21:00:00Z'), // Sunday 1 November, midnight in Riyadh
      end: new Date('2026-11-07T21:00:00Z'), // Sunday 8 November
    });
  });

  it('counts a Sunday as the first day of the new week', () => {
    // Sunday 8 November 2026, 00:30 in Riyadh: the week of 1 November has just ended.
    const period = previousPeriod('weekly', new Date('2026-11-07T21:30:00Z'), 'Asia/Riyadh');
    expect(period.start).toEqual(new Date('2026-10-31T21:00:00Z'));
    // A minute earlier it was still Saturday: the week before that.
    const earlier = previousPeriod('weekly', new Date('2026-11-07T20:59:00Z'), 'Asia/Riyadh');
    expect(earlier.start).toEqual(new Date('2026-10-24T21:00:00Z'));
  });

  it('covers the previous calendar month, across a new year', () => {
    expect(previousPeriod('monthly', new Date('2026-12-01T05:00:00Z'), 'Asia/Riyadh')).toEqual({
      start: new Date('2026-10-31T21:00:00Z'),
      end: new Date('2026-11-30T21:00:00Z'),
    });
    expect(previousPeriod('monthly', new Date('2027-01-15T12:00:00Z'), 'UTC')).toEqual({
      start: new Date('2026-12-01T00:00:00Z'),
      end: new Date('2027-01-01T00:00:00Z'),
    });
  });

  it('starts weeks at local midnight across a change to summer time', () => {
    // Berlin moves from UTC+1 to UTC+2 on 29 March 2026.
    const week = previousPeriod('weekly', new Date('2026-04-01T12:00:00Z'), 'Europe/Berlin');
    expect(week).toEqual({ start: new Date('2026-03-21T23:00:00Z'), end: new Date('2026-03-28T23:00:00Z') });
    const after = previousPeriod('weekly', new Date('2026-04-08T12:00:00Z'), 'Europe/Berlin');
    expect(after).toEqual({ start: new Date('2026-03-28T23:00:00Z'), end: new Date('2026-04-04T22:00:00Z') });
  });
});
