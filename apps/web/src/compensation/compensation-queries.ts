import type {
  COMPENSATION_TOTALS_BY,
  compensationList,
  compensationPolicy,
  compensationRow,
  compensationTotals,
  customerCompensation,
  pendingCompensationList,
  updateCompensationPolicyRequest,
} from '@sada/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, apiRequest, toQueryString, type Wire } from '../api/client.ts';

export type Compensation = Wire<z.infer<typeof compensationRow>>;
export type CompensationStatus = Compensation['status'];
export type CompensationPolicy = Wire<z.infer<typeof compensationPolicy>>;
export type CompensationPolicyInput = z.input<typeof updateCompensationPolicyRequest>;
export type PendingApproval = Wire<z.infer<typeof pendingCompensationList>>['items'][number];
export type CompensationTotals = Wire<z.infer<typeof compensationTotals>>;
export type CustomerCompensation = Wire<z.infer<typeof customerCompensation>>;
export type TotalsBy = (typeof COMPENSATION_TOTALS_BY)[number];
/** Money per currency: `{SAR: 200}`. */
export type Amounts = Record<string, number>;

export type LedgerFilters = { from?: string; to?: string; teamId?: string; status?: CompensationStatus };

const policyKey = ['compensation', 'policy'] as const;
const pendingKey = ['compensation', 'pending'] as const;

/** The workspace's policy (supervisors and admins read it; agents learn their limit from the server's answer). */
export const useCompensationPolicy = (options: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: policyKey,
    queryFn: ({ signal }) => api.get<CompensationPolicy>('/api/compensation/policy', { signal }),
    enabled: options.enabled ?? true,
    staleTime: 60_000,
    retry: false,
  });

export function useUpdateCompensationPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policy: CompensationPolicyInput) =>
      apiRequest<CompensationPolicy>('PUT', '/api/compensation/policy', policy),
    onSuccess: (saved) => queryClient.setQueryData(policyKey, saved),
  });
}

/** The requests waiting for approval; refreshed each minute for the navigation's count. */
export function usePendingCompensation(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: pendingKey,
    queryFn: async ({ signal }) =>
      (await api.get<Wire<z.infer<typeof pendingCompensationList>>>('/api/compensations/pending', { signal }))
        .items,
    refetchInterval: 60_000,
    enabled: options.enabled ?? true,
  });
}

export type Decision = { id: string; decision: 'approve' | 'reject'; reason: string };

export function useDecideCompensation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, reason }: Decision) =>
      // A rejection always carries its reason (the server says when it is missing); an approval's is optional.
      api.post<Compensation>(
        `/api/compensations/${encodeURIComponent(id)}/${decision}`,
        decision === 'reject' || reason.trim() ? { reason: reason.trim() } : {},
      ),
    onSuccess: (decided) => {
      void queryClient.invalidateQueries({ queryKey: ['compensation'] });
      void queryClient.invalidateQueries({ queryKey: ['case', decided.case.referenceNumber] });
    },
  });
}

/** The ledger's lines for the filters, newest first (up to 500). */
export const useCompensationList = (filters: LedgerFilters) =>
  useQuery({
    queryKey: ['compensation', 'list', filters],
    queryFn: async ({ signal }) =>
      (
        await api.get<Wire<z.infer<typeof compensationList>>>(`/api/compensations${toQueryString(filters)}`, {
          signal,
        })
      ).items,
  });

/** Given compensation summed by category, product, team or month, per currency. */
export const useCompensationTotals = (filters: { from?: string; to?: string }, by: TotalsBy) =>
  useQuery({
    queryKey: ['compensation', 'totals', filters, by],
    queryFn: ({ signal }) =>
      api.get<CompensationTotals>(`/api/compensations/totals${toQueryString({ ...filters, by })}`, {
        signal,
      }),
  });

/** What a customer was given over time, with totals per currency. */
export const useCustomerCompensation = (customerId: string) =>
  useQuery({
    queryKey: ['compensation', 'customer', customerId],
    queryFn: ({ signal }) =>
      api.get<CustomerCompensation>(`/api/customers/${encodeURIComponent(customerId)}/compensation`, {
        signal,
      }),
  });
