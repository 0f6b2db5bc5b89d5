import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { CoachReport } from './triage-queries.ts';

/** How long the agent pauses before the draft is checked: typing never waits for the coach. */
export const COACH_DEBOUNCE_MS = 400;

/** The draft reply, the case it answers, how it will be sent, and whether to coach it at all. */
export type ToneCoachInput = {
  draft: string;
  reference: string;
  visibility: 'public' | 'private';
  isEnabled: boolean;
};

/**
 * The tone coach's report on a draft reply, asked for once the agent pauses typing. A newer draft
 * cancels the request for an older one; the last report stays on screen while the next is on its
 * way. Nothing is asked for an empty draft or when `isEnabled` is false (internal notes).
 */
export function useToneCoach({ draft, reference, visibility, isEnabled }: ToneCoachInput) {
  const [settled] = useDebouncedValue(draft, COACH_DEBOUNCE_MS);
  const hasText = draft.trim() !== '';
  const query = useQuery({
    queryKey: ['coach', reference, visibility, settled],
    queryFn: ({ signal }) =>
      api.post<CoachReport>(
        '/api/triage/coach',
        { draft: settled, referenceNumber: reference, visibility },
        { signal },
      ),
    enabled: isEnabled && hasText && settled.trim() !== '',
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
    retry: false,
  });
  return {
    report: isEnabled && hasText ? query.data : undefined,
    /** The draft changed since the report on screen was made. */
    isStale: settled !== draft || query.isPlaceholderData || query.isFetching,
    error: isEnabled && hasText ? query.error : null,
  };
}
