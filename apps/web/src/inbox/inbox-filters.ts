import type { BuiltInViewKey, CaseFilters, caseListItem, caseSummary } from '@sada/contracts';
import { BUILT_IN_VIEWS } from '@sada/core';
import type { z } from 'zod';
import type { Wire } from '../api/client.ts';

/** One row of the case list as the API sends it. */
// A row refreshed from a case's own page (a live update) lacks the list's SLA columns until the list reloads.
export type CaseRow = Wire<z.infer<typeof caseSummary>> &
  Partial<Pick<Wire<z.infer<typeof caseListItem>>, 'slaDueAt' | 'slaStatus'>>;
export type CaseSort = CaseFilters['sort'];

/** The case-list filters, all optional: what the API takes and what a saved view stores. */
export type InboxFilters = Partial<CaseFilters>;

export const LIST_FILTER_KEYS = [
  'status',
  'team',
  'assignee',
  'priority',
  'channel',
  'kind',
  'category',
  'product',
  'region',
  'sentiment',
  'tag',
  'weekday',
  'hour',
] as const;
export const TEXT_FILTER_KEYS = [
  'customer',
  'createdFrom',
  'createdTo',
  'q',
  'sort',
  'slaDueWithin',
] as const;
type ListKey = (typeof LIST_FILTER_KEYS)[number];
type TextKey = (typeof TEXT_FILTER_KEYS)[number];

export const DEFAULT_SORT: CaseSort = '-createdAt';
export const SORTS: readonly CaseSort[] = ['-createdAt', 'createdAt', '-updatedAt', 'priority'];

/** A built-in view of every console, or "all" (every case, every status: where header searches land). */
export type BuiltInKey = BuiltInViewKey | 'all';

// The filters the server counts each built-in view by (from @sada/core, which carries no zod), and "all".
export const BUILT_IN_FILTERS = Object.fromEntries([
  ...Object.values(BUILT_IN_VIEWS).map((view) => [view.key, view.filters]),
  ['all', {}],
]) as Record<BuiltInKey, InboxFilters>;
export const BUILT_IN_KEYS = Object.keys(BUILT_IN_FILTERS) as BuiltInKey[];
export const isBuiltInKey = (value: string): value is BuiltInKey => value in BUILT_IN_FILTERS;

// A URL value meaning "no filter on this key", overriding a view that has one.
const ANY = 'any';

const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined) => {
  const left = [...(a ?? [])].sort();
  const right = [...(b ?? [])].sort();
  return left.length === right.length && left.every((value, index) => value === right[index]);
};

function listValue(filters: InboxFilters, key: ListKey): string[] | undefined {
  const value = filters[key] as string[] | undefined;
  return value && value.length > 0 ? value : undefined;
}
function textValue(filters: InboxFilters, key: TextKey): string | undefined {
  const value = filters[key];
  return value ? String(value) : undefined;
}

/**
 * The filters a page shows: the view's own, with each key the URL names replacing the view's
 * (`?priority=P1` narrows the view; `?status=any` lifts the view's status filter).
 */
export function filtersFromSearch(view: InboxFilters, search: URLSearchParams): InboxFilters {
  const result: Record<string, unknown> = {};
  for (const key of LIST_FILTER_KEYS) {
    const values = search.has(key)
      ? search.getAll(key).filter((value) => value !== '')
      : listValue(view, key);
    if (values && values.length > 0 && !values.includes(ANY)) result[key] = values;
  }
  for (const key of TEXT_FILTER_KEYS) {
    const value = search.has(key) ? search.get(key) : textValue(view, key);
    if (value && value !== ANY) result[key] = value;
  }
  return result as InboxFilters;
}

/** The URL search of `wanted` on top of a view: only the keys that differ from the view's. */
export function searchFromFilters(view: InboxFilters, wanted: InboxFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of LIST_FILTER_KEYS) {
    const want = listValue(wanted, key);
    const base = listValue(view, key);
    if (sameList(want, base)) continue;
    if (want) for (const value of want) search.append(key, value);
    else search.set(key, ANY);
  }
  for (const key of TEXT_FILTER_KEYS) {
    const want = textValue(wanted, key);
    const base = textValue(view, key);
    if ((want ?? '') === (base ?? '')) continue;
    if (key === 'sort' && (want ?? DEFAULT_SORT) === (base ?? DEFAULT_SORT)) continue;
    search.set(key, want ?? ANY);
  }
  return search;
}

/** Filters with empty keys dropped and lists sorted: equal filters give equal query keys. */
export function normalizeFilters(filters: InboxFilters): InboxFilters {
  const result: Record<string, unknown> = {};
  for (const key of LIST_FILTER_KEYS) {
    const values = listValue(filters, key);
    if (values) result[key] = [...values].sort();
  }
  for (const key of TEXT_FILTER_KEYS) {
    const value = textValue(filters, key);
    if (value && !(key === 'sort' && value === DEFAULT_SORT)) result[key] = value;
  }
  return result as InboxFilters;
}

/** How many filters differ from none at all (the sort order does not count). */
export function countActiveFilters(filters: InboxFilters): number {
  const normalized = normalizeFilters(filters);
  return Object.keys(normalized).filter((key) => key !== 'sort').length;
}

/** Where `a` sits relative to `b` in the list's order (negative: before), as the server sorts. */
export function compareRows(a: CaseRow, b: CaseRow, sort: CaseSort = DEFAULT_SORT): number {
  const isDescending = sort.startsWith('-');
  const field = (isDescending ? sort.slice(1) : sort) as 'createdAt' | 'updatedAt' | 'priority';
  const byField = compareText(a[field], b[field]);
  const order = byField !== 0 ? byField : compareText(a.id, b.id);
  return isDescending ? -order : order;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Whether a case still belongs in a list with these filters, judged in the browser for a row that
 * changed. Full-text `q` cannot be judged here: a row that matched it keeps matching.
 */
export function matchesFilters(row: CaseRow, filters: InboxFilters, myUserId: string): boolean {
  const isIn = <T>(values: readonly T[] | undefined, value: T) => !values?.length || values.includes(value);
  const ids = (values: readonly string[] | undefined) =>
    values?.map((value) => (value === 'none' ? null : value === 'me' ? myUserId : value));
  if (!isIn(filters.status, row.status)) return false;
  if (!isIn(filters.priority, row.priority)) return false;
  if (!isIn(filters.channel, row.channel)) return false;
  if (!isIn(filters.kind, row.kind)) return false;
  // `none`: the field is not set.
  if (!isIn(filters.category, row.category ?? 'none')) return false;
  if (!isIn(filters.product, row.product ?? 'none')) return false;
  if (!isIn(filters.region, row.region ?? 'none')) return false;
  if (!isIn<string>(filters.sentiment, row.sentiment ?? 'none')) return false;
  if (!isIn(ids(filters.team), row.teamId)) return false;
  if (!isIn(ids(filters.assignee), row.assigneeId)) return false;
  if (filters.tag?.length && !filters.tag.some((tag) => row.tags.includes(tag))) return false;
  if (filters.customer && row.customerId !== filters.customer) return false;
  if (filters.createdFrom && Date.parse(row.createdAt) < Date.parse(filters.createdFrom)) return false;
  if (filters.createdTo && Date.parse(row.createdAt) > Date.parse(filters.createdTo)) return false;
  // The weekday and hour of creation (in the workspace's zone) never change: a row that matched them
  // keeps matching.
  return true;
}
