/**
 * A contract's issues in the web app: keys, queries and mutations. Everything lives under
 * ['contract', contractId, 'issues'], which the live stream refetches when anyone changes them.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateWorkIssue,
  MoveWorkIssue,
  UpdateWorkIssue,
  WorkIssueListQuery,
} from '../../../core/contracts/work-issues.ts';
import { api } from '../../api.ts';
import { useGuardedMutation } from '../../use-guarded-mutation.ts';

export const issueKeys = {
  all: (contractId: string) => ['contract', contractId, 'issues'] as const,
  list: (contractId: string, query: WorkIssueListQuery) =>
    ['contract', contractId, 'issues', 'list', query] as const,
  one: (contractId: string, number: number) =>
    ['contract', contractId, 'issues', 'one', number] as const,
};

export function useIssues(contractId: string, query: WorkIssueListQuery = {}) {
  return useQuery({
    queryKey: issueKeys.list(contractId, query),
    queryFn: () => api('GET /contracts/:contractId/issues', { params: { contractId }, query }),
    placeholderData: (previous) => previous,
  });
}

export function useIssue(contractId: string, number: number) {
  return useQuery({
    queryKey: issueKeys.one(contractId, number),
    queryFn: () =>
      api('GET /contracts/:contractId/issues/:number', { params: { contractId, number } }),
    retry: false,
  });
}

/** Every issue change refetches the contract's issues (board, list and pages). */
function useRefresh(contractId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: issueKeys.all(contractId) });
}

export function useCreateIssue(contractId: string) {
  const refresh = useRefresh(contractId);
  return useGuardedMutation({
    mutationFn: (body: CreateWorkIssue) =>
      api('POST /contracts/:contractId/issues', { params: { contractId }, body }),
    onSuccess: refresh,
  });
}

export function useUpdateIssue(contractId: string, number: number) {
  const refresh = useRefresh(contractId);
  return useGuardedMutation({
    mutationFn: (body: UpdateWorkIssue) =>
      api('PATCH /contracts/:contractId/issues/:number', { params: { contractId, number }, body }),
    onSuccess: refresh,
  });
}

export function useMoveIssue(contractId: string) {
  const refresh = useRefresh(contractId);
  return useGuardedMutation({
    mutationFn: ({ number, ...body }: MoveWorkIssue & { number: number }) =>
      api('POST /contracts/:contractId/issues/:number/move', {
        params: { contractId, number },
        body,
      }),
    onSettled: refresh,
  });
}

export function useCommentIssue(contractId: string, number: number) {
  const refresh = useRefresh(contractId);
  return useGuardedMutation({
    mutationFn: (body: { body: string }) =>
      api('POST /contracts/:contractId/issues/:number/comments', {
        params: { contractId, number },
        body,
      }),
    onSuccess: refresh,
  });
}
