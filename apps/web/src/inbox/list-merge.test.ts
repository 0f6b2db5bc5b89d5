import { describe, expect, test } from 'vitest';
import { type CaseRow, filtersFromSearch, matchesFilters, searchFromFilters } from './inbox-filters.ts';
import { type ListData, mergeHead, replaceRow, rowsOf } from './list-merge.ts';

// Case n was created n minutes after midnight: higher n is newer, so it sorts first by default.
function row(n: number, changes: Partial<CaseRow> = {}): CaseRow {
  const at = new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString();
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    referenceNumber: `SAD-2026-${String(n).padStart(6, '0')}`,
    subject: `Case ${n}`,
    status: 'open',
    channel: 'email',
    kind: 'complaint',
    category: null,
    product: null,
    orderReference: null,
    region: null,
    priority: 'P3',
    sentiment: null,
    language: 'ar',
    teamId: null,
    assigneeId: null,
    customerId: null,
    customerName: 'Customer',
    tags: [],
    createdAt: at,
    updatedAt: at,
    ...changes,
  };
}
const newestFirst = (from: number, to: number) =>
  Array.from({ length: from - to + 1 }, (_, index) => row(from - index));
const numbers = (data: ListData) => rowsOf(data).map((item) => Number(item.subject.split(' ')[1]));

// A list of cases 100..1 loaded as two pages of 50, with more beyond.
const twoPages = (): ListData => ({
  pages: [
    { items: newestFirst(100, 51), nextCursor: 'after-51' },
    { items: newestFirst(50, 1), nextCursor: 'after-1' },
  ],
  pageParams: [undefined, 'after-51'],
});

describe('mergeHead', () => {
  test('puts a new case on top and keeps every row loaded below the head', () => {
    const head = { items: newestFirst(101, 52), nextCursor: 'after-52' };
    const merged = mergeHead(twoPages(), head, { sort: undefined, holdArrivals: false });
    expect(numbers(merged.data)).toEqual(newestFirst(101, 1).map((_, index) => 101 - index));
    expect(merged.arrivals.map((item) => item.subject)).toEqual(['Case 101']);
    expect(merged.data.pages.at(-1)?.nextCursor).toBe('after-1');
  });

  test('holds new cases back while the reader is scrolled down, and counts them', () => {
    const head = { items: newestFirst(102, 53), nextCursor: 'after-53' };
    const merged = mergeHead(twoPages(), head, { sort: undefined, holdArrivals: true });
    expect(numbers(merged.data)[0]).toBe(100);
    expect(merged.arrivals).toHaveLength(2);
    expect(rowsOf(merged.data)).toHaveLength(100);
  });

  test('drops a row of the head that no longer matches and updates one that changed', () => {
    const items = newestFirst(100, 50)
      .filter((item) => item.subject !== 'Case 99')
      .map((item) => (item.subject === 'Case 98' ? { ...item, priority: 'P1' as const } : item));
    const merged = mergeHead(
      twoPages(),
      { items, nextCursor: 'after-50' },
      { sort: undefined, holdArrivals: false },
    );
    const rows = rowsOf(merged.data);
    expect(rows.some((item) => item.subject === 'Case 99')).toBe(false);
    expect(rows.find((item) => item.subject === 'Case 98')?.priority).toBe('P1');
    expect(rows).toHaveLength(99);
    expect(new Set(rows.map((item) => item.id)).size).toBe(99);
  });

  test('restarts from the head when more cases arrived than a head holds (no silent gap)', () => {
    const head = { items: newestFirst(200, 151), nextCursor: 'after-151' };
    const merged = mergeHead(twoPages(), head, { sort: undefined, holdArrivals: false });
    expect(merged.isRestarted).toBe(true);
    expect(numbers(merged.data)).toEqual(newestFirst(200, 151).map((_, index) => 200 - index));
    expect(merged.data.pages.at(-1)?.nextCursor).toBe('after-151');
  });

  test('a head that is the whole list replaces the list', () => {
    const merged = mergeHead(
      twoPages(),
      { items: [row(7), row(3)], nextCursor: null },
      {
        sort: undefined,
        holdArrivals: false,
      },
    );
    expect(numbers(merged.data)).toEqual([7, 3]);
    expect(merged.data.pages.at(-1)?.nextCursor).toBeNull();
  });
});

