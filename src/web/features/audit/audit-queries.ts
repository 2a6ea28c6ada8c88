/**
 * The operations audit's queries, mutations and the keys they live under. Everything of one
 * audit sits under ['audit', auditId], so a change anywhere (an entry, a task, an import)
 * refreshes the summary, tasks and entries with one invalidation. Mutations do the cache work
 * here; what a page shows afterwards it passes to `mutate(input, { onSuccess })`.
 */
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useGuardedMutation } from '../../use-guarded-mutation.ts';
import type {
  AuditTask,
  BulkUpdateTasksSchema,
  CreateEntry,
  JobDraft,
  StartAudit,
  UpdateTask,
  UpdateAuditInput,
} from '../../../core/contracts/audit.ts';
import type { z } from 'zod';
import { api, ApiError } from '../../api.ts';

/** The URL of an audit under /api/v1, for what is not JSON (CSV exports, imports). */
export const auditPath = (businessId: string, auditId: string) =>
  `/businesses/${businessId}/audits/${auditId}`;

export const auditKeys = {
  list: (businessId: string) => ['audits', businessId] as const,
  all: (auditId: string) => ['audit', auditId] as const,
  summary: (auditId: string) => ['audit', auditId, 'summary'] as const,
  tasks: (auditId: string) => ['audit', auditId, 'tasks'] as const,
  entries: (auditId: string, taskId?: string) =>
    ['audit', auditId, 'entries', taskId ?? 'all'] as const,
  timer: (auditId: string) => ['audit', auditId, 'timer'] as const,
  drafts: (businessId: string) => ['job-drafts', businessId] as const,
};

export function useAudits(businessId: string, enabled = true) {
  return useQuery({
    queryKey: auditKeys.list(businessId),
    queryFn: () => api('GET /businesses/:businessId/audits', { params: { businessId } }),
    enabled,
  });
}

export function useSummary(businessId: string, auditId: string) {
  return useQuery({
    queryKey: auditKeys.summary(auditId),
    queryFn: () =>
      api('GET /businesses/:businessId/audits/:auditId/summary', {
        params: { businessId, auditId },
      }),
  });
}

export function useTasks(businessId: string, auditId: string) {
  return useQuery({
    queryKey: auditKeys.tasks(auditId),
    queryFn: () =>
      api('GET /businesses/:businessId/audits/:auditId/tasks', { params: { businessId, auditId } }),
  });
}

export const ENTRIES_PAGE = 25;

export function useEntries(businessId: string, auditId: string, taskId?: string) {
  return useInfiniteQuery({
    queryKey: auditKeys.entries(auditId, taskId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api('GET /businesses/:businessId/audits/:auditId/entries', {
        params: { businessId, auditId },
        query: { limit: ENTRIES_PAGE, cursor: pageParam ?? undefined, taskId },
      }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useTimer(businessId: string, auditId: string) {
  return useQuery({
    queryKey: auditKeys.timer(auditId),
    queryFn: () =>
      api('GET /businesses/:businessId/audits/:auditId/timer', { params: { businessId, auditId } }),
  });
}

export function useJobDrafts(businessId: string) {
  return useQuery({
    queryKey: auditKeys.drafts(businessId),
    queryFn: () => api('GET /businesses/:businessId/job-drafts', { params: { businessId } }),
  });
}

export function useStartAudit(businessId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (body: StartAudit) =>
      api('POST /businesses/:businessId/audits', { params: { businessId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: auditKeys.list(businessId) }),
  });
}

/** Close the audit, change its hourly value or period; the list and every derived figure refresh. */
export function useUpdateAudit(businessId: string, auditId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (body: UpdateAuditInput) =>
      api('PATCH /businesses/:businessId/audits/:auditId', {
        params: { businessId, auditId },
        body,
      }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: auditKeys.list(businessId) }),
        queryClient.invalidateQueries({ queryKey: auditKeys.all(auditId) }),
      ]),
  });
}

