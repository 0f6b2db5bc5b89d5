import { type CaseRow, type CaseSort, compareRows } from './inbox-filters.ts';

/** One keyset page of GET /api/cases. */
export type CasePage = { items: CaseRow[]; nextCursor: string | null };
/** The inbox's cached list: TanStack Query's infinite data over keyset cursors. */
export type ListData = { pages: CasePage[]; pageParams: (string | undefined)[] };

export type HeadMerge = {
  data: ListData;
  /** Cases that were not in the list and sort above its old top: what a "N new cases" pill counts. */
  arrivals: CaseRow[];
  /** True when the head did not reach the old list, so the list restarted from the head alone. */
  isRestarted: boolean;
};

/**
 * Applies a freshly fetched first page ("head") to the cached list without refetching every page:
 * rows inside the head's range take the head's version (changed, added or gone), rows beyond it stay.
 * With `holdArrivals`, new rows above the old top are left out (the reader is scrolled down).
 */
export function mergeHead(
  data: ListData,
  head: CasePage,
  options: { sort: CaseSort | undefined; holdArrivals: boolean },
): HeadMerge {
  const sort = options.sort;
  const cached = data.pages.flatMap((page) => page.items);
  const cachedIds = new Set(cached.map((row) => row.id));
  const oldTop = cached[0];
  const arrivals = head.items.filter(
    (row) => !cachedIds.has(row.id) && (oldTop === undefined || compareRows(row, oldTop, sort) < 0),
  );
  const held = new Set(options.holdArrivals ? arrivals.map((row) => row.id) : []);
  const headRows = head.items.filter((row) => !held.has(row.id));
  const boundary = head.items.at(-1);
  const lastPage = data.pages.at(-1);

  // The head is the whole list.
  if (head.nextCursor === null || boundary === undefined) {
    return { data: single({ items: headRows, nextCursor: head.nextCursor }), arrivals, isRestarted: false };
  }
  // More new rows than a head holds: rows between the head and the old top are unknown.
  if (oldTop !== undefined && compareRows(boundary, oldTop, sort) < 0) {
    const restarted = options.holdArrivals ? data : single(head);
    return { data: restarted, arrivals, isRestarted: !options.holdArrivals };
  }
  const headIds = new Set(head.items.map((row) => row.id));
  const tail = cached.filter((row) => !headIds.has(row.id) && compareRows(row, boundary, sort) > 0);
  // Nothing loaded beyond the head: the head's cursor continues the list.
  if (tail.length === 0 || !lastPage) {
    return { data: single({ items: headRows, nextCursor: head.nextCursor }), arrivals, isRestarted: false };
  }
  return {
    data: {
      pages: [
        { items: headRows, nextCursor: head.nextCursor },
        { items: tail, nextCursor: lastPage.nextCursor },
      ],
      pageParams: [undefined, head.nextCursor],
    },
    arrivals,
    isRestarted: false,
  };
}

const single = (page: CasePage): ListData => ({ pages: [page], pageParams: [undefined] });

/**
 * Puts the current version of one case into the cached list (or takes it out when it no longer
 * belongs): in its sorted place if that place is within the loaded rows.
 */
export function replaceRow(
  data: ListData,
  referenceNumber: string,
  row: CaseRow | undefined,
  sort: CaseSort | undefined,
): ListData {
  const cached = data.pages.flatMap((page) => page.items);
  const rest = cached.filter((item) => item.referenceNumber !== referenceNumber);
  const isListComplete = data.pages.at(-1)?.nextCursor === null;
  let items = rest;
  if (row) {
    const index = rest.findIndex((item) => compareRows(row, item, sort) < 0);
    if (index >= 0) items = [...rest.slice(0, index), row, ...rest.slice(index)];
    else if (isListComplete) items = [...rest, row];
  }
  if (items.length === cached.length && items.every((item, index) => item === cached[index])) return data;
  return repage(data, items);
}

// One page holding every loaded row: the last page's cursor still continues after them.
function repage(data: ListData, items: CaseRow[]): ListData {
  const last = data.pages.at(-1);
  return {
    pages: [{ items, nextCursor: last?.nextCursor ?? null }],
    pageParams: [undefined],
  };
}

/** All rows of the cached list, in order. */
export const rowsOf = (data: ListData | undefined): CaseRow[] =>
  data ? data.pages.flatMap((page) => page.items) : [];
