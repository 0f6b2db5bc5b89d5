import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, api, errorMessage } from '../api/client.ts';
import type { CaseDetail, CaseMessage } from './case-types.ts';

/** The query key of one case; LiveProvider marks it stale when the case changes anywhere. */
export const caseQueryKey = (reference: string) => ['case', reference] as const;

const casePath = (reference: string) => `/api/cases/${encodeURIComponent(reference)}`;

// A reply on its way to the customer is looked at again until it is sent or has failed.
const SENDING_REFRESH_MS = 10_000;
const isSending = (caseDetail: CaseDetail | undefined) =>
  caseDetail?.messages.some((message) => message.delivery?.status === 'pending') ?? false;

/** One case with its messages and timeline; a 404 is final (no retries). */
export function useCase(reference: string) {
  return useQuery({
    queryKey: caseQueryKey(reference),
    queryFn: ({ signal }) => api.get<CaseDetail>(casePath(reference), { signal }),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    refetchInterval: (query) => (isSending(query.state.data) ? SENDING_REFRESH_MS : false),
  });
}

const messagePath = (reference: string, messageId: string) =>
  `${casePath(reference)}/messages/${encodeURIComponent(messageId)}`;

/** Puts the server's answer for one message in place in the thread, then refreshes the case. */
function useReplaceMessage(reference: string) {
  const queryClient = useQueryClient();
  return (updated: CaseMessage) => {
    queryClient.setQueryData<CaseDetail>(caseQueryKey(reference), (current) =>
      current
        ? {
            ...current,
            messages: current.messages.map((message) => (message.id === updated.id ? updated : message)),
          }
        : current,
    );
    void queryClient.invalidateQueries({ queryKey: caseQueryKey(reference) });
  };
}

/** Sends a reply whose delivery failed once more: it goes back to pending, in place in the thread. */
export function useRedeliver(reference: string) {
  const onSuccess = useReplaceMessage(reference);
  return useMutation({
    mutationFn: (messageId: string) =>
      api.post<CaseMessage>(`${messagePath(reference, messageId)}/redeliver`),
    onSuccess,
  });
}

export type ModerationReason = NonNullable<CaseMessage['moderation']>['reason'];
export type Moderation = { messageId: string; isHidden: boolean; reason: ModerationReason; note?: string };

/** Hides (or unhides) a customer's public comment on its platform; the message stays in the case. */
export function useModerateMessage(reference: string) {
  const onSuccess = useReplaceMessage(reference);
  return useMutation({
    mutationFn: ({ messageId, ...body }: Moderation) =>
      api.post<CaseMessage>(`${messagePath(reference, messageId)}/hide`, body),
    onSuccess,
  });
}

export type CaseChanges = Partial<{
  kind: string;
  category: string | null;
  product: string | null;
  priority: string;
  tags: string[];
  customFields: Record<string, unknown>;
}>;

export type NewMessage = {
  type: 'reply' | 'note';
  visibility: 'public' | 'private';
  body: string;
  mentions: string[];
  idempotencyKey: string;
};

export type NewTemplateMessage = {
  name: string;
  language: string;
  parameters: string[];
  idempotencyKey: string;
};

/**
 * The changes an agent makes to a case. Each answers the updated case, which replaces the cached
 * one at once; lists and counters are refreshed. Failures are told in the server's own words.
 */
export function useCaseActions(reference: string) {
  const queryClient = useQueryClient();
  const { t } = useTranslation('common');
  const refreshLists = () => {
    void queryClient.invalidateQueries({ queryKey: ['cases'] });
    void queryClient.invalidateQueries({ queryKey: ['views', 'counts'] });
  };
  const onCase = (updated: CaseDetail) => {
    queryClient.setQueryData(caseQueryKey(reference), updated);
    refreshLists();
  };
  const onError = (error: unknown) => {
    notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(error) });
  };

  const update = useMutation({
    mutationFn: (changes: CaseChanges) => api.patch<CaseDetail>(casePath(reference), changes),
    onSuccess: onCase,
    // The fields form shows its own errors beside the fields.
  });
  const transition = useMutation({
    mutationFn: (to: string) => api.post<CaseDetail>(`${casePath(reference)}/transition`, { to }),
    onSuccess: onCase,
    onError,
  });
  const assign = useMutation({
    mutationFn: (body: { teamId?: string | null; assigneeId?: string | null }) =>
      api.post<CaseDetail>(`${casePath(reference)}/assign`, body),
    onSuccess: onCase,
    onError,
  });
  const addMessage = useMutation({
    mutationFn: ({ idempotencyKey, ...body }: NewMessage) =>
      api.post<CaseMessage>(`${casePath(reference)}/messages`, body, { idempotencyKey }),
    onSuccess: (created) => {
      // Shown at once; the refetch brings the status change and the timeline entry.
      queryClient.setQueryData<CaseDetail>(caseQueryKey(reference), (current) =>
        current && !current.messages.some((message) => message.id === created.id)
          ? { ...current, messages: [...current.messages, created] }
          : current,
      );
      void queryClient.invalidateQueries({ queryKey: caseQueryKey(reference) });
      refreshLists();
    },
  });
  // The invitation to continue privately: a public reply (the server's default text without a body).
  const moveToPrivate = useMutation({
    mutationFn: (body: string | undefined) =>
      api.post<CaseDetail>(`${casePath(reference)}/move-to-private`, body === undefined ? {} : { body }),
    onSuccess: onCase,
  });
  // A WhatsApp template: the one message that may go after the 24-hour window has closed.
  const sendTemplate = useMutation({
    mutationFn: ({ idempotencyKey, ...body }: NewTemplateMessage) =>
      api.post<CaseMessage>(`${casePath(reference)}/whatsapp-template`, body, { idempotencyKey }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: caseQueryKey(reference) });
      refreshLists();
    },
  });
  return { update, transition, assign, addMessage, moveToPrivate, sendTemplate };
}

/** A fresh key for one send: a retry of the same send reuses it, so the server stores one message. */
export function newIdempotencyKey(): string {
  // crypto.randomUUID exists only on secure origins; a console served over plain http on a LAN still works.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
