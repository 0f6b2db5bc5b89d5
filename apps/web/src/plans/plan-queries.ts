import type { casePlan, createPlanStepRequest, updatePlanStepRequest } from '@sada/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type Wire } from '../api/client.ts';

export type CasePlan = Wire<z.infer<typeof casePlan>>;
export type PlanStep = CasePlan['steps'][number];
export type NewPlanStep = z.input<typeof createPlanStepRequest>;
export type PlanStepChanges = z.input<typeof updatePlanStepRequest>;

const planPath = (reference: string) => `/api/cases/${encodeURIComponent(reference)}/plan`;
// Under the case's key: a live change of the case (a colleague's step, the overdue job) refreshes it.
export const planKey = (reference: string) => ['case', reference, 'plan'] as const;

/** The case's resolution plan. */
export function usePlan(reference: string) {
  return useQuery({
    queryKey: planKey(reference),
    queryFn: ({ signal }) => api.get<CasePlan>(planPath(reference), { signal }),
  });
}

function usePlanChange<Input>(reference: string, mutationFn: (input: Input) => Promise<CasePlan>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (plan) => {
      queryClient.setQueryData(planKey(reference), plan);
      // The timeline and the thread (a message to the customer) changed too.
      void queryClient.invalidateQueries({ queryKey: ['case', reference] });
    },
  });
}

export const useAddStep = (reference: string) =>
  usePlanChange(reference, (input: NewPlanStep) => api.post<CasePlan>(`${planPath(reference)}/steps`, input));

export const useChangeStep = (reference: string) =>
  usePlanChange(reference, ({ id, changes }: { id: string; changes: PlanStepChanges }) =>
    api.patch<CasePlan>(`${planPath(reference)}/steps/${encodeURIComponent(id)}`, changes),
  );

export const useSetUpdates = (reference: string) =>
  usePlanChange(reference, (updateEveryDays: number | null) =>
    api.patch<CasePlan>(planPath(reference), { updateEveryDays }),
  );
