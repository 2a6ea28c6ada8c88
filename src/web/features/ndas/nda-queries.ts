/**
 * NDAs on the web: the business's templates, a job's NDAs, a professional's own NDA and the
 * specification they read. Keys: ['nda-templates', businessId], ['job-ndas', jobId],
 * ['my-nda', jobId], ['my-spec', jobId].
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateNdaTemplate,
  SignNda,
  UpdateNdaTemplate,
} from '../../../core/contracts/ndas.ts';
import { api } from '../../api.ts';
import { useGuardedMutation } from '../../use-guarded-mutation.ts';

export const ndaKeys = {
  templates: (businessId: string) => ['nda-templates', businessId] as const,
  job: (jobId: string) => ['job-ndas', jobId] as const,
  mine: (jobId: string) => ['my-nda', jobId] as const,
  spec: (jobId: string) => ['my-spec', jobId] as const,
};

/** Download addresses (PDFs and files are not JSON, so not in the typed client). */
export const ndaPdfUrl = (jobId: string) => `/api/v1/jobs/${jobId}/nda/pdf`;
export const businessNdaPdfUrl = (businessId: string, jobId: string, professionalId: string) =>
  `/api/v1/businesses/${businessId}/jobs/${jobId}/ndas/${professionalId}/pdf`;
export const specFileUrl = (jobId: string, attachmentId: string) =>
  `/api/v1/jobs/${jobId}/spec/attachments/${attachmentId}`;

export function useNdaTemplates(businessId: string) {
  return useQuery({
    queryKey: ndaKeys.templates(businessId),
    queryFn: () => api('GET /businesses/:businessId/nda-templates', { params: { businessId } }),
  });
}

export function useCreateNdaTemplate(businessId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (body: CreateNdaTemplate) =>
      api('POST /businesses/:businessId/nda-templates', { params: { businessId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ndaKeys.templates(businessId) }),
  });
}

export function useUpdateNdaTemplate(businessId: string, templateId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (body: UpdateNdaTemplate) =>
      api('PATCH /businesses/:businessId/nda-templates/:templateId', {
        params: { businessId, templateId },
        body,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ndaKeys.templates(businessId) }),
  });
}

export function useArchiveNdaTemplate(businessId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (templateId: string) =>
      api('DELETE /businesses/:businessId/nda-templates/:templateId', {
        params: { businessId, templateId },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ndaKeys.templates(businessId) }),
  });
}

export function useJobNdas(businessId: string, jobId: string) {
  return useQuery({
    queryKey: ndaKeys.job(jobId),
    queryFn: () =>
      api('GET /businesses/:businessId/jobs/:jobId/ndas', { params: { businessId, jobId } }),
    retry: false,
  });
}

export function useSetJobNdaTemplate(businessId: string, jobId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (templateId: string | null) =>
      api('PUT /businesses/:businessId/jobs/:jobId/nda-template', {
        params: { businessId, jobId },
        body: { templateId },
      }),
    onSuccess: (overview) => queryClient.setQueryData(ndaKeys.job(jobId), overview),
  });
}

export function useSendNda(businessId: string, jobId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (professionalId: string) =>
      api('POST /businesses/:businessId/jobs/:jobId/ndas/:professionalId/send', {
        params: { businessId, jobId, professionalId },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ndaKeys.job(jobId) }),
  });
}

export function useMyNda(jobId: string) {
  return useQuery({
    queryKey: ndaKeys.mine(jobId),
    queryFn: () => api('GET /jobs/:jobId/nda', { params: { jobId } }),
    retry: false,
  });
}

export function useSignNda(jobId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (body: SignNda) => api('POST /jobs/:jobId/nda/sign', { params: { jobId }, body }),
    onSuccess: (nda) => {
      queryClient.setQueryData(ndaKeys.mine(jobId), nda);
      void queryClient.invalidateQueries({ queryKey: ndaKeys.spec(jobId) });
    },
  });
}

export function useMySpec(jobId: string) {
  return useQuery({
    queryKey: ndaKeys.spec(jobId),
    queryFn: () => api('GET /jobs/:jobId/spec', { params: { jobId } }),
    retry: false,
  });
}

export function useAcknowledgeSpec(jobId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (version: number) =>
      api('POST /jobs/:jobId/spec/acknowledge', { params: { jobId }, body: { version } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ndaKeys.spec(jobId) }),
  });
}

/**
 * The SHA-256 of the text as this browser shows it, in hex, so the signature covers what was on
 * screen; null where the browser has no Web Crypto (a page not served over HTTPS or localhost).
 */
export async function sha256Hex(text: string): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
