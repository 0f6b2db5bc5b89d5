import { Badge, Button, Group, NativeSelect, VisuallyHidden } from '@mantine/core';
import { IconBookmark, IconFilter, IconX } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeFilters, type Names, SORT_LABELS } from './filter-labels.ts';
import { DEFAULT_SORT, type InboxFilters, SORTS } from './inbox-filters.ts';

// The filter form pulls in the select widgets: it loads when first opened, not with the inbox.
const FilterDrawer = lazy(() =>
  import('./FilterDrawer.tsx').then((module) => ({ default: module.FilterDrawer })),
);

type FilterBarProps = {
  filters: InboxFilters;
  /** The view's own filters: the drawer's reset goes back to them. */
  viewFilters: InboxFilters;
  hasOverrides: boolean;
  names: Names;
  onChange: (filters: InboxFilters) => void;
  onReset: () => void;
  onSaveAsView: (() => void) | undefined;
};

/** Sort, the active filters as removable chips, the filter drawer, and "save as a view". */
export function FilterBar(props: FilterBarProps) {
  const { filters } = props;
  const { t, i18n } = useTranslation(['inbox', 'common']);
  const [isDrawerOpen, setDrawerOpen] = useState(false);
  const [hasOpenedDrawer, setHasOpenedDrawer] = useState(false);
  const labels = describeFilters(filters, t, props.names, i18n.language);

  const remove = (key: keyof InboxFilters) => {
    const next = { ...filters };
    delete next[key];
    props.onChange(next);
  };

  return (
    <Group gap="xs" px="md" py="xs" wrap="wrap" justify="space-between">
      <Group gap={6} wrap="wrap">
        <Button
          size="compact-sm"
          variant="default"
          leftSection={<IconFilter size={14} aria-hidden />}
          rightSection={
            labels.length > 0 ? (
              <Badge size="xs" circle color="dark" aria-hidden>
                {labels.length}
              </Badge>
            ) : undefined
          }
          onClick={() => {
            setHasOpenedDrawer(true);
            setDrawerOpen(true);
          }}
          data-testid="filters-button"
        >
          {t('filters.button')}
          {labels.length > 0 && (
            <VisuallyHidden> ({t('filters.active', { count: labels.length })})</VisuallyHidden>
          )}
        </Button>
        {labels.map(({ key, label }) => (
          <Button
            key={key}
            size="compact-sm"
            variant="default"
            radius="xl"
            fw={400}
            rightSection={<IconX size={12} aria-hidden />}
            onClick={() => remove(key)}
            data-filter-chip={key}
          >
            <VisuallyHidden>{t('filters.remove', { name: '' })}</VisuallyHidden>
            {label}
          </Button>
        ))}
        {props.hasOverrides && (
          <Button size="compact-sm" variant="subtle" color="dark" onClick={props.onReset}>
            {t('filters.reset')}
          </Button>
        )}
      </Group>
      <Group gap={6} wrap="nowrap">
        {props.onSaveAsView && (
          <Button
            size="compact-sm"
            variant="default"
            leftSection={<IconBookmark size={14} aria-hidden />}
            onClick={props.onSaveAsView}
          >
            {t('filters.saveAsView')}
          </Button>
        )}
        <NativeSelect
          size="xs"
          aria-label={t('filters.sort')}
          value={filters.sort ?? DEFAULT_SORT}
          onChange={(event) =>
            props.onChange({ ...filters, sort: event.currentTarget.value as InboxFilters['sort'] })
          }
          data={SORTS.map((sort) => ({ value: sort, label: t(`filters.sorts.${SORT_LABELS[sort]}`) }))}
        />
      </Group>
      {hasOpenedDrawer && (
        <Suspense fallback={null}>
          <FilterDrawer
            opened={isDrawerOpen}
            onClose={() => setDrawerOpen(false)}
            filters={filters}
            viewFilters={props.viewFilters}
            onApply={(next) => {
              props.onChange(next);
              setDrawerOpen(false);
            }}
          />
        </Suspense>
      )}
    </Group>
  );
}
