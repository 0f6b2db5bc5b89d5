import { Button, Checkbox, Loader, Text, VisuallyHidden } from '@mantine/core';
import { IconArrowUp } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  memo,
  type RefObject,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '../api/client.ts';
import { prefetchCasePageOn } from '../cases/load-case-page.ts';
import { useNow } from '../cases/useNow.ts';
import { CaseRow, ROW_HEIGHT, useRowText } from './CaseRow.tsx';
import classes from './inbox.module.css';
import type { CaseRow as CaseRowData } from './inbox-filters.ts';
import { useListKeyboard } from './useListKeyboard.ts';

// Where each list was left (scroll offset and keyboard row), so coming back from a case returns there.
const positions = new Map<string, { offset: number; activeIndex: number }>();
// Rows within half a row of the top count as "at the top": new cases then join the list directly.
const TOP_SLACK = ROW_HEIGHT / 2;
// Start loading the next page this many rows before the end.
const PREFETCH_ROWS = 20;

const rowHeight = () => ROW_HEIGHT;

export const isScrolledDown = (scroller: HTMLElement | null) => (scroller?.scrollTop ?? 0) > TOP_SLACK;

type CaseListProps = {
  rows: CaseRowData[];
  label: string;
  /** The number of cases the view holds, when known (its counter). */
  totalCount: number | undefined;
  positionKey: string;
  scrollerRef: RefObject<HTMLDivElement | null>;
  paging: {
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    nextPageError: unknown;
    fetchNextPage: () => void;
  };
  selection: ReadonlySet<string> | undefined;
  onSelectionChange: (selection: Set<string>) => void;
  names: { users: Map<string, string>; teams: Map<string, string> };
  arrivals: number;
  onShowArrivals: () => void;
};

