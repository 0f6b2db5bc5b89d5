import type { followUpSettings, surveySummary, updateFollowUpSettingsRequest } from '@sada/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, toQueryString, type Wire } from '../api/client.ts';

export type FollowUpSettings = Wire<z.infer<typeof followUpSettings>>;
export type SurveySettings = FollowUpSettings['survey'];
export type SurveySummary = Wire<z.infer<typeof surveySummary>>;
export type SurveyGrouping = 'agent' | 'team' | 'channel';

const settingsKey = ['workspace', 'follow-up-settings'] as const;

export const useFollowUpSettings = () =>
  useQuery({
    queryKey: settingsKey,
    queryFn: ({ signal }) => api.get<FollowUpSettings>('/api/workspace/settings', { signal }),
  });

export function useUpdateFollowUpSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: z.input<typeof updateFollowUpSettingsRequest>) =>
      api.patch<FollowUpSettings>('/api/workspace/settings', changes),
    onSuccess: (settings) => queryClient.setQueryData(settingsKey, settings),
  });
}

export const useSurveySummary = (query: { by: SurveyGrouping; from?: string; to?: string }) =>
  useQuery({
    queryKey: ['surveys', 'summary', query],
    queryFn: ({ signal }) =>
      api.get<SurveySummary>(`/api/surveys/summary${toQueryString(query)}`, { signal }),
  });
