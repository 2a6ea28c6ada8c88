/** Hiring — award and contracts: the keys, queries and mutations of both parties. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { AwardInput, DeclineOffer } from '../../../core/contracts/offers.ts';
import { api } from '../../api.ts';
import { useGuardedMutation } from '../../use-guarded-mutation.ts';

export const contractKeys = {
  one: (contractId: string) => ['contract', contractId] as const,
  mine: ['contracts', 'mine'] as const,
  business: (businessId: string) => ['contracts', 'business', businessId] as const,
  draft: (bidId: string) => ['offer-draft', bidId] as const,
};

export function useContract(contractId: string) {
  return useQuery({
    queryKey: contractKeys.one(contractId),
    queryFn: () => api('GET /contracts/:contractId', { params: { contractId } }),
  });
}

export function useMyContracts() {
  return useQuery({ queryKey: contractKeys.mine, queryFn: () => api('GET /me/contracts') });
}

export function useBusinessContracts(businessId: string) {
  return useQuery({
    queryKey: contractKeys.business(businessId),
    queryFn: () => api('GET /businesses/:businessId/contracts', { params: { businessId } }),
  });
}

export function useOfferDraft(businessId: string, jobId: string, bidId: string) {
  return useQuery({
    queryKey: contractKeys.draft(bidId),
    queryFn: () =>
      api('GET /businesses/:businessId/jobs/:jobId/bids/:bidId/award', {
        params: { businessId, jobId, bidId },
      }),
  });
}

export function useAward(businessId: string, jobId: string, bidId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (body: AwardInput) =>
      api('POST /businesses/:businessId/jobs/:jobId/bids/:bidId/award', {
        params: { businessId, jobId, bidId },
        body,
      }),
    onSuccess: (contract) => {
      queryClient.setQueryData(contractKeys.one(contract.id), contract);
      void queryClient.invalidateQueries({ queryKey: contractKeys.business(businessId) });
    },
  });
}

/** The professional's answer, or the owner's withdrawal, of one offer. */
export function useRespond(contractId: string, businessId: string | null) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (answer: { accept: true } | { decline: DeclineOffer } | { withdraw: true }) => {
      if ('accept' in answer)
        return api('POST /contracts/:contractId/accept', { params: { contractId } });
      if ('decline' in answer)
        return api('POST /contracts/:contractId/decline', {
          params: { contractId },
          body: answer.decline,
        });
      if (!businessId) throw new Error('only the business withdraws an offer');
      return api('POST /businesses/:businessId/contracts/:contractId/withdraw', {
        params: { businessId, contractId },
      });
    },
    onSuccess: (contract) => {
      queryClient.setQueryData(contractKeys.one(contractId), contract);
      void queryClient.invalidateQueries({ queryKey: ['contracts'] });
    },
  });
}