/** The virtualised case table: thousands of rows, only the visible ones in the page. */
export function CaseList(props: CaseListProps) {
  const { rows, scrollerRef, paging, selection } = props;
  const navigate = useNavigate();
  const remembered = positions.get(props.positionKey);
  const [activeIndex, setActiveIndex] = useState(remembered?.activeIndex ?? -1);
  const lastToggled = useRef<number | undefined>(undefined);
  const now = useNow(30_000);
  const text = useRowText();
  const hasLoaderRow = paging.hasNextPage || Boolean(paging.nextPageError);

  // Stable functions: the virtualiser recomputes every row's position when they change identity.
  const getItemKey = useCallback((index: number) => rows[index]?.id ?? 'more', [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length + (hasLoaderRow ? 1 : 0),
    getScrollElement: useCallback(() => scrollerRef.current, [scrollerRef]),
    estimateSize: rowHeight,
    overscan: 8,
    initialOffset: remembered?.offset ?? 0,
    getItemKey,
    // The list fills the window's height: its first render already has rows, before it is measured.
    initialRect: { width: window.innerWidth, height: window.innerHeight },
  });
  const items = virtualizer.getVirtualItems();

  // Near the end of what is loaded: ask for the next keyset page.
  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (lastIndex >= rows.length - PREFETCH_ROWS && paging.hasNextPage && !paging.isFetchingNextPage) {
      if (!paging.nextPageError) paging.fetchNextPage();
    }
  }, [lastIndex, rows.length, paging]);

  // The case page loads once a pointer or the keyboard reaches a case link (one listener, not one per row).
  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    scroller.addEventListener('pointerover', prefetchCasePageOn);
    scroller.addEventListener('focusin', prefetchCasePageOn);
    return () => {
      scroller.removeEventListener('pointerover', prefetchCasePageOn);
      scroller.removeEventListener('focusin', prefetchCasePageOn);
    };
  }, [scrollerRef]);

  useScrollMemory({
    scrollerRef,
    rows,
    positionKey: props.positionKey,
    activeIndex,
    arrivals: props.arrivals,
    onShowArrivals: props.onShowArrivals,
  });

  const openCase = useCallback(
    (referenceNumber: string, index: number) => {
      setActiveIndex(index);
      navigate(`/cases/${encodeURIComponent(referenceNumber)}`);
    },
    [navigate],
  );

  const { onSelectionChange } = props;
  const toggle = useCallback(
    (referenceNumber: string, index: number, isRange: boolean) => {
      if (!selection) return;
      const next = new Set(selection);
      const shouldSelect = !next.has(referenceNumber);
      const from = isRange && lastToggled.current !== undefined ? lastToggled.current : index;
      for (let position = Math.min(from, index); position <= Math.max(from, index); position++) {
        const reference = rows[position]?.referenceNumber;
        if (!reference) continue;
        if (shouldSelect) next.add(reference);
        else next.delete(reference);
      }
      lastToggled.current = index;
      onSelectionChange(next);
    },
    [selection, rows, onSelectionChange],
  );

  useListKeyboard({
    rows,
    activeIndex,
    setActiveIndex,
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    onOpen: openCase,
    onToggle: selection ? (index) => toggle(rows[index]!.referenceNumber, index, false) : undefined,
  });

  // Tabbing or clicking into a row makes it the keyboard's row too.
  const followFocus = (event: React.FocusEvent) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-case-row]');
    const index = Number(row?.dataset.index ?? -1);
    if (row && index >= 0 && index !== activeIndex) setActiveIndex(index);
  };

  const selectedCount = useMemo(
    () => (selection ? rows.filter((row) => selection.has(row.referenceNumber)).length : 0),
    [selection, rows],
  );
  const { onSelectionChange: changeSelection } = props;
  const toggleAll = useCallback(() => {
    if (!selection) return;
    changeSelection(
      selectedCount === rows.length ? new Set() : new Set(rows.map((row) => row.referenceNumber)),
    );
  }, [selection, selectedCount, rows, changeSelection]);

  const setSize = props.totalCount ?? (paging.hasNextPage ? -1 : rows.length);
  return (
    <div className={classes.table}>
      <ListHeader
        canSelect={selection !== undefined}
        isAllSelected={rows.length > 0 && selectedCount === rows.length}
        isSomeSelected={selectedCount > 0 && selectedCount < rows.length}
        onToggleAll={toggleAll}
      />
      <Arrivals count={props.arrivals} onShow={props.onShowArrivals} scrollerRef={scrollerRef} />
      <div ref={scrollerRef} className={classes.scroller} data-testid="case-list">
        <ul
          aria-label={props.label}
          className={classes.rows}
          style={{ height: virtualizer.getTotalSize() }}
          onFocus={followFocus}
        >
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) {
              return (
                <li
                  key="more"
                  className={classes.loaderRow}
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <MoreRows paging={paging} />
                </li>
              );
            }
            return (
              <CaseRow
                key={row.id}
                row={row}
                index={item.index}
                setSize={setSize}
                start={item.start}
                now={now}
                text={text}
                isSelected={selection?.has(row.referenceNumber) ?? false}
                isActive={item.index === activeIndex}
                canSelect={selection !== undefined}
                assigneeName={row.assigneeId ? props.names.users.get(row.assigneeId) : undefined}
                teamName={row.teamId ? props.names.teams.get(row.teamId) : undefined}
                onToggle={toggle}
                onOpen={openCase}
              />
            );
          })}
        </ul>
      </div>
    </div>
  );
}

/** The "new cases" pill while the reader is scrolled down, and its announcement to screen readers. */
const Arrivals = memo(function Arrivals(props: {
  count: number;
  onShow: () => void;
  scrollerRef: RefObject<HTMLDivElement | null>;
}) {
  const { t } = useTranslation('inbox');
  return (
    <>
      {props.count > 0 && (
        <Button
          className={classes.pill}
          size="compact-sm"
          radius="xl"
          leftSection={<IconArrowUp size={14} aria-hidden />}
          onClick={() => {
            props.onShow();
            props.scrollerRef.current?.scrollTo({ top: 0 });
          }}
          data-testid="new-cases-pill"
        >
          {t('list.newCases', { count: props.count })}
        </Button>
      )}
      <VisuallyHidden role="status" aria-live="polite">
        {props.count > 0 ? t('list.newCasesAnnounced', { count: props.count }) : ''}
      </VisuallyHidden>
    </>
  );
});

