/**
 * The business side of jobs: queries, mutations and the keys they live under. Everything of
 * one job sits under ['job', jobId] (versions, diff, views, invitations); the business's job
 * list under ['jobs', businessId], refreshed whenever a job changes.
 */
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useGuardedMutation } from '../../use-guarded-mutation.ts';
import type { z } from 'zod';
import type {
  Attachment,
  BusinessJob,
  CreateJob,
  JobInvitationSchema,
  SkillSchema,
  SpecVersionSummarySchema,
  SpecViewSchema,
  UpdateJob,
} from '../../../core/contracts/jobs.ts';
import type { JobAction } from '../../../core/jobs.ts';
import { api } from '../../api.ts';

export type Skill = z.infer<typeof SkillSchema>;
export type SpecVersionSummary = z.infer<typeof SpecVersionSummarySchema>;
export type SpecView = z.infer<typeof SpecViewSchema>;
export type JobInvitation = z.infer<typeof JobInvitationSchema>;
export type PublishSettings = Pick<UpdateJob, 'visibility' | 'ndaRequired' | 'trialPlanned'>;

export const jobsPath = (businessId: string) => `/businesses/${businessId}/jobs`;
export const jobPath = (businessId: string, jobId: string) => `${jobsPath(businessId)}/${jobId}`;

export const jobKeys = {
  list: (businessId: string) => ['jobs', businessId] as const,
  job: (jobId: string) => ['job', jobId] as const,
  versions: (jobId: string) => ['job', jobId, 'versions'] as const,
  diff: (jobId: string, from: number, to: number) => ['job', jobId, 'diff', from, to] as const,
  views: (jobId: string) => ['job', jobId, 'spec-views'] as const,
  invitations: (jobId: string) => ['job', jobId, 'invitations'] as const,
  templates: ['job-templates'] as const,
  skills: (q: string) => ['skills', q] as const,
};

/** Puts the saved job in the cache and marks what derives from it (list, versions) stale. */
function jobSaved(queryClient: QueryClient, businessId: string, job: BusinessJob) {
  queryClient.setQueryData(jobKeys.job(job.id), job);
  void queryClient.invalidateQueries({ queryKey: jobKeys.list(businessId) });
  void queryClient.invalidateQueries({ queryKey: jobKeys.versions(job.id) });
  // The public side of the same job (board, public page), if this session has it cached.
  void queryClient.invalidateQueries({ queryKey: ['public-job', job.id] });
  void queryClient.invalidateQueries({ queryKey: ['board'] });
}

export function useJob(businessId: string, jobId: string) {
  return useQuery({
    queryKey: jobKeys.job(jobId),
    queryFn: () =>
      api('GET /businesses/:businessId/jobs/:jobId', { params: { businessId, jobId } }),
    // The editor owns the form while it is open: a refetch on focus would only race the typing.
    refetchOnWindowFocus: false,
    retry: false,
  });
}

export function useJobTemplates() {
  return useQuery({
    queryKey: jobKeys.templates,
    queryFn: () => api('GET /job-templates'),
    staleTime: 5 * 60_000,
  });
}

/** Skill names for the autocomplete; an empty query asks for none. */
export function useSkillSuggestions(q: string) {
  return useQuery({
    queryKey: jobKeys.skills(q),
    queryFn: () => api('GET /skills', { query: { q, limit: 8 } }),
    enabled: q.length > 0,
    staleTime: 60_000,
    placeholderData: (previous) => previous,
  });
}

export function useCreateJob(businessId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (body: CreateJob) =>
      api('POST /businesses/:businessId/jobs', { params: { businessId }, body }),
    onSuccess: (job) => jobSaved(queryClient, businessId, job),
  });
}

export function useSaveJob(businessId: string, jobId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (body: UpdateJob) =>
      api('PATCH /businesses/:businessId/jobs/:jobId', { params: { businessId, jobId }, body }),
    onSuccess: (job) => jobSaved(queryClient, businessId, job),
  });
}

export function usePublishJob(businessId: string, jobId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (settings: PublishSettings) =>
      api('POST /businesses/:businessId/jobs/:jobId/publish', {
        params: { businessId, jobId },
        body: settings,
      }),
    onSuccess: (job) => jobSaved(queryClient, businessId, job),
  });
}

/** Close, reopen or archive; publishing has its own dialog and settings. */
export function useJobTransition(businessId: string, jobId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (action: Exclude<JobAction, 'publish'>) =>
      api(`POST /businesses/:businessId/jobs/:jobId/${action}`, { params: { businessId, jobId } }),
    onSuccess: (job) => jobSaved(queryClient, businessId, job),
  });
}

