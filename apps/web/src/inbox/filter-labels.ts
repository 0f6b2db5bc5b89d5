import type { TFunction } from 'i18next';
import { localeOf } from '../i18n/index.ts';
import { type CaseSort, type InboxFilters, LIST_FILTER_KEYS } from './inbox-filters.ts';

export type Names = { users: Map<string, string>; teams: Map<string, string> };
export type FilterKey = keyof InboxFilters;
export type FilterLabel = { key: FilterKey; label: string };

export const SORT_LABELS: Record<CaseSort, 'newest' | 'oldest' | 'updated' | 'urgent'> = {
  '-createdAt': 'newest',
  createdAt: 'oldest',
  '-updatedAt': 'updated',
  updatedAt: 'oldest',
  priority: 'urgent',
  '-priority': 'urgent',
};

/** A date-time filter as the date a person picked (yyyy-mm-dd, local). */
export function dateOf(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A picked date as the API's date-time: the start of that day, or its end for "until". */
export function isoOf(date: string, edge: 'start' | 'end'): string | undefined {
  if (!date) return undefined;
  const value = new Date(`${date}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}`);
  return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
}

// Fields whose `none` means "not set" (team and assignee name theirs: no team, nobody).
const CAN_BE_NOT_SET: ReadonlySet<string> = new Set(['category', 'product', 'region', 'sentiment']);

/** Each active filter as one line a person reads: "Priority: P1 · Urgent or P2 · High". */
export function describeFilters(
  filters: InboxFilters,
  t: TFunction<['inbox', 'common']>,
  names: Names,
  language: string,
): FilterLabel[] {
  // A case matches any of a filter's values: "A, B or C".
  const anyOf = new Intl.ListFormat(localeOf(language), { type: 'disjunction' });
  const weekday = new Intl.DateTimeFormat(localeOf(language), { weekday: 'long', timeZone: 'UTC' });
  const valueLabel = (key: (typeof LIST_FILTER_KEYS)[number], value: string): string => {
    if (value === 'none' && CAN_BE_NOT_SET.has(key)) return t('inbox:filters.notSet');
    switch (key) {
      case 'status':
        return t(`common:status.${value as 'open'}`);
      case 'priority':
        return t(`common:priority.${value as 'P1'}`);
      case 'channel':
        return t(`common:channel.${value as 'email'}`);
      case 'kind':
        return t(`common:kind.${value as 'complaint'}`);
      case 'sentiment':
        return t(`common:sentiment.${value as 'negative'}`);
      case 'team':
        return value === 'none' ? t('inbox:filters.noTeam') : (names.teams.get(value) ?? '…');
      case 'assignee':
        if (value === 'me') return t('inbox:filters.me');
        if (value === 'none') return t('inbox:filters.nobody');
        return names.users.get(value) ?? '…';
      case 'category':
      case 'product':
      case 'region':
      case 'tag':
        return value;
      case 'weekday':
        // 0 is Sunday: 4 January 2026 was one.
        return weekday.format(new Date(Date.UTC(2026, 0, 4 + Number(value))));
      case 'hour':
        return t('inbox:filters.hourOf', { hour: value.padStart(2, '0') });
    }
  };
  const labels: FilterLabel[] = [];
  for (const key of LIST_FILTER_KEYS) {
    const values = filters[key] as string[] | undefined;
    if (!values?.length) continue;
    const text = anyOf.format(values.map((value) => valueLabel(key, value)));
    labels.push({ key, label: `${t(`inbox:filters.${key}`)}: ${text}` });
  }
  if (filters.createdFrom)
    labels.push({
      key: 'createdFrom',
      label: `${t('inbox:filters.createdFrom')}: ${dateOf(filters.createdFrom)}`,
    });
  if (filters.createdTo)
    labels.push({ key: 'createdTo', label: `${t('inbox:filters.createdTo')}: ${dateOf(filters.createdTo)}` });
  if (filters.customer) labels.push({ key: 'customer', label: t('inbox:filters.customer') });
  if (filters.q) labels.push({ key: 'q', label: t('inbox:filters.search', { q: filters.q }) });
  return labels;
}
