import type { savedView, team, user } from '@sada/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { matchPath, useLocation } from 'react-router';
import type { z } from 'zod';
import { api, type Wire } from '../api/client.ts';
import { BUILT_IN_FILTERS, filtersFromSearch, type InboxFilters, isBuiltInKey } from './inbox-filters.ts';

export type SavedView = Wire<z.infer<typeof savedView>>;
export type User = Wire<z.infer<typeof user>>;
export type Team = Wire<z.infer<typeof team>>;

export const savedViewsKey = ['views', 'list'] as const;
// LiveProvider marks this key stale on every case event: the counters follow the workspace live.
export const viewCountsKey = ['views', 'counts'] as const;

/** The signed-in user's saved views and the workspace's shared ones. */
export function useSavedViews() {
  return useQuery({
    queryKey: savedViewsKey,
    queryFn: async () => (await api.get<{ items: SavedView[] }>('/api/views')).items,
    staleTime: 60_000,
  });
}

// Every case event marks the counters stale, and each refresh is one COUNT per view on the server. A
// refresh waits a moment (so the list's own request goes first) and runs at most once a second; a
// new event while it waits cancels and restarts it, so a burst of events costs one refresh.
const COUNTS_DELAY_MS = 150;
const COUNTS_INTERVAL_MS = 1000;
let countsFetchedAt = 0;

function pause(ms: number, signal: AbortSignal) {
  return new Promise<void>((resolve, reject) => {
    if (ms <= 0) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

/** Cases per view (built-in keys and saved view ids), refreshed by the live socket. */
export function useViewCounts() {
  return useQuery({
    queryKey: viewCountsKey,
    queryFn: async ({ signal }) => {
      if (countsFetchedAt > 0) {
        await pause(Math.max(COUNTS_DELAY_MS, countsFetchedAt + COUNTS_INTERVAL_MS - Date.now()), signal);
      }
      countsFetchedAt = Date.now();
      return (await api.get<{ counts: Record<string, number> }>('/api/views/counts', { signal })).counts;
    },
    staleTime: 30_000,
    retry: false,
  });
}

/** The workspace's users, for assignee names and the assign menu. */
export function useUsers() {
  return useQuery({
    queryKey: ['users'],
    queryFn: () => api.get<User[]>('/api/users'),
    staleTime: 5 * 60_000,
  });
}

export function useTeams() {
  return useQuery({
    queryKey: ['teams'],
    queryFn: () => api.get<Team[]>('/api/teams'),
    staleTime: 5 * 60_000,
  });
}

/** Id → name of users and teams; empty until they load (rows then show no names, not errors). */
export function useNames() {
  const users = useUsers();
  const teams = useTeams();
  return useMemo(
    () => ({
      users: new Map((users.data ?? []).map((person) => [person.id, person.name])),
      teams: new Map((teams.data ?? []).map((item) => [item.id, item.name])),
    }),
    [users.data, teams.data],
  );
}

export type InboxView =
  | { kind: 'built-in'; key: string; name: string; filters: InboxFilters }
  | { kind: 'saved'; key: string; name: string; filters: InboxFilters; view: SavedView }
  | { kind: 'loading'; key: string }
  | { kind: 'failed'; key: string; error: unknown; retry: () => void }
  | { kind: 'missing'; key: string };

/** What `/inbox/:view` names: a built-in view, a saved view by id, or nothing known. */
export function useInboxView(key: string): InboxView {
  const { t } = useTranslation('inbox');
  const saved = useSavedViews();
  if (isBuiltInKey(key)) {
    return { kind: 'built-in', key, name: t(`views.${key}`), filters: BUILT_IN_FILTERS[key] };
  }
  if (saved.isPending) return { kind: 'loading', key };
  if (saved.isError) return { kind: 'failed', key, error: saved.error, retry: () => void saved.refetch() };
  const view = saved.data?.find((item) => item.id === key);
  if (!view) return { kind: 'missing', key };
  return { kind: 'saved', key, name: view.name, filters: view.filters, view };
}

/** The inbox view and filters of the page on screen, or undefined away from the inbox. */
export function useCurrentInbox(): { view: InboxView; filters: InboxFilters } | undefined {
  const location = useLocation();
  const match = matchPath('/inbox/:view', location.pathname);
  const view = useInboxView(match?.params.view ?? 'open');
  if (!match) return undefined;
  const base = view.kind === 'built-in' || view.kind === 'saved' ? view.filters : {};
  return { view, filters: filtersFromSearch(base, new URLSearchParams(location.search)) };
}
