/**
 * The operations audit's queries and the keys they live under. Everything of one audit sits
 * under ['audit', auditId], so a change anywhere (an entry, a task, an import) refreshes the
 * summary, tasks and entries with one invalidation.
 */
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Audit,
  AuditEntry,
  AuditSummary,
  AuditTask,
  Category,
  JobDraft,
} from '../../../core/contracts/audit.ts';
import { api } from '../../api.ts';

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
    queryFn: () => api<{ items: Audit[] }>('GET', `/businesses/${businessId}/audits`),
    enabled,
  });
}

export function useSummary(businessId: string, auditId: string) {
  return useQuery({
    queryKey: auditKeys.summary(auditId),
    queryFn: () => api<AuditSummary>('GET', `${auditPath(businessId, auditId)}/summary`),
  });
}

export function useTasks(businessId: string, auditId: string) {
  return useQuery({
    queryKey: auditKeys.tasks(auditId),
    queryFn: () => api<{ items: AuditTask[] }>('GET', `${auditPath(businessId, auditId)}/tasks`),
  });
}

export const ENTRIES_PAGE = 25;

export function useEntries(businessId: string, auditId: string, taskId?: string) {
  return useInfiniteQuery({
    queryKey: auditKeys.entries(auditId, taskId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const q = new URLSearchParams({ limit: String(ENTRIES_PAGE) });
      if (pageParam) q.set('cursor', pageParam);
      if (taskId) q.set('taskId', taskId);
      return api<{ items: AuditEntry[]; nextCursor: string | null }>(
        'GET',
        `${auditPath(businessId, auditId)}/entries?${q.toString()}`,
      );
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useTimer(businessId: string, auditId: string) {
  return useQuery({
    queryKey: auditKeys.timer(auditId),
    queryFn: () =>
      api<{ taskName: string; startedAt: string } | null>(
        'GET',
        `${auditPath(businessId, auditId)}/timer`,
      ),
  });
}

/** The admin's category list changes rarely; one fetch per session is plenty. */
export function useCategories() {
  return useQuery({
    queryKey: ['categories'],
    queryFn: () => api<{ items: Category[] }>('GET', '/categories'),
    staleTime: 5 * 60_000,
  });
}

export function useJobDrafts(businessId: string) {
  return useQuery({
    queryKey: auditKeys.drafts(businessId),
    queryFn: () => api<{ items: JobDraft[] }>('GET', `/businesses/${businessId}/job-drafts`),
  });
}

/** Refreshes everything derived from an audit's entries and tasks (summary, tasks, entries). */
export function useRefreshAudit(auditId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: auditKeys.all(auditId) });
}
