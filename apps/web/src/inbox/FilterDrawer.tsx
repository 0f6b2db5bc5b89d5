import {
  Button,
  Drawer,
  Group,
  MultiSelect,
  SimpleGrid,
  Stack,
  TagsInput,
  TextInput,
  useDirection,
} from '@mantine/core';
import { CASE_KINDS, CASE_STATUSES, CHANNELS, PRIORITIES, SENTIMENTS } from '@sada/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateOf, isoOf } from './filter-labels.ts';
import { useTeams, useUsers } from './inbox-data.ts';
import type { InboxFilters, LIST_FILTER_KEYS } from './inbox-filters.ts';

type ListFilterKey = (typeof LIST_FILTER_KEYS)[number];

type FilterDrawerProps = {
  opened: boolean;
  onClose: () => void;
  filters: InboxFilters;
  viewFilters: InboxFilters;
  onApply: (filters: InboxFilters) => void;
};

/** Every filter of the case list in one form; nothing changes until "Show cases". */
export function FilterDrawer(props: FilterDrawerProps) {
  const { t } = useTranslation(['inbox', 'common']);
  const { dir } = useDirection();
  const users = useUsers();
  const teams = useTeams();
  const [draft, setDraft] = useState<InboxFilters>(props.filters);
  useEffect(() => {
    if (props.opened) setDraft(props.filters);
  }, [props.opened, props.filters]);

  const set = <K extends keyof InboxFilters>(key: K, value: InboxFilters[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const list = (values: string[]) => (values.length > 0 ? values : undefined);
  const vocabulary = (
    values: readonly string[],
    name: 'status' | 'priority' | 'kind' | 'channel' | 'sentiment',
  ) => values.map((value) => ({ value, label: t(`common:${name}.${value}` as 'common:status.open') }));
  // One multiple choice per list filter; an empty choice means no filter on that key.
  const listFilter = (key: ListFilterKey, data: { value: string; label: string }[], isSearchable = false) => (
    <MultiSelect
      label={t(`filters.${key}`)}
      data={data}
      value={(draft[key] as string[] | undefined) ?? []}
      onChange={(values) => setDraft((current) => ({ ...current, [key]: list(values) }))}
      searchable={isSearchable}
      clearable
    />
  );

  const teamOptions = [
    { value: 'none', label: t('filters.noTeam') },
    ...(teams.data ?? []).map((team) => ({ value: team.id, label: team.name })),
  ];
  const assigneeOptions = [
    { value: 'me', label: t('filters.me') },
    { value: 'none', label: t('filters.nobody') },
    ...(users.data ?? [])
      .filter((user) => user.isActive)
      .map((user) => ({ value: user.id, label: user.name })),
  ];

  return (
    <Drawer
      opened={props.opened}
      onClose={props.onClose}
      title={t('filters.title')}
      position={dir === 'rtl' ? 'left' : 'right'}
      size="md"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          props.onApply(draft);
        }}
      >
        <Stack gap="sm">
          {listFilter('status', vocabulary(CASE_STATUSES, 'status'))}
          <SimpleGrid cols={2} spacing="sm">
            {listFilter('priority', vocabulary(PRIORITIES, 'priority'))}
            {listFilter('kind', vocabulary(CASE_KINDS, 'kind'))}
          </SimpleGrid>
          <SimpleGrid cols={2} spacing="sm">
            {listFilter('channel', vocabulary(CHANNELS, 'channel'))}
            {listFilter('sentiment', [
              ...vocabulary(SENTIMENTS, 'sentiment'),
              { value: 'none', label: t('filters.notSet') },
            ])}
          </SimpleGrid>
          {listFilter('team', teamOptions, true)}
          {listFilter('assignee', assigneeOptions, true)}
          <TagsInput
            label={t('filters.category')}
            description={t('filters.typeAndEnter')}
            value={draft.category ?? []}
            onChange={(values) => set('category', list(values))}
            clearable
          />
          <SimpleGrid cols={2} spacing="sm">
            <TagsInput
              label={t('filters.product')}
              description={t('filters.typeAndEnter')}
              value={draft.product ?? []}
              onChange={(values) => set('product', list(values))}
              clearable
            />
            <TagsInput
              label={t('filters.region')}
              description={t('filters.typeAndEnter')}
              value={draft.region ?? []}
              onChange={(values) => set('region', list(values))}
              clearable
            />
          </SimpleGrid>
          <TagsInput
            label={t('filters.tag')}
            description={t('filters.typeAndEnter')}
            value={draft.tag ?? []}
            onChange={(values) => set('tag', list(values))}
            clearable
          />
          <SimpleGrid cols={2} spacing="sm">
            <TextInput
              type="date"
              label={t('filters.createdFrom')}
              value={dateOf(draft.createdFrom)}
              onChange={(event) => set('createdFrom', isoOf(event.currentTarget.value, 'start'))}
            />
            <TextInput
              type="date"
              label={t('filters.createdTo')}
              value={dateOf(draft.createdTo)}
              onChange={(event) => set('createdTo', isoOf(event.currentTarget.value, 'end'))}
            />
          </SimpleGrid>
          <TextInput
            label={t('filters.q')}
            value={draft.q ?? ''}
            onChange={(event) => set('q', event.currentTarget.value || undefined)}
            maxLength={200}
          />
          <Group justify="space-between" mt="sm">
            <Button
              variant="subtle"
              color="dark"
              onClick={() => setDraft({ ...props.viewFilters, sort: draft.sort })}
            >
              {t('filters.reset')}
            </Button>
            <Button type="submit">{t('filters.apply')}</Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}
