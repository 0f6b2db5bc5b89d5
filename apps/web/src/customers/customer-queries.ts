import type {
  casePage,
  customer,
  customerLookalike,
  customerPage,
  updateCustomerRequest,
} from '@sada/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, toQueryString, type Wire } from '../api/client.ts';

export type Customer = Wire<z.infer<typeof customer>>;
export type CustomerIdentity = Customer['identities'][number];
export type CustomerListItem = Wire<z.infer<typeof customerPage>>['items'][number];
export type CustomerChanges = z.input<typeof updateCustomerRequest>;
type CustomerPage = Wire<z.infer<typeof customerPage>>;
type CasePage = Wire<z.infer<typeof casePage>>;
export type CaseSummary = CasePage['items'][number];
export type CustomerLookalike = Wire<z.infer<typeof customerLookalike>>;

// A customer's cases live under ['cases', …] so live case events refresh them with the inbox.
const customerCasesKey = (customerId: string) => ['cases', 'customer', customerId] as const;
export const customerKey = (customerId: string) => ['customer', customerId] as const;

/** One customer with identities. */
export function useCustomer(customerId: string | null | undefined) {
  return useQuery({
    queryKey: ['customer', customerId],
    queryFn: ({ signal }) => api.get<Customer>(`/api/customers/${customerId}`, { signal }),
    enabled: !!customerId,
  });
}

// The newest hundred: more than anyone reads beside a case; the customer page says when there are more.
export const CUSTOMER_CASES_LIMIT = 100;

/** A customer's cases, newest first. */
export function useCustomerCases(customerId: string | null | undefined) {
  return useQuery({
    queryKey: customerCasesKey(customerId ?? ''),
    queryFn: ({ signal }) =>
      api.get<CasePage>(
        `/api/cases${toQueryString({ customer: customerId, sort: '-createdAt', limit: CUSTOMER_CASES_LIMIT })}`,
        { signal },
      ),
    enabled: !!customerId,
  });
}

/** Customers matching a name, e-mail, phone or handle (all of them, newest first, when `q` is empty). */
export function useCustomerSearch(q: string, options: { limit?: number; enabled?: boolean } = {}) {
  const limit = options.limit ?? 25;
  return useInfiniteQuery({
    queryKey: ['customers', { q, limit }],
    queryFn: ({ pageParam, signal }) =>
      api.get<CustomerPage>(`/api/customers${toQueryString({ q: q.trim(), limit, cursor: pageParam })}`, {
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: options.enabled ?? true,
  });
}

/** Changes a customer's details, notes or adds identities; the answer replaces the cached customer. */
export function useUpdateCustomer(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: CustomerChanges) => api.patch<Customer>(`/api/customers/${customerId}`, changes),
    onSuccess: (updated) => {
      queryClient.setQueryData(customerKey(customerId), updated);
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
      // Cases show the customer's name.
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}

/** Merges `sourceId` into this customer: its identities and cases move here, and it leaves the lists. */
export function useMergeCustomer(targetId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sourceId: string) => api.post<Customer>(`/api/customers/${targetId}/merge`, { sourceId }),
    onSuccess: (merged, sourceId) => {
      queryClient.setQueryData(customerKey(targetId), merged);
      void queryClient.invalidateQueries({ queryKey: customerKey(sourceId) });
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      void queryClient.invalidateQueries({ queryKey: ['case'] });
    },
  });
}

/** Customers who may be the same person as this one (same e-mail, phone, handle elsewhere, or full name). */
export function useCustomerLookalikes(customerId: string) {
  return useQuery({
    queryKey: [...customerKey(customerId), 'lookalikes'],
    queryFn: ({ signal }) =>
      api.get<CustomerLookalike[]>(`/api/customers/${customerId}/lookalikes`, { signal }),
  });
}
