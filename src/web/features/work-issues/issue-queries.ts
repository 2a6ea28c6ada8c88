/**
 * A contract's issues in the web app: keys, queries and mutations. Everything lives under
 * ['contract', contractId, 'issues'], which the live stream refetches when anyone changes them.
 */
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateWorkIssue,
  MoveWorkIssue,
  UpdateWorkIssue,
  WorkIssue,
  WorkIssueBoard,
  WorkIssueListQuery,
} from '../../../core/contracts/work-issues.ts';
import { api } from '../../api.ts';
import { useGuardedMutation } from '../../use-guarded-mutation.ts';

export const issueKeys = {
  all: (contractId: string) => ['contract', contractId, 'issues'] as const,
  board: (contractId: string) => ['contract', contractId, 'issues', 'board'] as const,
  list: (contractId: string, query: WorkIssueListQuery) =>
    ['contract', contractId, 'issues', 'list', query] as const,
  one: (contractId: string, number: number) =>
    ['contract', contractId, 'issues', 'one', number] as const,
};

/** The API's largest page: the board reads its cards in as few requests as it can. */
const BOARD_PAGE = 100;
/** The list view's page; "Load more" asks for the next. */
export const ISSUES_PAGE = 50;

/**
 * Every issue of the contract in board order, with its people and labels: a move places a card
 * by its index among ALL the column's cards, so the board must hold whole columns. It walks
 * the pages; a card met twice (moved between two page reads) is kept once, and the live
 * `issues` event that such a move sends refetches the board anyway.
 */
export function useIssueBoard(contractId: string) {
  return useQuery({
    queryKey: issueKeys.board(contractId),
    queryFn: async (): Promise<Omit<WorkIssueBoard, 'nextCursor'>> => {
      const seen = new Map<string, WorkIssue>();
      let cursor: string | undefined;
      let first: WorkIssueBoard | undefined;
      do {
        const page: WorkIssueBoard = await api('GET /contracts/:contractId/issues', {
          params: { contractId },
          query: { limit: BOARD_PAGE, cursor },
        });
        first ??= page;
        for (const issue of page.items) if (!seen.has(issue.id)) seen.set(issue.id, issue);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return { items: [...seen.values()], people: first.people, labels: first.labels };
    },
  });
}

/** The list view: pages of the filtered, sorted issues, `ISSUES_PAGE` at a time. */
export function useIssueList(contractId: string, query: WorkIssueListQuery) {
  return useInfiniteQuery({
    queryKey: issueKeys.list(contractId, query),
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      api('GET /contracts/:contractId/issues', {
        params: { contractId },
        query: { ...query, limit: ISSUES_PAGE, cursor: pageParam || undefined },
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
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
