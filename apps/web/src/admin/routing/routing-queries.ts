import type {
  createRoutingRuleRequest,
  routingDryRunRequest,
  routingDryRunResult,
  routingRule,
  updateRoutingRuleRequest,
} from '@sada/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, apiRequest, type Wire } from '../../api/client.ts';

export type RoutingRule = Wire<z.infer<typeof routingRule>>;
export type RoutingRuleInput = z.input<typeof createRoutingRuleRequest>;
export type RoutingDryRun = Wire<z.infer<typeof routingDryRunResult>>;

const rulesKey = ['routing', 'rules'] as const;

export const useRoutingRules = () =>
  useQuery({
    queryKey: rulesKey,
    queryFn: async ({ signal }) =>
      (await api.get<{ items: RoutingRule[] }>('/api/routing/rules', { signal })).items,
  });

/** A change to the rules; the answer (or a reload) refreshes the list. */
function useRulesChange<Input>(mutationFn: (input: Input) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: rulesKey }),
  });
}

export const useCreateRoutingRule = () =>
  useRulesChange((input: RoutingRuleInput) => api.post<RoutingRule>('/api/routing/rules', input));

export const useUpdateRoutingRule = () =>
  useRulesChange(({ id, ...changes }: z.input<typeof updateRoutingRuleRequest> & { id: string }) =>
    api.patch<RoutingRule>(`/api/routing/rules/${id}`, changes),
  );

export const useDeleteRoutingRule = () =>
  useRulesChange((id: string) => api.delete<null>(`/api/routing/rules/${id}`));

/** Puts the rules in a new order; the list shows it at once and again as the server keeps it. */
export function useReorderRoutingRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) =>
      apiRequest<{ items: RoutingRule[] }>('PUT', '/api/routing/rules/order', { ids }),
    onSuccess: (answer) => queryClient.setQueryData(rulesKey, answer.items),
  });
}

export const useRoutingDryRun = () =>
  useMutation({
    mutationFn: (input: z.input<typeof routingDryRunRequest>) =>
      api.post<RoutingDryRun>('/api/routing/dry-run', input),
  });