export function useDeleteJob(businessId: string, jobId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: () =>
      api('DELETE /businesses/:businessId/jobs/:jobId', { params: { businessId, jobId } }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: jobKeys.job(jobId) });
      void queryClient.invalidateQueries({ queryKey: jobKeys.list(businessId) });
    },
  });
}

export function useVersions(businessId: string, jobId: string) {
  return useQuery({
    queryKey: jobKeys.versions(jobId),
    queryFn: () =>
      api('GET /businesses/:businessId/jobs/:jobId/versions', { params: { businessId, jobId } }),
  });
}

export function useDiff(businessId: string, jobId: string, from: number, to: number) {
  return useQuery({
    queryKey: jobKeys.diff(jobId, from, to),
    queryFn: () =>
      api('GET /businesses/:businessId/jobs/:jobId/diff', {
        params: { businessId, jobId },
        query: { from, to },
      }),
    enabled: from > 0 && to > 0 && from !== to,
    staleTime: Infinity,
  });
}

export function useSpecViews(businessId: string, jobId: string) {
  return useQuery({
    queryKey: jobKeys.views(jobId),
    queryFn: () =>
      api('GET /businesses/:businessId/jobs/:jobId/spec-views', { params: { businessId, jobId } }),
  });
}

export function useInvitations(businessId: string, jobId: string) {
  return useQuery({
    queryKey: jobKeys.invitations(jobId),
    queryFn: () =>
      api('GET /businesses/:businessId/jobs/:jobId/invitations', { params: { businessId, jobId } }),
  });
}

export function useInvite(businessId: string, jobId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (email: string) =>
      api('POST /businesses/:businessId/jobs/:jobId/invitations', {
        params: { businessId, jobId },
        body: { email },
      }),
    // The answer does not say whether an account was invited (or an address that waits for a
    // sign-up), so the job's invitedCount is left to the next load.
    onSuccess: () => refreshInvitations(queryClient, businessId, jobId, 0),
  });
}

/** Withdraws an e-mail invitation that nobody has claimed yet. */
export function useRemovePendingInvitation(businessId: string, jobId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (email: string) =>
      api('DELETE /businesses/:businessId/jobs/:jobId/email-invitations/:email', {
        params: { businessId, jobId, email },
      }),
    onSuccess: () => refreshInvitations(queryClient, businessId, jobId, 0),
  });
}

export function useRemoveInvitation(businessId: string, jobId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (userId: string) =>
      api('DELETE /businesses/:businessId/jobs/:jobId/invitations/:userId', {
        params: { businessId, jobId, userId },
      }),
    onSuccess: () => refreshInvitations(queryClient, businessId, jobId, -1),
  });
}

function refreshInvitations(
  queryClient: QueryClient,
  businessId: string,
  jobId: string,
  change: number,
) {
  void queryClient.invalidateQueries({ queryKey: jobKeys.invitations(jobId) });
  void queryClient.invalidateQueries({ queryKey: jobKeys.list(businessId) });
  // The job carries invitedCount; patch it rather than refetch (a refetch records a spec view).
  queryClient.setQueryData<BusinessJob>(
    jobKeys.job(jobId),
    (job) => job && { ...job, invitedCount: Math.max(0, job.invitedCount + change) },
  );
}

export const attachmentUrl = (businessId: string, jobId: string, attachmentId: string) =>
  `/api/v1${jobPath(businessId, jobId)}/attachments/${attachmentId}`;

/** Adds or removes an attachment in the cached job, leaving the form's text alone. */
export function patchAttachments(
  queryClient: QueryClient,
  jobId: string,
  change: (list: Attachment[]) => Attachment[],
) {
  queryClient.setQueryData<BusinessJob>(
    jobKeys.job(jobId),
    (job) => job && { ...job, attachments: change(job.attachments) },
  );
}

export function useDeleteAttachment(businessId: string, jobId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (attachmentId: string) =>
      api('DELETE /businesses/:businessId/jobs/:jobId/attachments/:attachmentId', {
        params: { businessId, jobId, attachmentId },
      }),
    onSuccess: (_, attachmentId) => {
      patchAttachments(queryClient, jobId, (list) => list.filter((a) => a.id !== attachmentId));
      void queryClient.invalidateQueries({ queryKey: jobKeys.list(businessId) });
    },
  });
}
