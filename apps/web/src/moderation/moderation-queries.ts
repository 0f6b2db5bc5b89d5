import type { ModerationDecision, ModerationLabel, moderationQueue } from '@sada/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, toQueryString, type Wire } from '../api/client.ts';

export type ModerationQueue = Wire<z.infer<typeof moderationQueue>>;
export type ModerationQueueItem = ModerationQueue['items'][number];
export type QueueFilter = { status: 'open' | 'decided' | 'all'; label: ModerationLabel | null };

const QUEUE_KEY = ['moderation'] as const;

/** The moderation queue with these filters (the open count comes with it, for the navigation's badge). */
export function useModerationQueue(filter: QueueFilter, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...QUEUE_KEY, filter],
    queryFn: ({ signal }) =>
      api.get<ModerationQueue>(
        `/api/moderation${toQueryString({ status: filter.status, label: filter.label ?? undefined })}`,
        { signal },
      ),
    refetchInterval: 60_000,
    enabled: options.enabled ?? true,
  });
}

function useQueueChange<Input>(mutationFn: (input: Input) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: QUEUE_KEY });
      // The case changed too (closed, reopened, a hidden comment, its timeline).
      void queryClient.invalidateQueries({ queryKey: ['case'] });
    },
  });
}

export const useDecide = () =>
  useQueueChange(({ id, decision, reason }: { id: string; decision: ModerationDecision; reason: string }) =>
    api.post(`/api/moderation/${encodeURIComponent(id)}/decision`, { decision, reason }),
  );

export const useUndo = () =>
  useQueueChange(({ id, reason }: { id: string; reason: string }) =>
    api.post(`/api/moderation/${encodeURIComponent(id)}/undo`, { reason }),
  );

/** An agent marks a customer's message as abuse or spam. */
export const useMarkMessage = (reference: string) =>
  useQueueChange(
    ({ messageId, label, reason }: { messageId: string; label: ModerationLabel; reason: string }) =>
      api.post(
        `/api/cases/${encodeURIComponent(reference)}/messages/${encodeURIComponent(messageId)}/moderation/mark`,
        { label, reason },
      ),
  );
