import type {
  assistantText,
  caseTriage,
  coachReport,
  replySuggestion,
  retrainResult,
  triageSettings,
  updateTriageSettingsRequest,
} from '@sada/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api, type Wire } from '../api/client.ts';

// The triage API's shapes as the console receives them (dates as ISO strings).
export type CaseTriage = Wire<z.infer<typeof caseTriage>>;
export type TriageSettings = Wire<z.infer<typeof triageSettings>>;
export type TriageCategory = TriageSettings['categories'][number];
export type CoachReport = Wire<z.infer<typeof coachReport>>;
export type ReplySuggestion = Wire<z.infer<typeof replySuggestion>>;
export type AssistantText = Wire<z.infer<typeof assistantText>>;
export type RetrainResult = Wire<z.infer<typeof retrainResult>>;
export type TriageSettingsChanges = z.input<typeof updateTriageSettingsRequest>;
/** Where a piece of text is: offsets into the text, and the words themselves. */
export type TextSpan = CaseTriage['abusiveSpans'][number];

export const triageSettingsKey = ['triage', 'settings'] as const;
const casePath = (reference: string) => `/api/cases/${encodeURIComponent(reference)}`;

/** The workspace's categories, priority rules, assistant and model (GET /api/triage/settings). */
export function useTriageSettings() {
  return useQuery({
    queryKey: triageSettingsKey,
    queryFn: ({ signal }) => api.get<TriageSettings>('/api/triage/settings', { signal }),
    staleTime: 5 * 60_000,
  });
}

/** A category id in words of the UI language; an id the workspace no longer lists shows as stored. */
export function useCategoryName(): (id: string) => string {
  const settings = useTriageSettings();
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'ar';
  const categories = settings.data?.categories;
  // The same function until the list or the language changes, so memoised lists keep their work.
  return useCallback(
    (id: string) => categories?.find((category) => category.id === id)?.names[language] ?? id,
    [categories, language],
  );
}

/**
 * The three replies most like what this case needs. Kept under the case's key, so a live change of
 * the case (a new message) brings fresh ones.
 */
export function useReplySuggestions(reference: string, isEnabled: boolean) {
  return useQuery({
    queryKey: ['case', reference, 'suggestions'],
    queryFn: async ({ signal }) =>
      (await api.get<{ items: ReplySuggestion[] }>(`${casePath(reference)}/suggestions`, { signal })).items,
    enabled: isEnabled,
    staleTime: 60_000,
    retry: false,
  });
}

/** The optional LLM assistant: a draft reply, or a summary of the thread. */
export function useAssistant(reference: string) {
  const queryClient = useQueryClient();
  // A 409 assistant_disabled means an admin just turned it off: the settings say so on reload.
  const onError = () => void queryClient.invalidateQueries({ queryKey: triageSettingsKey });
  const draft = useMutation({
    mutationFn: () => api.post<AssistantText>(`${casePath(reference)}/assistant/draft`),
    onError,
  });
  const summary = useMutation({
    mutationFn: () => api.post<AssistantText>(`${casePath(reference)}/assistant/summary`),
    onError,
  });
  return { draft, summary };
}

/** An admin's change to categories, priority rules or the assistant. */
export function useUpdateTriageSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: TriageSettingsChanges) =>
      api.patch<TriageSettings>('/api/triage/settings', changes),
    onSuccess: (saved) => {
      queryClient.setQueryData(triageSettingsKey, saved);
      void queryClient.invalidateQueries({ queryKey: triageSettingsKey });
    },
  });
}

/** Adapts the model to the workspace's corrections now, instead of waiting for the nightly run. */
export function useRetrain() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<RetrainResult>('/api/triage/retrain'),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: triageSettingsKey }),
  });
}
