import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { FieldDefinition, ReplyTemplate, Team, WorkspaceUser } from './case-types.ts';

// Lists of the workspace that change rarely: kept for five minutes, shared by every page that asks.
const RARELY_CHANGES = 5 * 60_000;

/** Everyone in the workspace (GET /api/users), for assignment, mentions and authors. */
export function useUsers() {
  return useQuery({
    queryKey: ['users'],
    queryFn: ({ signal }) => api.get<WorkspaceUser[]>('/api/users', { signal }),
    staleTime: RARELY_CHANGES,
  });
}

export function useTeams() {
  return useQuery({
    queryKey: ['teams'],
    queryFn: ({ signal }) => api.get<Team[]>('/api/teams', { signal }),
    staleTime: RARELY_CHANGES,
  });
}

/** The workspace's custom case fields. */
export function useFields() {
  return useQuery({
    queryKey: ['fields'],
    queryFn: ({ signal }) => api.get<FieldDefinition[]>('/api/fields', { signal }),
    staleTime: RARELY_CHANGES,
  });
}

export function useTemplates() {
  return useQuery({
    queryKey: ['templates'],
    queryFn: async ({ signal }) =>
      (await api.get<{ items: ReplyTemplate[] }>('/api/templates', { signal })).items,
    staleTime: RARELY_CHANGES,
  });
}

/** A name for a user id: the user's name, or undefined while the list loads or for a stranger. */
export function useUserNames(): (id: string | null | undefined) => string | undefined {
  const users = useUsers();
  const byId = new Map((users.data ?? []).map((user) => [user.id, user.name]));
  return (id) => (id ? byId.get(id) : undefined);
}
