import type { currentUser, loginResponse } from '@sada/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError, api, rememberCsrfToken, type Wire } from '../api/client.ts';

export type CurrentUser = Wire<z.infer<typeof currentUser>> & { language?: 'ar' | 'en' };
type MeResponse = { user: CurrentUser; csrfToken: string | null };

export const sessionQueryKey = ['me'] as const;

/** The signed-in user, or null when nobody is signed in (the API answered 401). */
export function useSession() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: async (): Promise<CurrentUser | null> => {
      try {
        const me = await api.get<MeResponse>('/api/me');
        rememberCsrfToken(me.csrfToken ?? undefined);
        return me.user;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 3,
  });
}

/** The signed-in user inside pages that are only reachable when signed in. */
export function useCurrentUser(): CurrentUser {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser needs a signed-in session');
  return data;
}

export type LoginInput = { workspace: string; email: string; password: string };

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) =>
      api.post<Wire<z.infer<typeof loginResponse>>>('/api/auth/login', input),
    onSuccess: (answer) => {
      rememberCsrfToken(answer.csrfToken);
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, answer.user);
      void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout'),
    onSettled: () => {
      rememberCsrfToken(undefined);
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, null);
    },
  });
}
