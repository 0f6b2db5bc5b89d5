import type { createSlaPolicyRequest, slaPolicy, updateSlaPolicyRequest } from '@sada/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, apiRequest, type Wire } from '../../api/client.ts';

export type SlaPolicy = Wire<z.infer<typeof slaPolicy>>;
export type SlaPolicyInput = z.input<typeof createSlaPolicyRequest>;

const policiesKey = ['sla', 'policies'] as const;

export const useSlaPolicies = () =>
  useQuery({
    queryKey: policiesKey,
    queryFn: async ({ signal }) =>
      (await api.get<{ items: SlaPolicy[] }>('/api/sla/policies', { signal })).items,
  });

/** A change to the policies: the list and every case (their clocks follow) are read again. */
function usePoliciesChange<Input>(mutationFn: (input: Input) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: policiesKey });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      void queryClient.invalidateQueries({ queryKey: ['case'] });
    },
  });
}

export const useCreateSlaPolicy = () =>
  usePoliciesChange((input: SlaPolicyInput) => api.post<SlaPolicy>('/api/sla/policies', input));

export const useUpdateSlaPolicy = () =>
  usePoliciesChange(({ id, ...changes }: z.input<typeof updateSlaPolicyRequest> & { id: string }) =>
    api.patch<SlaPolicy>(`/api/sla/policies/${id}`, changes),
  );

export const useDeleteSlaPolicy = () =>
  usePoliciesChange((id: string) => api.delete<null>(`/api/sla/policies/${id}`));

/** Puts the policies in a new order; the list shows it as the server keeps it. */
export function useReorderSlaPolicies() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) =>
      apiRequest<{ items: SlaPolicy[] }>('PUT', '/api/sla/policies/order', { ids }),
    onSuccess: (answer) => queryClient.setQueryData(policiesKey, answer.items),
  });
}
