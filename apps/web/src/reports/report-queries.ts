import type {
  CreateReportRequest,
  ReportList,
  ReportSubscriberList,
  ReportSubscription,
  ReportSummary,
} from '@sada/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest, toQueryString, type Wire } from '../api/client.ts';

const listKey = ['reports', 'list'];
const subscriptionKey = ['reports', 'subscription'];
const subscribersKey = ['reports', 'subscribers'];

export type ReportItem = Wire<ReportSummary>;
export type ReportSubscriber = Wire<ReportSubscriberList>['items'][number];

/** The workspace's reports, newest first, a page of 50 at a time. */
export function useReports() {
  return useInfiniteQuery({
    queryKey: listKey,
    queryFn: ({ pageParam, signal }) =>
      api.get<Wire<ReportList>>(`/api/reports${toQueryString({ cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** Makes a report of a range now; the list shows it once made. */
export function useCreateReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReportRequest) => api.post<ReportItem>('/api/reports', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listKey }),
  });
}

/** Which scheduled reports you receive by e-mail. */
export function useReportSubscription() {
  return useQuery({
    queryKey: subscriptionKey,
    queryFn: ({ signal }) => api.get<ReportSubscription>('/api/reports/subscription', { signal }),
  });
}

export function useUpdateReportSubscription() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportSubscription) =>
      apiRequest<ReportSubscription>('PUT', '/api/reports/subscription', body),
    onSuccess: (saved) => {
      queryClient.setQueryData(subscriptionKey, saved);
      void queryClient.invalidateQueries({ queryKey: subscribersKey });
    },
  });
}

/** Who receives the scheduled reports (admins only). */
export function useReportSubscribers() {
  return useQuery({
    queryKey: subscribersKey,
    queryFn: ({ signal }) => api.get<Wire<ReportSubscriberList>>('/api/reports/subscribers', { signal }),
  });
}

/** An admin subscribes someone else to the scheduled reports, or stops them (both off). */
export function useUpdateReportSubscriptionOf() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, subscription }: { userId: string; subscription: ReportSubscription }) =>
      apiRequest<ReportSubscription>(
        'PUT',
        `/api/reports/subscription${toQueryString({ userId })}`,
        subscription,
      ),
    // The admin may have changed their own subscription too.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: subscribersKey }),
        queryClient.invalidateQueries({ queryKey: subscriptionKey }),
      ]),
  });
}
