import type { caseDetail } from '@sada/contracts';
import { type QueryClient, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { z } from 'zod';
import { ApiError, api, toQueryString, type Wire } from '../api/client.ts';
import { useCurrentUser } from '../auth/session.ts';
import { useLive, useLiveEvent } from '../live/LiveProvider.tsx';
import { changedCaseOf, enterList } from './case-changes.ts';
import {
  BUILT_IN_FILTERS,
  type CaseRow,
  filtersFromSearch,
  type InboxFilters,
  isBuiltInKey,
  matchesFilters,
  normalizeFilters,
} from './inbox-filters.ts';
import { type CasePage, type ListData, mergeHead, replaceRow, rowsOf } from './list-merge.ts';

// The first page is small so it paints fast; the following ones are larger as the reader scrolls.
export const HEAD_SIZE = 50;
const PAGE_SIZE = 100;
// Beyond this many changed rows outside the head, re-reading them one by one costs more than a restart.
const MAX_ROW_REFRESHES = 10;
// A list fetched this recently is current when a page shows it again.
const FRESH_MS = 2000;

type ListKey = readonly ['inbox', 'list', InboxFilters];
export const inboxListKey = (filters: InboxFilters): ListKey => ['inbox', 'list', normalizeFilters(filters)];

const fetchPage = (filters: InboxFilters, cursor: string | undefined, signal?: AbortSignal) =>
  api.get<CasePage>(
    `/api/cases${toQueryString({ ...filters, limit: cursor ? PAGE_SIZE : HEAD_SIZE, cursor })}`,
    { signal },
  );

// The first page of a built-in view is asked for as soon as the console's code runs, while the
// session is still being checked, so the first rows do not wait for that round trip (measured by
// bench/console). It is used once, for the same filters, within a few seconds; a failure (nobody
// signed in) is simply asked again.
const BOOT_PREFETCH_MS = 10_000;
let bootPrefetch = startBootPrefetch();

function startBootPrefetch() {
  if (typeof location === 'undefined') return undefined;
  const path = location.pathname.replace(/\/$/, '');
  const view = path === '' || path === '/inbox' ? 'mine' : /^\/inbox\/([a-z]+)$/.exec(path)?.[1];
  if (!view || !isBuiltInKey(view)) return undefined;
  const filters = normalizeFilters(
    filtersFromSearch(BUILT_IN_FILTERS[view], new URLSearchParams(location.search)),
  );
  const prefetch: { keyText: string; page: Promise<CasePage>; startedAt: number; answer?: CasePage } = {
    keyText: JSON.stringify(filters),
    page: fetchPage(filters, undefined),
    startedAt: Date.now(),
  };
  // Kept once it arrives: the list then renders with its rows in its very first render.
  prefetch.page
    .then((answer) => {
      prefetch.answer = answer;
    })
    .catch(() => undefined);
  return prefetch;
}

function takeBootPrefetch(keyText: string) {
  const prefetch = bootPrefetch;
  if (!prefetch || prefetch.keyText !== keyText || Date.now() - prefetch.startedAt > BOOT_PREFETCH_MS)
    return undefined;
  bootPrefetch = undefined;
  return prefetch;
}

async function fetchRow(referenceNumber: string): Promise<CaseRow | undefined> {
  try {
    const detail = await api.get<Wire<z.infer<typeof caseDetail>>>(
      `/api/cases/${encodeURIComponent(referenceNumber)}`,
    );
    const { description, customFields, resolvedAt, closedAt, messages, timeline, ...row } = detail;
    return row;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return undefined;
    throw error;
  }
}

type SyncOptions = {
  queryClient: QueryClient;
  key: ListKey;
  filters: InboxFilters;
  myUserId: string;
  isHolding: () => boolean;
  onArrivals: (arrivals: CaseRow[]) => void;
};

/**
 * Keeps one cached list current as live events arrive, without refetching every loaded page: it
 * reads the first page again and merges it, and re-reads the few changed rows loaded further down.
 * Runs one refresh at a time; events during a refresh cause exactly one more.
 */
function createListSync(options: SyncOptions) {
  const { queryClient, key, filters } = options;
  const changed = new Set<string>();
  let isRunning = false;
  let isDirty = false;
  let isStopped = false;
  let lastHead: CasePage | undefined;

  const isIdle = () => queryClient.getQueryState(key)?.fetchStatus !== 'fetching';
  // The infinite query writes its pages over whatever is cached when its own fetch ends, so merges
  // wait until it is not fetching.
  const idle = () =>
    new Promise<void>((resolve) => {
      if (isIdle()) return resolve();
      const unsubscribe = queryClient.getQueryCache().subscribe(() => {
        if (!isIdle()) return;
        unsubscribe();
        resolve();
      });
    });
  const read = () => queryClient.getQueryData<ListData>(key);
  const write = (data: ListData) => queryClient.setQueryData<ListData>(key, data);

  async function refreshOnce() {
    const references = [...changed];
    changed.clear();
    await idle();
    if (!read()) return;
    const head = await fetchPage(filters, undefined);
    await idle();
    const current = read();
    if (isStopped || !current) return;
    const merged = mergeHead(current, head, { sort: filters.sort, holdArrivals: options.isHolding() });
    write(merged.data);
    lastHead = head;
    options.onArrivals(options.isHolding() ? merged.arrivals : []);
    if (merged.isRestarted) return;
    await refreshRows(references, head);
  }

  // Rows loaded below the head that changed: their current version, or out if they no longer match.
  async function refreshRows(references: string[], head: CasePage) {
    const inHead = new Set(head.items.map((row) => row.referenceNumber));
    const loaded = new Set(rowsOf(read()).map((row) => row.referenceNumber));
    const deep = references.filter((reference) => !inHead.has(reference) && loaded.has(reference));
    if (deep.length > MAX_ROW_REFRESHES) {
      write({ pages: [head], pageParams: [undefined] });
      return;
    }
    for (const reference of deep) {
      const row = await fetchRow(reference);
      const current = read();
      if (isStopped || !current) return;
      const keep = row && matchesFilters(row, filters, options.myUserId) ? row : undefined;
      write(replaceRow(current, reference, keep, filters.sort));
    }
  }

  async function run() {
    if (isRunning) {
      isDirty = true;
      return;
    }
    isRunning = true;
    try {
      do {
        isDirty = false;
        await refreshOnce();
      } while (isDirty && !isStopped);
    } catch {
      // A failed refresh leaves the list as it was; the next event or reconnection tries again.
    } finally {
      isRunning = false;
    }
  }

  return {
    /** Something changed (these cases, or anything when none are named): bring the list up to date. */
    refresh(references: string[] = []) {
      for (const reference of references) changed.add(reference);
      void run();
    },
    /** Shows the rows that were held back while the reader was scrolled down. */
    applyArrivals() {
      const current = read();
      if (!current || !lastHead) return;
      write(mergeHead(current, lastHead, { sort: filters.sort, holdArrivals: false }).data);
      options.onArrivals([]);
    },
    stop() {
      isStopped = true;
    },
  };
}

/**
 * The case list of the inbox: keyset pages through useInfiniteQuery, kept live by the WebSocket.
 * `isHolding` tells whether the reader is scrolled down, in which case new cases wait behind a pill.
 */
export function useInboxList(filters: InboxFilters, options: { isHolding: () => boolean }) {
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const live = useLive();
  // Equal filters from a new object (every render of the page) must keep the same list.
  const keyText = JSON.stringify(normalizeFilters(filters));
  const key = useMemo(() => inboxListKey(JSON.parse(keyText) as InboxFilters), [keyText]);
  const normalized = key[2];
  const [arrivals, setArrivals] = useState<CaseRow[]>([]);
  const isHoldingRef = useRef(options.isHolding);
  isHoldingRef.current = options.isHolding;

  const query = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam, signal }) => {
      const prefetched = pageParam === undefined ? takeBootPrefetch(keyText) : undefined;
      return prefetched
        ? prefetched.page.catch(() => fetchPage(normalized, undefined, signal))
        : fetchPage(normalized, pageParam, signal);
    },
    initialData: () => {
      const answer = bootPrefetch?.answer ? takeBootPrefetch(keyText)?.answer : undefined;
      return answer ? { pages: [answer], pageParams: [undefined] } : undefined;
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: CasePage) => last.nextCursor ?? undefined,
    // Live events keep the list current; a refetch of every loaded page is never needed.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });

  const sync = useMemo(
    () =>
      createListSync({
        queryClient,
        key,
        filters: normalized,
        myUserId: user.id,
        isHolding: () => isHoldingRef.current(),
        onArrivals: setArrivals,
      }),
    [queryClient, key, normalized, user.id],
  );

  // Coming back to a list cached earlier: catch up with what happened while it was not on screen
  // (a list fetched a moment ago, as on the first load, needs nothing).
  useEffect(() => {
    const { changed, leave } = enterList();
    setArrivals([]);
    const state = queryClient.getQueryState(key);
    const isFresh = state !== undefined && Date.now() - state.dataUpdatedAt < FRESH_MS;
    if (state?.data && (!isFresh || changed.length > 0)) sync.refresh(changed);
    return () => {
      leave();
      sync.stop();
    };
  }, [sync, queryClient, key]);

  useLiveEvent((event) => {
    const reference = changedCaseOf(event);
    if (reference) sync.refresh([reference]);
  });

  // Whenever the socket (re)opens, events may have been missed: before it first opened, or while it
  // was down. The head catches up; the reader keeps their place.
  const lastStatus = useRef(live.status);
  useEffect(() => {
    if (live.status === 'open' && lastStatus.current !== 'open') sync.refresh();
    lastStatus.current = live.status;
  }, [live.status, sync]);

  const rows = useMemo(() => rowsOf(query.data as ListData | undefined), [query.data]);
  const applyArrivals = useCallback(() => sync.applyArrivals(), [sync]);
  const refreshCases = useCallback((references: string[]) => sync.refresh(references), [sync]);
  return { query, rows, arrivals, applyArrivals, refreshCases };
}