/** Column titles and the select-all box; memoised, as the list re-renders in every scrolled frame. */
const ListHeader = memo(function ListHeader(props: {
  canSelect: boolean;
  isAllSelected: boolean;
  isSomeSelected: boolean;
  onToggleAll: () => void;
}) {
  const { t } = useTranslation('inbox');
  return (
    <div className={classes.header}>
      <div className={classes.cell}>
        {props.canSelect && (
          <Checkbox
            size="xs"
            aria-label={t('list.selectAll')}
            checked={props.isAllSelected}
            indeterminate={props.isSomeSelected}
            onChange={props.onToggleAll}
          />
        )}
      </div>
      {/* Column titles are for the eye: each row's cells speak for themselves. */}
      <div className={classes.cell} aria-hidden />
      <div className={`${classes.cell} ${classes.optional}`} aria-hidden>
        {t('list.columns.customer')}
      </div>
      <div className={classes.cell} aria-hidden>
        {t('list.columns.subject')}
      </div>
      <div className={classes.cell} aria-hidden>
        {t('list.columns.priority')}
      </div>
      <div className={`${classes.cell} ${classes.optional}`} aria-hidden>
        {t('list.columns.status')}
      </div>
      <div className={`${classes.cell} ${classes.optional}`} aria-hidden>
        {t('list.columns.assignee')}
      </div>
      <div className={`${classes.cell} ${classes.age}`} aria-hidden>
        {t('list.columns.age')}
      </div>
    </div>
  );
});

function MoreRows({ paging }: { paging: CaseListProps['paging'] }) {
  const { t } = useTranslation('inbox');
  if (paging.nextPageError) {
    return (
      <Text size="sm" c="red.9" role="alert">
        {t('list.loadMoreFailed', { message: errorMessage(paging.nextPageError) })}{' '}
        <Button size="compact-xs" variant="light" color="red" onClick={paging.fetchNextPage}>
          {t('states.retry', { ns: 'common' })}
        </Button>
      </Text>
    );
  }
  return (
    <Text
      size="sm"
      c="gray.7"
      component="span"
      style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}
    >
      <Loader size="xs" />
      {t('list.loadingMore')}
    </Text>
  );
}

type ScrollMemoryOptions = {
  scrollerRef: RefObject<HTMLDivElement | null>;
  rows: CaseRowData[];
  positionKey: string;
  activeIndex: number;
  arrivals: number;
  onShowArrivals: () => void;
};

/**
 * Remembers where the list is (to come back to it from a case), shows held-back arrivals once the
 * reader is back at the top, and keeps the row at the top of the viewport in place when rows above
 * it change (a case resolved elsewhere leaves an open view) instead of sliding the list away.
 */
function useScrollMemory(options: ScrollMemoryOptions) {
  const { scrollerRef, rows } = options;
  const latest = useRef(options);
  latest.current = options;
  const anchor = useRef<{ id: string; index: number } | undefined>(undefined);

  // One listener, in the capture phase so it runs before the virtualiser re-renders the rows: reading
  // scrollTop after they changed would make the browser lay the page out again in every frame.
  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const onScroll = () => {
      const { rows, positionKey, activeIndex, arrivals, onShowArrivals } = latest.current;
      const offset = scroller.scrollTop;
      positions.set(positionKey, { offset, activeIndex });
      const top = Math.floor(offset / ROW_HEIGHT);
      const row = rows[top];
      anchor.current = row ? { id: row.id, index: top } : undefined;
      if (arrivals > 0 && offset <= TOP_SLACK) onShowArrivals();
    };
    scroller.addEventListener('scroll', onScroll, { capture: true, passive: true });
    return () => scroller.removeEventListener('scroll', onScroll, { capture: true });
  }, [scrollerRef]);

  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const previous = anchor.current;
    if (previous && scroller.scrollTop > TOP_SLACK) {
      const index = rows.findIndex((row) => row.id === previous.id);
      if (index >= 0 && index !== previous.index) scroller.scrollTop += (index - previous.index) * ROW_HEIGHT;
    }
    const top = Math.floor(scroller.scrollTop / ROW_HEIGHT);
    const row = rows[top];
    anchor.current = row ? { id: row.id, index: top } : undefined;
  }, [rows, scrollerRef]);

  useEffect(() => {
    positions.set(options.positionKey, {
      offset: scrollerRef.current?.scrollTop ?? 0,
      activeIndex: options.activeIndex,
    });
  }, [options.activeIndex, options.positionKey, scrollerRef]);
}