describe('replaceRow', () => {
  test('puts a changed row back in its sorted place and takes out one that left', () => {
    const data = twoPages();
    const changed = replaceRow(data, 'SAD-2026-000010', row(10, { status: 'pending' }), undefined);
    expect(rowsOf(changed).find((item) => item.subject === 'Case 10')?.status).toBe('pending');
    expect(numbers(changed).indexOf(10)).toBe(90);
    const removed = replaceRow(changed, 'SAD-2026-000010', undefined, undefined);
    expect(numbers(removed)).not.toContain(10);
    expect(removed.pages.at(-1)?.nextCursor).toBe('after-1');
  });

  test('moves a row whose priority changed when the list is sorted by priority', () => {
    const data: ListData = {
      pages: [{ items: [row(1, { priority: 'P1' }), row(2, { priority: 'P2' }), row(3)], nextCursor: null }],
      pageParams: [undefined],
    };
    const moved = replaceRow(data, 'SAD-2026-000003', row(3, { priority: 'P1' }), 'priority');
    expect(rowsOf(moved).map((item) => item.priority)).toEqual(['P1', 'P1', 'P2']);
  });
});

describe('filters in the URL', () => {
  const open = { status: ['new', 'open', 'pending'] } as const;

  test('a URL key replaces the view’s, and "any" lifts it', () => {
    const narrowed = filtersFromSearch(
      { ...open, status: [...open.status] },
      new URLSearchParams('priority=P1'),
    );
    expect(narrowed).toEqual({ status: ['new', 'open', 'pending'], priority: ['P1'] });
    const lifted = filtersFromSearch(
      { status: [...open.status] },
      new URLSearchParams('status=any&q=refund'),
    );
    expect(lifted).toEqual({ q: 'refund' });
  });

  test('writes only what differs from the view, and reads back the same filters', () => {
    const view = { status: [...open.status] };
    const wanted = { status: ['resolved' as const], tag: ['vip'], sort: '-updatedAt' as const };
    const search = searchFromFilters(view, wanted);
    expect(search.toString()).toBe('status=resolved&tag=vip&sort=-updatedAt');
    expect(filtersFromSearch(view, search)).toEqual(wanted);
    expect(searchFromFilters(view, {}).toString()).toBe('status=any');
    expect(searchFromFilters(view, view).toString()).toBe('');
  });

  test('a live row is judged against the filters as the server would', () => {
    const me = '00000000-0000-4000-8000-00000000aaaa';
    const filters = { status: ['open' as const], assignee: ['me'], tag: ['vip', 'repeat'] };
    expect(matchesFilters(row(1, { assigneeId: me, tags: ['repeat'] }), filters, me)).toBe(true);
    expect(matchesFilters(row(1, { assigneeId: me, tags: [] }), filters, me)).toBe(false);
    expect(matchesFilters(row(1, { assigneeId: null, tags: ['vip'] }), filters, me)).toBe(false);
    expect(matchesFilters(row(1, { assigneeId: null }), { assignee: ['none'] }, me)).toBe(true);
  });

  test('"none" keeps the rows whose field is not set, alone or with other values', () => {
    const me = '00000000-0000-4000-8000-00000000aaaa';
    const notSet = { category: ['none'], sentiment: ['none' as const, 'negative' as const] };
    expect(matchesFilters(row(1), notSet, me)).toBe(true);
    expect(matchesFilters(row(1, { sentiment: 'negative' }), notSet, me)).toBe(true);
    expect(matchesFilters(row(1, { category: 'billing' }), notSet, me)).toBe(false);
    expect(matchesFilters(row(1, { region: 'Riyadh' }), { region: ['none'] }, me)).toBe(false);
  });

  test('a peak-hours cell travels in the URL as weekday and hour', () => {
    const search = searchFromFilters({}, { weekday: ['0'], hour: ['14'], product: ['none'] });
    expect(search.toString()).toBe('product=none&weekday=0&hour=14');
    expect(filtersFromSearch({}, search)).toEqual({ weekday: ['0'], hour: ['14'], product: ['none'] });
  });
});
