import type {
  CaseProblem,
  closeProblemRequest,
  createProblemActionRequest,
  createProblemRequest,
  ProblemDetail,
  ProblemEffectiveness,
  ProblemList,
  ProblemStatus,
  ProblemSuggestions,
  updateProblemActionRequest,
  updateProblemRequest,
} from '@sada/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, toQueryString, type Wire } from '../api/client.ts';

export type Problem = Wire<ProblemDetail>;
export type ProblemItem = Wire<ProblemList>['items'][number];
export type NewProblem = z.input<typeof createProblemRequest>;

const path = (id: string) => `/api/problems/${encodeURIComponent(id)}`;
export const problemKey = (id: string) => ['problems', id] as const;

export function useProblems(status: ProblemStatus | undefined) {
  return useQuery({
    queryKey: ['problems', 'list', status ?? 'all'],
    queryFn: ({ signal }) =>
      api.get<Wire<ProblemList>>(`/api/problems${toQueryString({ status })}`, { signal }),
  });
}

export function useProblem(id: string) {
  return useQuery({
    queryKey: problemKey(id),
    queryFn: ({ signal }) => api.get<Problem>(path(id), { signal }),
  });
}

export function useSuggestions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...problemKey(id), 'suggestions'],
    queryFn: ({ signal }) => api.get<Wire<ProblemSuggestions>>(`${path(id)}/suggestions`, { signal }),
    enabled,
  });
}

export function useEffectiveness(id: string) {
  return useQuery({
    queryKey: [...problemKey(id), 'effectiveness'],
    queryFn: ({ signal }) => api.get<Wire<ProblemEffectiveness>>(`${path(id)}/effectiveness`, { signal }),
  });
}

/** The problem a case is linked to, for the case's side panel. */
export function useCaseProblem(reference: string) {
  return useQuery({
    queryKey: ['case', reference, 'problem'],
    queryFn: ({ signal }) =>
      api.get<Wire<CaseProblem>>(`/api/cases/${encodeURIComponent(reference)}/problem`, { signal }),
  });
}

export function useCreateProblem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewProblem) => api.post<Problem>('/api/problems', input),
    onSuccess: (problem) => {
      queryClient.setQueryData(problemKey(problem.id), problem);
      void queryClient.invalidateQueries({ queryKey: ['problems', 'list'] });
      for (const item of problem.cases)
        void queryClient.invalidateQueries({ queryKey: ['case', item.referenceNumber, 'problem'] });
    },
  });
}

/** A change of one problem: the page takes the answer, the list, suggestions and chart refresh. */
function useProblemChange<Input>(id: string, mutationFn: (input: Input) => Promise<Problem>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (problem) => {
      queryClient.setQueryData(problemKey(id), problem);
      void queryClient.invalidateQueries({ queryKey: ['problems', 'list'] });
      void queryClient.invalidateQueries({ queryKey: [...problemKey(id), 'suggestions'] });
      void queryClient.invalidateQueries({ queryKey: [...problemKey(id), 'effectiveness'] });
    },
  });
}

export const useUpdateProblem = (id: string) =>
  useProblemChange(id, (input: z.input<typeof updateProblemRequest>) => api.patch<Problem>(path(id), input));

export const useLinkCases = (id: string) =>
  useProblemChange(id, (references: string[]) => api.post<Problem>(`${path(id)}/cases`, { references }));

export const useUnlinkCase = (id: string) =>
  useProblemChange(id, (reference: string) =>
    api.delete<Problem>(`${path(id)}/cases/${encodeURIComponent(reference)}`),
  );

export const useAddAction = (id: string) =>
  useProblemChange(id, (input: z.input<typeof createProblemActionRequest>) =>
    api.post<Problem>(`${path(id)}/actions`, input),
  );

export const useUpdateAction = (id: string) =>
  useProblemChange(
    id,
    ({ actionId, changes }: { actionId: string; changes: z.input<typeof updateProblemActionRequest> }) =>
      api.patch<Problem>(`${path(id)}/actions/${actionId}`, changes),
  );

export const useAddNote = (id: string) =>
  useProblemChange(id, (body: string) => api.post<Problem>(`${path(id)}/notes`, { body }));

export const useCloseProblem = (id: string) =>
  useProblemChange(id, (input: z.input<typeof closeProblemRequest>) =>
    api.post<Problem>(`${path(id)}/close`, input),
  );
