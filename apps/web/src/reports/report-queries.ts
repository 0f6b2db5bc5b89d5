import type { CreateReportRequest, ReportList, ReportSubscription, ReportSummary } from '@sada/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest, type Wire } from '../api/client.ts';

const listKey = ['reports', 'list'];
const subscriptionKey = ['reports', 'subscription'];

export type ReportItem = Wire<ReportSummary>;

/** The workspace's reports, newest first. */
export function useReports() {
  return useQuery({
    queryKey: listKey,
    queryFn: ({ signal }) => api.get<Wire<ReportList>>('/api/reports', { signal }),
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
    onSuccess: (saved) => queryClient.setQueryData(subscriptionKey, saved),
  });
}
