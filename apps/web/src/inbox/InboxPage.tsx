import { Badge, Button, Group, Title } from '@mantine/core';
import { can } from '@sada/core';
import { lazy, Suspense, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useCurrentUser } from '../auth/session.ts';
import { EmptyStateWithLink } from '../ui/EmptyStateWithLink.tsx';
import { useFormatters } from '../ui/format.ts';
import { EmptyState, ErrorState, LoadingState } from '../ui/states.tsx';
import { CaseList, isScrolledDown } from './CaseList.tsx';
import { FilterBar } from './FilterBar.tsx';
import classes from './inbox.module.css';
import { type InboxView, useInboxView, useNames, useViewCounts } from './inbox-data.ts';
import {
  filtersFromSearch,
  type InboxFilters,
  LIST_FILTER_KEYS,
  normalizeFilters,
  searchFromFilters,
  TEXT_FILTER_KEYS,
} from './inbox-filters.ts';
import { useInboxList } from './useInboxList.ts';

// Shown only once a case is selected or a view is being saved: outside the first bundle.
const BulkBar = lazy(() => import('./BulkBar.tsx').then((module) => ({ default: module.BulkBar })));
const SavedViewModal = lazy(() =>
  import('./SavedViewModal.tsx').then((module) => ({ default: module.SavedViewModal })),
);

/** The inbox: one view's cases, live, with filters, bulk actions and the keyboard. */
export function InboxPage() {
  const { t } = useTranslation('inbox');
  const { view: key = 'mine' } = useParams();
  const view = useInboxView(key);
  switch (view.kind) {
    case 'loading':
      return <LoadingState />;
    case 'failed':
      return <ErrorState error={view.error} onRetry={view.retry} />;
    case 'missing':
      return (
        <EmptyStateWithLink message={t('list.viewMissing')} to="/inbox/open" label={t('list.seeAllOpen')} />
      );
    default:
      return <ViewInbox key={view.key} view={view} />;
  }
}

const FILTER_KEYS: readonly string[] = [...LIST_FILTER_KEYS, ...TEXT_FILTER_KEYS];

function ViewInbox({ view }: { view: Extract<InboxView, { kind: 'built-in' | 'saved' }> }) {
  const { t } = useTranslation('inbox');
  const format = useFormatters();
  const user = useCurrentUser();
  const names = useNames();
  const counts = useViewCounts();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(view.filters, searchParams), [view.filters, searchParams]);
  const hasOverrides = FILTER_KEYS.some((key) => searchParams.has(key));
  const scrollerRef = useRef<HTMLDivElement>(null);
  const list = useInboxList(filters, { isHolding: () => isScrolledDown(scrollerRef.current) });
  const canSelect = can(user.role, 'case:write');
  const [selection, setSelection] = useState<Set<string>>(() => new Set());
  const [isSaving, setSaving] = useState(false);

  // A new set of filters is a new list: what was selected there is forgotten.
  const filterKey = JSON.stringify(normalizeFilters(filters));
  const [selectionFilterKey, setSelectionFilterKey] = useState(filterKey);
  if (selectionFilterKey !== filterKey) {
    setSelectionFilterKey(filterKey);
    setSelection(new Set());
  }
  // Only cases still in the list can be acted on: one that left the view leaves the selection.
  const selected = list.rows
    .filter((row) => selection.has(row.referenceNumber))
    .map((row) => row.referenceNumber);

  const setFilters = (next: InboxFilters) =>
    setSearchParams(searchFromFilters(view.filters, next), { preventScrollReset: true });
  const resetFilters = () => setSearchParams(new URLSearchParams());
  const total = hasOverrides ? undefined : counts.data?.[view.key];
  const { query } = list;
  const paging = useMemo(
    () => ({
      hasNextPage: query.hasNextPage,
      isFetchingNextPage: query.isFetchingNextPage,
      nextPageError: query.isFetchNextPageError ? query.error : undefined,
      fetchNextPage: () => void query.fetchNextPage(),
    }),
    [
      query.hasNextPage,
      query.isFetchingNextPage,
      query.isFetchNextPageError,
      query.error,
      query.fetchNextPage,
    ],
  );

  return (
    <div className={classes.page}>
      <Group gap="sm" px="md" pt="md" wrap="nowrap">
        <Title order={1} size="h3">
          {view.name}
        </Title>
        {total !== undefined && (
          <Badge
            variant="default"
            size="lg"
            aria-label={t('list.total', { count: total })}
            data-testid="view-total"
          >
            {format.number(total)}
          </Badge>
        )}
      </Group>
      <FilterBar
        filters={filters}
        viewFilters={view.filters}
        hasOverrides={hasOverrides}
        names={names}
        onChange={setFilters}
        onReset={resetFilters}
        onSaveAsView={hasOverrides ? () => setSaving(true) : undefined}
      />
      {query.isPending ? (
        <LoadingState />
      ) : query.isError && !query.isFetchNextPageError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : list.rows.length === 0 ? (
        <EmptyInbox viewKey={view.key} hasOverrides={hasOverrides} onReset={resetFilters} />
      ) : (
        <CaseList
          rows={list.rows}
          label={t('list.label', { view: view.name })}
          totalCount={total}
          positionKey={`${view.key}?${searchParams.toString()}`}
          scrollerRef={scrollerRef}
          paging={paging}
          selection={canSelect ? selection : undefined}
          onSelectionChange={setSelection}
          names={names}
          arrivals={list.arrivals.length}
          onShowArrivals={list.applyArrivals}
        />
      )}
      {selected.length > 0 && (
        <Suspense fallback={null}>
          <BulkBar
            references={selected}
            onClear={() => setSelection(new Set())}
            onDone={(changed, failed) => {
              setSelection(new Set(failed));
              list.refreshCases(changed);
            }}
          />
        </Suspense>
      )}
      {isSaving && (
        <Suspense fallback={null}>
          <SavedViewModal filters={filters} onClose={() => setSaving(false)} />
        </Suspense>
      )}
    </div>
  );
}

function EmptyInbox(props: { viewKey: string; hasOverrides: boolean; onReset: () => void }) {
  const { t } = useTranslation('inbox');
  if (props.hasOverrides) {
    return (
      <EmptyState
        message={t('list.emptyFiltered')}
        action={
          <Button variant="default" onClick={props.onReset}>
            {t('list.clearFilters')}
          </Button>
        }
      />
    );
  }
  if (props.viewKey === 'mine') {
    return <EmptyStateWithLink message={t('list.emptyMine')} to="/inbox/open" label={t('list.seeAllOpen')} />;
  }
  return <EmptyState message={t('list.empty')} />;
}
