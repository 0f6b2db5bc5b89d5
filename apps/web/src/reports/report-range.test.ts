import { describe, expect, it } from 'vitest';
import { dayIn, reportRange } from './report-range.ts';

describe("a report's range from days", () => {
  it("runs from the first day's midnight to the midnight after the last, in the workspace's zone", () => {
    expect(reportRange('Asia/Riyadh', '2026-11-01', '2026-11-07')).toEqual({
      from: '2026-10-31T21:00:00.000Z',
      to: '2026-11-07T21:00:00.000Z',
    });
    // Berlin changes to summer time on 29 March 2026.
    expect(reportRange('Europe/Berlin', '2026-03-29', '2026-03-29')).toEqual({
      from: '2026-03-28T23:00:00.000Z',
      to: '2026-03-29T22:00:00.000Z',
    });
  });

  it('names the day of an instant in the zone', () => {
    expect(dayIn('Asia/Riyadh', '2026-11-07T20:59:59Z')).toBe('2026-11-07');
    expect(dayIn('Asia/Riyadh', '2026-11-07T21:00:00Z')).toBe('2026-11-08');
  });
});
