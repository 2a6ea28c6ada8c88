/**
 * Trials' query keys, queries and mutations. A job's trials sit under ['trials', 'job', jobId]
 * and a professional's own under ['trials', 'mine', …], so a change refreshes one side at once.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateTrialInput,
  DeclineTrialInput,
  ScoreTrialInput,
  SubmitTrialInput,
} from '../../../core/contracts/trials.ts';
import { api } from '../../api.ts';
import { useGuardedMutation } from '../../use-guarded-mutation.ts';

export const trialKeys = {
  job: (jobId: string) => ['trials', 'job', jobId] as const,
  candidates: (jobId: string) => ['trials', 'job', jobId, 'candidates'] as const,
  mine: (trialId: string) => ['trials', 'mine', trialId] as const,
  all: ['trials', 'mine'] as const,
};

export const trialFileUrl = (businessId: string, jobId: string, trialId: string, fileId: string) =>
  `/api/v1/businesses/${businessId}/jobs/${jobId}/trials/${trialId}/files/${fileId}`;
export const myTrialFileUrl = (trialId: string, fileId: string) =>
  `/api/v1/trials/${trialId}/files/${fileId}`;

export function useJobTrials(businessId: string, jobId: string) {
  return useQuery({
    queryKey: trialKeys.job(jobId),
    queryFn: () =>
      api('GET /businesses/:businessId/jobs/:jobId/trials', { params: { businessId, jobId } }),
  });
}

export function useTrialCandidates(businessId: string, jobId: string) {
  return useQuery({
    queryKey: trialKeys.candidates(jobId),
    queryFn: () =>
      api('GET /businesses/:businessId/jobs/:jobId/trials/candidates', {
        params: { businessId, jobId },
      }),
  });
}

function useRefreshJob(jobId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trialKeys.job(jobId) });
}

export function useCreateTrial(businessId: string, jobId: string) {
  const refresh = useRefreshJob(jobId);
  return useGuardedMutation({
    mutationFn: (body: CreateTrialInput) =>
      api('POST /businesses/:businessId/jobs/:jobId/trials', {
        params: { businessId, jobId },
        body,
      }),
    onSuccess: refresh,
  });
}

export function useCancelTrial(businessId: string, jobId: string) {
  const refresh = useRefreshJob(jobId);
  return useGuardedMutation({
    mutationFn: (trialId: string) =>
      api('POST /businesses/:businessId/jobs/:jobId/trials/:trialId/cancel', {
        params: { businessId, jobId, trialId },
      }),
    onSuccess: refresh,
  });
}

export function useScoreTrial(businessId: string, jobId: string) {
  const refresh = useRefreshJob(jobId);
  return useGuardedMutation({
    mutationFn: ({
      trialId,
      professionalId,
      ...body
    }: ScoreTrialInput & { trialId: string; professionalId: string }) =>
      api(
        'PUT /businesses/:businessId/jobs/:jobId/trials/:trialId/participants/:professionalId/score',
        { params: { businessId, jobId, trialId, professionalId }, body },
      ),
    onSuccess: refresh,
  });
}

/** The professional's trials, newest first (the list page). */
export function useMyTrials() {
  return useQuery({ queryKey: trialKeys.all, queryFn: () => api('GET /me/trials') });
}

export function useMyTrial(trialId: string) {
  return useQuery({
    queryKey: trialKeys.mine(trialId),
    queryFn: () => api('GET /trials/:trialId', { params: { trialId } }),
    retry: false,
  });
}

function useRefreshMine(trialId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trialKeys.mine(trialId) });
}

export function useAcceptTrial(trialId: string) {
  const refresh = useRefreshMine(trialId);
  return useGuardedMutation({
    mutationFn: () => api('POST /trials/:trialId/accept', { params: { trialId } }),
    onSuccess: refresh,
  });
}

export function useDeclineTrial(trialId: string) {
  const refresh = useRefreshMine(trialId);
  return useGuardedMutation({
    mutationFn: (body: DeclineTrialInput) =>
      api('POST /trials/:trialId/decline', { params: { trialId }, body }),
    onSuccess: refresh,
  });
}

export function useSubmitTrial(trialId: string) {
  const refresh = useRefreshMine(trialId);
  return useGuardedMutation({
    mutationFn: (body: SubmitTrialInput) =>
      api('PUT /trials/:trialId/submission', { params: { trialId }, body }),
    onSuccess: refresh,
  });
}

export function useRemoveTrialFile(trialId: string) {
  const refresh = useRefreshMine(trialId);
  return useGuardedMutation({
    mutationFn: (fileId: string) =>
      api('DELETE /trials/:trialId/files/:fileId', { params: { trialId, fileId } }),
    onSuccess: refresh,
  });
}

/** "2 h 15 min left", "45 min left", or "3 h past the deadline". */
export function countdown(deadline: string, now: number): string {
  const ms = new Date(deadline).getTime() - now;
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const text =
    days > 0 ? `${days} d ${hours} h` : hours > 0 ? `${hours} h ${mins} min` : `${mins} min`;
  return ms >= 0 ? `${text} left` : `${text} past the deadline`;
}

/** A time box in words: "2 h", "1 h 30 min", "45 min". */
export function timeBox(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h > 0 ? `${h} h` : '', m > 0 ? `${m} min` : ''].filter(Boolean).join(' ');
}
