/**
 * Work — time: the keys, queries and mutations of a contract's time. Every key starts with
 * `['contract', contractId, 'time']`, so a live `time` event on the contract refetches them all.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateTimeEntryInput,
  ReviewWeekInput,
  StartContractTimerInput,
  UpdateTimeEntry,
} from '../../../core/contracts/time.ts';
import { api } from '../../api.ts';
import { useGuardedMutation } from '../../use-guarded-mutation.ts';

export const timeKeys = {
  all: (contractId: string) => ['contract', contractId, 'time'] as const,
  week: (contractId: string, week: string | null) =>
    ['contract', contractId, 'time', 'week', week ?? 'current'] as const,
};

export function useTimesheet(contractId: string, week: string | null) {
  return useQuery({
    queryKey: timeKeys.week(contractId, week),
    queryFn: () =>
      api('GET /contracts/:contractId/time', {
        params: { contractId },
        query: week ? { week } : {},
      }),
  });
}

/** Every change refetches the contract's time (totals, the running timer, the review). */
export function useTimeActions(contractId: string) {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: timeKeys.all(contractId) });
  const params = { contractId };
  return {
    start: useGuardedMutation({
      mutationFn: (body: StartContractTimerInput) =>
        api('POST /contracts/:contractId/time/timer', { params, body }),
      onSuccess,
    }),
    stop: useGuardedMutation({
      mutationFn: () => api('POST /contracts/:contractId/time/timer/stop', { params }),
      onSuccess,
    }),
    create: useGuardedMutation({
      mutationFn: (body: CreateTimeEntryInput) =>
        api('POST /contracts/:contractId/time/entries', { params, body }),
      onSuccess,
    }),
    update: useGuardedMutation({
      mutationFn: ({ entryId, body }: { entryId: string; body: UpdateTimeEntry }) =>
        api('PATCH /contracts/:contractId/time/entries/:entryId', {
          params: { contractId, entryId },
          body,
        }),
      onSuccess,
    }),
    remove: useGuardedMutation({
      mutationFn: (entryId: string) =>
        api('DELETE /contracts/:contractId/time/entries/:entryId', {
          params: { contractId, entryId },
        }),
      onSuccess,
    }),
    review: useGuardedMutation({
      mutationFn: ({ weekStart, ...body }: ReviewWeekInput & { weekStart: string }) =>
        api('POST /contracts/:contractId/time/weeks/:weekStart/review', {
          params: { contractId, weekStart },
          body,
        }),
      onSuccess,
    }),
  };
}
