/**
 * The shortlist's query keys, queries and mutations. A job's list, comparison and settings sit
 * under ['shortlist', jobId], so an action on a bid refreshes all of them with one invalidation.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  SaveDeclineTemplateInput,
  SaveShortlistSettings,
} from '../../../core/contracts/shortlist.ts';
import { api } from '../../api.ts';
import { useGuardedMutation } from '../../use-guarded-mutation.ts';

export const shortlistKeys = {
  job: (jobId: string) => ['shortlist', jobId] as const,
  list: (jobId: string) => ['shortlist', jobId, 'list'] as const,
  compare: (jobId: string, bids: string) => ['shortlist', jobId, 'compare', bids] as const,
  bid: (jobId: string, bidId: string) => ['shortlist', jobId, 'bid', bidId] as const,
  templates: (businessId: string) => ['decline-templates', businessId] as const,
};

export function useShortlist(businessId: string, jobId: string) {
  return useQuery({
    queryKey: shortlistKeys.list(jobId),
    queryFn: () =>
      api('GET /businesses/:businessId/jobs/:jobId/shortlist', { params: { businessId, jobId } }),
  });
}

export function useComparison(businessId: string, jobId: string, bids: string) {
  return useQuery({
    queryKey: shortlistKeys.compare(jobId, bids),
    queryFn: () =>
      api('GET /businesses/:businessId/jobs/:jobId/shortlist/compare', {
        params: { businessId, jobId },
        query: { bids },
      }),
    retry: false,
  });
}

/** One bid in full (letter, answers, milestones, files), read when its card is opened. */
export function useBidDetail(businessId: string, jobId: string, bidId: string) {
  return useQuery({
    queryKey: shortlistKeys.bid(jobId, bidId),
    queryFn: () =>
      api('GET /businesses/:businessId/jobs/:jobId/shortlist/bids/:bidId', {
        params: { businessId, jobId, bidId },
      }),
  });
}

export const bidAttachmentUrl = (
  businessId: string,
  jobId: string,
  bidId: string,
  attachmentId: string,
) => `/api/v1/businesses/${businessId}/jobs/${jobId}/bids/${bidId}/attachments/${attachmentId}`;

function useRefresh(jobId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: shortlistKeys.job(jobId) });
}

export function useSaveSettings(businessId: string, jobId: string) {
  const refresh = useRefresh(jobId);
  return useGuardedMutation({
    mutationFn: (body: SaveShortlistSettings) =>
      api('PUT /businesses/:businessId/jobs/:jobId/shortlist/settings', {
        params: { businessId, jobId },
        body,
      }),
    onSuccess: refresh,
  });
}

/** Shortlist (`on`) or take off the shortlist. */
export function useShortlistBid(businessId: string, jobId: string) {
  const refresh = useRefresh(jobId);
  return useGuardedMutation({
    mutationFn: ({ bidId, on }: { bidId: string; on: boolean }) =>
      api(
        on
          ? 'POST /businesses/:businessId/jobs/:jobId/shortlist/bids/:bidId'
          : 'DELETE /businesses/:businessId/jobs/:jobId/shortlist/bids/:bidId',
        { params: { businessId, jobId, bidId } },
      ),
    onSuccess: refresh,
  });
}

export function useDeclineBid(businessId: string, jobId: string) {
  const refresh = useRefresh(jobId);
  return useGuardedMutation({
    mutationFn: ({ bidId, message }: { bidId: string; message: string }) =>
      api('POST /businesses/:businessId/jobs/:jobId/shortlist/bids/:bidId/decline', {
        params: { businessId, jobId, bidId },
        body: { message },
      }),
    onSuccess: refresh,
  });
}

export function useHideBid(businessId: string, jobId: string) {
  const refresh = useRefresh(jobId);
  return useGuardedMutation({
    mutationFn: ({ bidId, hidden }: { bidId: string; hidden: boolean }) =>
      api('PUT /businesses/:businessId/jobs/:jobId/shortlist/bids/:bidId/hidden', {
        params: { businessId, jobId, bidId },
        body: { hidden },
      }),
    onSuccess: refresh,
  });
}

export function useDeclineTemplates(businessId: string) {
  return useQuery({
    queryKey: shortlistKeys.templates(businessId),
    queryFn: () => api('GET /businesses/:businessId/decline-templates', { params: { businessId } }),
  });
}

function useRefreshTemplates(businessId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: shortlistKeys.templates(businessId) });
}

export function useCreateDeclineTemplate(businessId: string) {
  const refresh = useRefreshTemplates(businessId);
  return useGuardedMutation({
    mutationFn: (body: SaveDeclineTemplateInput) =>
      api('POST /businesses/:businessId/decline-templates', { params: { businessId }, body }),
    onSuccess: refresh,
  });
}

export function useUpdateDeclineTemplate(businessId: string) {
  const refresh = useRefreshTemplates(businessId);
  return useGuardedMutation({
    mutationFn: ({ templateId, ...body }: SaveDeclineTemplateInput & { templateId: string }) =>
      api('PUT /businesses/:businessId/decline-templates/:templateId', {
        params: { businessId, templateId },
        body,
      }),
    onSuccess: refresh,
  });
}

export function useDeleteDeclineTemplate(businessId: string) {
  const refresh = useRefreshTemplates(businessId);
  return useGuardedMutation({
    mutationFn: (templateId: string) =>
      api('DELETE /businesses/:businessId/decline-templates/:templateId', {
        params: { businessId, templateId },
      }),
    onSuccess: refresh,
  });
}
