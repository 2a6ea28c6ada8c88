/** Hiring — award and contracts: the keys, queries and mutations of both parties. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  PauseContract,
  ProposeAmendmentInput,
} from '../../../core/contracts/contract-changes.ts';
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

// The running contract: its state and amendments (issue 12).
export const amendmentKeys = {
  list: (contractId: string) => ['contract', contractId, 'amendments'] as const,
};

export function useAmendments(contractId: string) {
  return useQuery({
    queryKey: amendmentKeys.list(contractId),
    queryFn: () => api('GET /contracts/:contractId/amendments', { params: { contractId } }),
  });
}

export type StateChange =
  | { pause: PauseContract }
  | { resume: true }
  | { end: { outcome: 'completed' | 'cancelled'; reason: string } };

/** Pause, resume or end the contract (owners and managers). */
export function useChangeState(contractId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (change: StateChange) => {
      const params = { contractId };
      if ('pause' in change)
        return api('POST /contracts/:contractId/pause', { params, body: change.pause });
      if ('resume' in change) return api('POST /contracts/:contractId/resume', { params });
      return api('POST /contracts/:contractId/end', { params, body: change.end });
    },
    onSuccess: (contract) => {
      queryClient.setQueryData(contractKeys.one(contractId), contract);
      void queryClient.invalidateQueries({ queryKey: ['contract', contractId] });
      void queryClient.invalidateQueries({ queryKey: ['contracts'] });
    },
  });
}

/** Propose a change, answer the other side's, or withdraw one's own. */
export function useAmend(contractId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (
      action:
        | { propose: ProposeAmendmentInput }
        | { answer: 'accept' | 'reject'; amendmentId: string; note: string }
        | { withdraw: string },
    ) => {
      if ('propose' in action)
        return api('POST /contracts/:contractId/amendments', {
          params: { contractId },
          body: action.propose,
        });
      if ('withdraw' in action)
        return api('POST /contracts/:contractId/amendments/:amendmentId/withdraw', {
          params: { contractId, amendmentId: action.withdraw },
        });
      const path =
        action.answer === 'accept'
          ? ('POST /contracts/:contractId/amendments/:amendmentId/accept' as const)
          : ('POST /contracts/:contractId/amendments/:amendmentId/reject' as const);
      return api(path, {
        params: { contractId, amendmentId: action.amendmentId },
        body: { note: action.note },
      });
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['contract', contractId] }),
  });
}
