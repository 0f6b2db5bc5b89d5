import type { StoryStatus, story, storyCandidacy, UpdateStoryRequest } from '@sada/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, toQueryString, type Wire } from '../api/client.ts';

export type StoryItem = Wire<z.infer<typeof story>>;
export type StoryCandidacy = Wire<z.infer<typeof storyCandidacy>>;

const STORIES_KEY = ['stories'] as const;

/** The workspace's stories, optionally of one status. */
export function useStories(status: StoryStatus | null, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...STORIES_KEY, 'list', status],
    queryFn: ({ signal }) =>
      api.get<{ items: StoryItem[] }>(`/api/stories${toQueryString({ status })}`, { signal }),
    enabled: options.enabled ?? true,
  });
}

/** Whether a case can be marked as a story candidate, and its story. */
export function useStoryCandidacy(reference: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...STORIES_KEY, 'case', reference],
    queryFn: ({ signal }) =>
      api.get<StoryCandidacy>(`/api/cases/${encodeURIComponent(reference)}/story`, { signal }),
    enabled: options.enabled ?? true,
  });
}

function useStoryChange<Input>(mutationFn: (input: Input) => Promise<StoryItem>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: STORIES_KEY });
      // The case's timeline and messages changed too.
      void queryClient.invalidateQueries({ queryKey: ['case'] });
    },
  });
}

export const useMarkStory = () =>
  useStoryChange((reference: string) =>
    api.post<StoryItem>(`/api/cases/${encodeURIComponent(reference)}/story`),
  );

export const useUpdateStory = () =>
  useStoryChange(({ id, input }: { id: string; input: UpdateStoryRequest }) =>
    api.patch<StoryItem>(`/api/stories/${encodeURIComponent(id)}`, input),
  );

export const useRequestConsent = () =>
  useStoryChange((id: string) =>
    api.post<StoryItem>(`/api/stories/${encodeURIComponent(id)}/request-consent`),
  );

export const useWithdrawConsent = () =>
  useStoryChange(({ id, reason }: { id: string; reason: string }) =>
    api.post<StoryItem>(`/api/stories/${encodeURIComponent(id)}/withdraw-consent`, { reason }),
  );

/** The address of a consented story's export (the session cookie signs the download in). */
export const exportHref = (id: string, kind: 'story.md' | 'card.svg', lang: 'ar' | 'en') =>
  `/api/stories/${encodeURIComponent(id)}/${kind}?lang=${lang}`;
