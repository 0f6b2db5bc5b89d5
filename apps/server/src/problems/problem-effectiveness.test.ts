import { describe, expect, it } from 'vitest';
import { effectivenessRange, measureEffectiveness } from './problem-effectiveness.ts';
import { fixedNoticeText } from './problem-messages.ts';

const day = (iso: string, isMatching = true) => ({ createdAt: new Date(iso), isMatching });

describe('measureEffectiveness', () => {
  it('counts weeks from the action date and leaves the running week out of the rates', () => {
    const actionAt = new Date('2026-11-01T00:00:00Z');
    const now = new Date('2026-11-10T00:00:00Z'); // the second week after is still running
    const report = measureEffectiveness({
      actionAt,
      weeks: 2,
      now,
      cases: [
        day('2026-10-18T00:00:00Z'),
        day('2026-10-24T23:59:59Z', false),
        day('2026-10-31T23:59:59Z'),
        day('2026-11-01T00:00:00Z'),
        day('2026-11-09T00:00:00Z'),
        day('2026-10-17T00:00:00Z'), // before the range
      ],
    });
    expect(
      report.points.map((point) => [point.matching, point.total, point.isAfter, point.isPartial]),
    ).toEqual([
      [1, 2, false, false],
      [1, 1, false, false],
      [1, 1, true, false],
      [1, 1, true, true],
    ]);
    expect(report.before).toEqual({ weeks: 2, matching: 2, total: 3, perWeek: 1, share: 2 / 3 });
    expect(report.after).toEqual({ weeks: 1, matching: 1, total: 1, perWeek: 1, share: 1 });
    expect(report.change).toBe(0);
  });

  it('shows the last weeks without rates when no action is dated', () => {
    const now = new Date('2026-11-15T00:00:00Z');
    expect(effectivenessRange(null, 3, now)).toEqual({ from: new Date('2026-10-25T00:00:00Z'), to: now });
    const report = measureEffectiveness({
      actionAt: null,
      weeks: 3,
      now,
      cases: [day('2026-11-14T00:00:00Z')],
    });
    expect(report.points.map((point) => point.matching)).toEqual([0, 0, 1]);
    expect(report).toMatchObject({ before: null, after: null, change: null });
  });

  it('has no change to report when nothing came before the action', () => {
    const report = measureEffectiveness({
      actionAt: new Date('2026-11-01T00:00:00Z'),
      weeks: 1,
      now: new Date('2026-12-01T00:00:00Z'),
      cases: [day('2026-11-02T00:00:00Z')],
    });
    expect(report.before).toMatchObject({ perWeek: 0, share: null });
    expect(report.change).toBeNull();
  });
});

describe('fixedNoticeText', () => {
  it("fills the customer's language, falls back to the other, and drops variables without a value", () => {
    const wording = { ar: 'مرحبًا {{customer.first_name}}، أصلحنا سبب {{case.reference}}.', en: '' };
    expect(fixedNoticeText(wording, 'ar', { 'case.reference': 'SAD-1' })).toBe('مرحبًا، أصلحنا سبب SAD-1.');
    expect(fixedNoticeText(wording, 'en', { 'customer.first_name': 'Huda', 'case.reference': 'SAD-1' })).toBe(
      'مرحبًا Huda، أصلحنا سبب SAD-1.',
    );
    expect(fixedNoticeText({ ar: '', en: '' }, 'en', { 'case.reference': 'SAD-2' })).toContain(
      'Update on your complaint SAD-2',
    );
  });
});