export function useAddEntry(businessId: string, auditId: string) {
  const refresh = useRefreshAudit(auditId);
  return useGuardedMutation({
    mutationFn: (body: CreateEntry) =>
      api('POST /businesses/:businessId/audits/:auditId/entries', {
        params: { businessId, auditId },
        body,
      }),
    onSuccess: refresh,
  });
}

export function useUpdateEntry(businessId: string, auditId: string, entryId: string) {
  const refresh = useRefreshAudit(auditId);
  return useGuardedMutation({
    mutationFn: (body: Partial<CreateEntry>) =>
      api('PATCH /businesses/:businessId/audits/:auditId/entries/:entryId', {
        params: { businessId, auditId, entryId },
        body,
      }),
    onSuccess: refresh,
  });
}

export function useDeleteEntry(businessId: string, auditId: string) {
  const refresh = useRefreshAudit(auditId);
  return useGuardedMutation({
    mutationFn: (entryId: string) =>
      api('DELETE /businesses/:businessId/audits/:auditId/entries/:entryId', {
        params: { businessId, auditId, entryId },
      }),
    onSuccess: refresh,
  });
}

export function useUpdateTask(businessId: string, auditId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdateTask }) =>
      api('PATCH /businesses/:businessId/audits/:auditId/tasks/:taskId', {
        params: { businessId, auditId, taskId: id },
        body: patch,
      }),
    // Show the choice at once; the server's answer (or a refetch on error) settles it.
    onMutate: ({ id, patch }) =>
      queryClient.setQueryData<{ items: AuditTask[] }>(auditKeys.tasks(auditId), (old) =>
        old ? { items: old.items.map((t) => (t.id === id ? { ...t, ...patch } : t)) } : old,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: auditKeys.all(auditId) }),
  });
}

export function useBulkUpdateTasks(businessId: string, auditId: string) {
  const refresh = useRefreshAudit(auditId);
  return useGuardedMutation({
    mutationFn: (body: z.input<typeof BulkUpdateTasksSchema>) =>
      api('POST /businesses/:businessId/audits/:auditId/tasks/bulk-update', {
        params: { businessId, auditId },
        body,
      }),
    onSuccess: refresh,
  });
}

/** Starting, stopping and discarding the person's timer; each answer is the timer's new state. */
export function useTimerActions(businessId: string, auditId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshAudit(auditId);
  const params = { businessId, auditId };
  const setTimer = (timer: { taskName: string; startedAt: string } | null) =>
    queryClient.setQueryData(auditKeys.timer(auditId), timer);
  return {
    start: useGuardedMutation({
      mutationFn: (taskName: string) =>
        api('POST /businesses/:businessId/audits/:auditId/timer', {
          params,
          body: { taskName },
        }),
      onSuccess: setTimer,
      // 409: a timer already runs (another tab started one): fetch it, so the page shows it.
      onError: (e) => {
        if (e instanceof ApiError && e.problem.status === 409)
          void queryClient.invalidateQueries({ queryKey: auditKeys.timer(auditId) });
      },
    }),
    stop: useGuardedMutation({
      mutationFn: () => api('POST /businesses/:businessId/audits/:auditId/timer/stop', { params }),
      onSuccess: async () => {
        setTimer(null);
        await refresh();
      },
    }),
    discard: useGuardedMutation({
      mutationFn: () => api('DELETE /businesses/:businessId/audits/:auditId/timer', { params }),
      onSuccess: () => setTimer(null),
    }),
  };
}

/** Hands a task to the job editor as a draft; the new draft leads the business's list. */
export function useHandOff(businessId: string, auditId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (taskId: string) =>
      api('POST /businesses/:businessId/audits/:auditId/tasks/:taskId/job-draft', {
        params: { businessId, auditId, taskId },
      }),
    onSuccess: (draft) =>
      queryClient.setQueryData<{ items: JobDraft[] }>(auditKeys.drafts(businessId), (old) => ({
        items: [draft, ...(old?.items ?? [])],
      })),
  });
}

/** Refreshes everything derived from an audit's entries and tasks (summary, tasks, entries). */
export function useRefreshAudit(auditId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: auditKeys.all(auditId) });
}
