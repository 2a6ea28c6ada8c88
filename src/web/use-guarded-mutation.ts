/**
 * TanStack Query's `useMutation`, with one rule added: a call made while the same call (same
 * variables) is still running is not sent again; `mutateAsync` hands back the running call's
 * promise. Every mutation of the app goes through it, so a double click on "Hand this off" or
 * Publish makes one request whatever the button does.
 *
 * It is needed beside the buttons' `busy`: TanStack Query tells React about `isPending` on a
 * later tick, so a second click that arrives first still finds the button enabled. Here the
 * running call is recorded synchronously, and `isPending` is true from the click on.
 */
import {
  useMutation,
  type MutateOptions,
  type UseMutationOptions,
  type UseMutationResult,
} from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';

export function useGuardedMutation<
  TData = unknown,
  TError = Error,
  TVariables = void,
  TContext = unknown,
>(
  options: UseMutationOptions<TData, TError, TVariables, TContext>,
): UseMutationResult<TData, TError, TVariables, TContext> {
  const mutation = useMutation(options);
  const { mutateAsync: send } = mutation;
  const running = useRef(new Map<string, Promise<TData>>());
  // The variables of the latest call still running, set in the click's own event.
  const [started, setStarted] = useState<{ variables: TVariables } | null>(null);

  const mutateAsync = useCallback(
    (variables: TVariables, callOptions?: MutateOptions<TData, TError, TVariables, TContext>) => {
      const id = JSON.stringify(variables ?? null);
      const already = running.current.get(id);
      if (already) return already;
      setStarted({ variables });
      const call = send(variables, callOptions).finally(() => {
        running.current.delete(id);
        if (running.current.size === 0) setStarted(null);
      });
      running.current.set(id, call);
      return call;
    },
    [send],
  );
  const mutate = useCallback(
    (variables: TVariables, callOptions?: MutateOptions<TData, TError, TVariables, TContext>) => {
      // The mutation's `error` shows a failure; a rejected promise here would go unhandled.
      mutateAsync(variables, callOptions).catch(() => {});
    },
    [mutateAsync],
  );
  // TanStack's result is a union keyed by `status`; only `isPending` and `variables` run ahead
  // of it, for the moment between the click and its state arriving.
  return {
    ...mutation,
    mutate,
    mutateAsync,
    isPending: mutation.isPending || started !== null,
    variables: mutation.isPending ? mutation.variables : (started?.variables ?? mutation.variables),
  } as UseMutationResult<TData, TError, TVariables, TContext>;
}
