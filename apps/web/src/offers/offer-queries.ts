import type { compensationRow, createCompensationRequest, createOfferRequest, offer } from '@sada/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type Wire } from '../api/client.ts';
import { useCurrentUser } from '../auth/session.ts';
import { useCompensationPolicy } from '../compensation/compensation-queries.ts';

export type Offer = Wire<z.infer<typeof offer>>;
export type OfferOption = Offer['options'][number];
export type NewOffer = z.input<typeof createOfferRequest>;
export type NewOfferOption = NewOffer['options'][number];
export type NewCompensation = z.input<typeof createCompensationRequest>;
type Compensation = Wire<z.infer<typeof compensationRow>>;

const casePath = (reference: string) => `/api/cases/${encodeURIComponent(reference)}`;
// Under the case's key: a live change of the case (offer sent, chosen) refreshes its offers too.
export const offersKey = (reference: string) => ['case', reference, 'offers'] as const;

/** The case's offers, newest first. */
export function useOffers(reference: string) {
  return useQuery({
    queryKey: offersKey(reference),
    queryFn: async ({ signal }) =>
      (await api.get<{ items: Offer[] }>(`${casePath(reference)}/offers`, { signal })).items,
  });
}

/** Every compensation of the case, given directly or through an offer, newest first. */
export function useCaseCompensations(reference: string) {
  return useQuery({
    queryKey: [...offersKey(reference), 'compensations'],
    queryFn: async ({ signal }) =>
      (await api.get<{ items: Compensation[] }>(`${casePath(reference)}/compensations`, { signal })).items,
  });
}

/**
 * The policy for the dialogs (types, currencies, the role's limit), for everyone who offers compensation.
 */
export function usePolicyForDialogs() {
  const role = useCurrentUser().role;
  return useCompensationPolicy({ enabled: role !== 'analyst' });
}

function useOfferChange<Input, Answer>(reference: string, mutationFn: (input: Input) => Promise<Answer>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['case', reference] });
      void queryClient.invalidateQueries({ queryKey: ['compensation'] });
    },
  });
}

export const useProposeOffer = (reference: string) =>
  useOfferChange(reference, (input: NewOffer) => api.post<Offer>(`${casePath(reference)}/offers`, input));

export const useWithdrawOffer = (reference: string) =>
  useOfferChange(reference, (offerId: string) =>
    api.post<Offer>(`/api/offers/${encodeURIComponent(offerId)}/withdraw`),
  );

export const useRecordChoice = (reference: string) =>
  useOfferChange(reference, ({ offerId, optionId }: { offerId: string; optionId: string }) =>
    api.post<Offer>(`/api/offers/${encodeURIComponent(offerId)}/choose`, { optionId }),
  );

export const useGiveCompensation = (reference: string) =>
  useOfferChange(reference, (input: NewCompensation) =>
    api.post<Compensation>(`${casePath(reference)}/compensations`, input),
  );
