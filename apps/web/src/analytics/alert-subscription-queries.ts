import type {
  AlertSubscriptionList,
  CreateAlertSubscriptionRequest,
  CreatedAlertSubscription,
  UpdateAlertSubscriptionRequest,
  WebhookTestResult,
  WebhookWithSecret,
} from '@sada/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Wire } from '../api/client.ts';

const PATH = '/api/analytics/alert-subscriptions';
const key = ['analytics', 'alert-subscriptions'];

export type AlertSubscriptionItem = Wire<AlertSubscriptionList>['items'][number];

/** Your e-mail subscription to early warnings; for admins also everyone's and the webhooks. */
export function useAlertSubscriptions() {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.get<Wire<AlertSubscriptionList>>(PATH, { signal }),
  });
}

function useRefreshing<Input, Output>(run: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export const useCreateAlertSubscription = () =>
  useRefreshing((body: CreateAlertSubscriptionRequest) =>
    api.post<Wire<CreatedAlertSubscription>>(PATH, body),
  );

export const useUpdateAlertSubscription = () =>
  useRefreshing(({ id, changes }: { id: string; changes: UpdateAlertSubscriptionRequest }) =>
    api.patch(`${PATH}/${id}`, changes),
  );

export const useDeleteAlertSubscription = () => useRefreshing((id: string) => api.delete(`${PATH}/${id}`));

export const useTestWebhook = () =>
  useRefreshing((id: string) => api.post<WebhookTestResult>(`${PATH}/${id}/test`));

/** Replaces a webhook's signing secret; the answer carries the new one, shown once. */
export const useRotateWebhookSecret = () =>
  useRefreshing((id: string) => api.post<Wire<WebhookWithSecret>>(`${PATH}/${id}/rotate-secret`));
