/**
 * A professional's side of hiring: their bids, the job page's actions, questions and saved
 * jobs — query keys, queries and mutations in one place. Types only from the contracts, so the
 * job page's lazy actions chunk does not bring zod.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Bid, SaveBidInput } from '../../../core/contracts/bids.ts';
import { api, ApiError } from '../../api.ts';
import { useGuardedMutation } from '../../use-guarded-mutation.ts';
import { uploadFile } from '../audit/upload.ts';

export const bidKeys = {
  viewer: (jobId: string) => ['job-viewer', jobId] as const,
  bid: (bidId: string) => ['bid', bidId] as const,
  hub: ['bids'] as const,
  saved: ['saved-jobs'] as const,
  questions: (jobId: string) => ['job-questions', jobId] as const,
  businessQuestions: (jobId: string) => ['business-questions', jobId] as const,
};

export const isStatus = (error: unknown, status: number) =>
  error instanceof ApiError && error.problem.status === status;

/** What the signed-in viewer may do on the job's page (not asked for anonymous visitors). */
export function useJobViewer(jobId: string, enabled: boolean) {
  return useQuery({
    queryKey: bidKeys.viewer(jobId),
    queryFn: () => api('GET /jobs/:jobId/viewer', { params: { jobId } }),
    enabled,
    retry: false,
  });
}

export function useJobQuestions(jobId: string) {
  return useQuery({
    queryKey: bidKeys.questions(jobId),
    queryFn: () => api('GET /jobs/:jobId/questions', { params: { jobId } }),
    retry: false,
  });
}

export function useBid(bidId: string | undefined) {
  return useQuery({
    queryKey: bidKeys.bid(bidId ?? ''),
    queryFn: () => api('GET /bids/:bidId', { params: { bidId: bidId ?? '' } }),
    enabled: Boolean(bidId),
    // The form owns the values while it is open.
    refetchOnWindowFocus: false,
  });
}

export function useMyBids() {
  return useQuery({ queryKey: bidKeys.hub, queryFn: () => api('GET /bids') });
}

export function useSavedJobs() {
  return useQuery({ queryKey: bidKeys.saved, queryFn: () => api('GET /me/saved-jobs') });
}

/**
 * Everything a change to one job's bid touches. A bid the server answered with is put in the
 * cache first, so a page showing it (the form, just after sending) does not reload.
 */
function useBidChanged(jobId: string) {
  const queryClient = useQueryClient();
  return (bidId: string, bid?: Bid) => {
    if (bid) queryClient.setQueryData(bidKeys.bid(bidId), bid);
    else void queryClient.invalidateQueries({ queryKey: bidKeys.bid(bidId) });
    void queryClient.invalidateQueries({ queryKey: bidKeys.viewer(jobId) });
    void queryClient.invalidateQueries({ queryKey: bidKeys.hub });
  };
}

/** Sends a new bid, or replaces the terms of the existing one. */
export function useSaveBid(jobId: string, bidId: string | undefined) {
  const changed = useBidChanged(jobId);
  return useGuardedMutation({
    mutationFn: (body: SaveBidInput) =>
      bidId
        ? api('PUT /bids/:bidId', { params: { bidId }, body })
        : api('POST /jobs/:jobId/bids', { params: { jobId }, body }),
    onSuccess: (bid) => changed(bid.id, bid),
  });
}

export function useWithdrawBid(jobId: string) {
  const changed = useBidChanged(jobId);
  return useGuardedMutation({
    mutationFn: (bidId: string) => api('POST /bids/:bidId/withdraw', { params: { bidId } }),
    onSuccess: (bid) => changed(bid.id, bid),
  });
}

export function useRemoveBidFile(jobId: string, bidId: string) {
  const changed = useBidChanged(jobId);
  return useGuardedMutation({
    mutationFn: (attachmentId: string) =>
      api('DELETE /bids/:bidId/attachments/:attachmentId', { params: { bidId, attachmentId } }),
    onSuccess: () => changed(bidId),
  });
}

/** Uploads one file to the bid as the raw body (the route streams it to disk). */
export function useUploadBidFile(jobId: string, bidId: string) {
  const changed = useBidChanged(jobId);
  return useGuardedMutation({
    mutationFn: (file: File) =>
      uploadFile(
        `/bids/${bidId}/attachments?name=${encodeURIComponent(file.name)}`,
        file,
        'application/octet-stream',
        () => {},
      ).done,
    onSuccess: () => changed(bidId),
  });
}

export function useSaveJob(jobId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (save: boolean) =>
      save
        ? api('PUT /me/saved-jobs/:jobId', { params: { jobId } })
        : api('DELETE /me/saved-jobs/:jobId', { params: { jobId } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: bidKeys.viewer(jobId) });
      void queryClient.invalidateQueries({ queryKey: bidKeys.saved });
    },
  });
}

export function useDeclineInvitation(jobId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: () => api('POST /jobs/:jobId/invitation/decline', { params: { jobId } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: bidKeys.viewer(jobId) });
      void queryClient.invalidateQueries({ queryKey: ['me', 'job-invitations'] });
    },
  });
}

export function useAskQuestion(jobId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (question: string) =>
      api('POST /jobs/:jobId/questions', { params: { jobId }, body: { question } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: bidKeys.questions(jobId) }),
  });
}

export function useBusinessQuestions(businessId: string, jobId: string) {
  return useQuery({
    queryKey: bidKeys.businessQuestions(jobId),
    queryFn: () =>
      api('GET /businesses/:businessId/jobs/:jobId/questions', { params: { businessId, jobId } }),
    retry: false,
  });
}

export function useAnswerQuestion(businessId: string, jobId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: ({ questionId, answer }: { questionId: string; answer: string }) =>
      api('PUT /businesses/:businessId/jobs/:jobId/questions/:questionId/answer', {
        params: { businessId, jobId, questionId },
        body: { answer },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: bidKeys.businessQuestions(jobId) });
      void queryClient.invalidateQueries({ queryKey: bidKeys.questions(jobId) });
    },
  });
}
