import { describe, expect, it } from 'vitest';
import { findEmergingIssues, type IssueDocument } from './emerging-issues.ts';

// A week of complaints: late deliveries (Gulf and Egyptian Arabic, rising), double charges
// (Arabic and English, steady), app crashes (English, falling), and one-off complaints that belong
// to no issue.
const from = new Date('2026-11-01T00:00:00Z');
const to = new Date('2026-11-08T00:00:00Z');
const day = (d: number, hour = 10) => new Date(Date.UTC(2026, 10, d, hour));

const DOCUMENTS: IssueDocument[] = [
  { id: 'late-1', at: day(2), text: 'الطلب متأخر والتوصيل ما وصل لي من أسبوع' },
  { id: 'late-2', at: day(5), text: 'التوصيل متأخر جدا والطلب لسه ما وصل' },
  { id: 'late-3', at: day(6), text: 'طلبي متأخر والمندوب ما وصل، التوصيل سيء' },
  { id: 'late-4', at: day(7), text: 'التوصيل متأخر يومين والطلب ما وصلش' },
  { id: 'late-5', at: day(7, 15), text: 'الطلب متأخر، وين التوصيل؟' },
  { id: 'charge-1', at: day(1), text: 'تم خصم المبلغ مرتين من البطاقة' },
  { id: 'charge-2', at: day(3), text: 'خصم المبلغ مرتين من بطاقتي الائتمانية' },
  { id: 'charge-3', at: day(5), text: 'انخصم المبلغ مرتين من البطاقة لنفس الطلب' },
  { id: 'charge-4', at: day(6), text: 'المبلغ اتخصم مرتين من البطاقة' },
  { id: 'crash-1', at: day(1), text: 'The app crashes at checkout every time' },
  { id: 'crash-2', at: day(2), text: 'App crashes on checkout, cannot pay' },
  { id: 'crash-3', at: day(3), text: 'Checkout crashes the app again' },
  { id: 'other-1', at: day(4), text: 'الموظف في الفرع كان غير محترم' },
  { id: 'other-2', at: day(4), text: 'I want to change my email address' },
];

describe('findEmergingIssues', () => {
  const issues = findEmergingIssues(DOCUMENTS, { from, to });
  const issueOf = (id: string) => issues.find((issue) => issue.ids.includes(id));

  it('groups complaints that say the same thing, across dialects, and leaves one-offs out', () => {
    expect(issues.map((issue) => [...issue.ids].sort())).toEqual([
      ['late-1', 'late-2', 'late-3', 'late-4', 'late-5'],
      ['charge-1', 'charge-2', 'charge-3', 'charge-4'],
      ['crash-1', 'crash-2', 'crash-3'],
    ]);
    expect(issueOf('other-1')).toBeUndefined();
    expect(issueOf('other-2')).toBeUndefined();
  });

  it('labels each issue with its heaviest words, newest example first', () => {
    expect(issueOf('late-1')!.terms).toEqual(expect.arrayContaining(['متاخر', 'التوصيل']));
    expect(issueOf('charge-1')!.terms).toEqual(expect.arrayContaining(['مرتين']));
    expect(issueOf('crash-1')!.terms).toEqual(expect.arrayContaining(['crashes']));
    expect(issueOf('late-1')!.ids[0]).toBe('late-5');
  });

  it('reads the trend across the two halves of the window', () => {
    expect(issueOf('late-1')).toMatchObject({ earlier: 1, later: 4, trend: 'rising' });
    expect(issueOf('crash-1')).toMatchObject({ earlier: 3, later: 0, trend: 'falling' });
    expect(issueOf('charge-1')).toMatchObject({ earlier: 2, later: 2, trend: 'steady' });
  });

  it('groups by what complaints say, not by the links, mentions and entities they share', () => {
    const link = 'https://t.co/abc123 @AirlineHelp &amp;';
    const unrelated = [
      { id: 'a', at: day(2), text: `${link} my bag is lost` },
      { id: 'b', at: day(3), text: `${link} the seat was broken` },
      { id: 'c', at: day(4), text: `${link} nobody answers the phone` },
    ];
    expect(findEmergingIssues(unrelated, { from, to })).toEqual([]);
  });

  it('finds nothing in too few texts', () => {
    expect(findEmergingIssues(DOCUMENTS.slice(0, 2), { from, to })).toEqual([]);
  });
});
