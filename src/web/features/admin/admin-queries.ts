/**
 * The admin's catalog (categories, currency rates, job templates) and mailbox: queries,
 * mutations and the keys they live under. Categories share the app-wide key
 * (`sharedKeys.categories`), so an admin's change reaches every picker at once.
 */
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useGuardedMutation } from '../../use-guarded-mutation.ts';
import type { z } from 'zod';
import type { CreateCategorySchema, UpdateCategorySchema } from '../../../core/contracts/audit.ts';
import type { UpdateJobTemplateSchema } from '../../../core/contracts/jobs.ts';
import { api, type ApiResponse } from '../../api.ts';
import { sharedKeys } from '../../hooks.ts';
import { jobKeys } from '../jobs/job-queries.ts';

type Rates = ApiResponse<'GET /admin/currency-rates'>;

export const adminKeys = {
  categories: sharedKeys.categories,
  rates: ['admin', 'currency-rates'] as const,
  mailbox: (to: string) => ['mailbox', to] as const,
};

/** Replaces one item of a cached `{ items }` list, leaving the others as they are. */
const replaceIn =
  <T>(same: (a: T, b: T) => boolean, saved: T) =>
  (old: { items: T[] } | undefined) =>
    old ? { items: old.items.map((item) => (same(item, saved) ? saved : item)) } : old;

export function useCurrencyRates(enabled = true) {
  return useQuery({
    queryKey: adminKeys.rates,
    queryFn: () => api('GET /admin/currency-rates'),
    enabled,
  });
}

export function useAddCategory() {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (body: z.input<typeof CreateCategorySchema>) =>
      api('POST /admin/categories', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.categories }),
  });
}

export function useSaveCategory(slug: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (body: z.input<typeof UpdateCategorySchema>) =>
      api('PATCH /admin/categories/:slug', { params: { slug }, body }),
    onSuccess: (saved) =>
      queryClient.setQueryData<ApiResponse<'GET /categories'>>(
        adminKeys.categories,
        replaceIn((a, b) => a.slug === b.slug, saved),
      ),
  });
}

/** Adds a currency's rate or changes it (the API's PUT does both). */
export function useSaveRate() {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: ({ currency, perUsd }: { currency: string; perUsd: number }) =>
      api('PUT /admin/currency-rates/:currency', { params: { currency }, body: { perUsd } }),
    onSuccess: (saved) => {
      const cached = queryClient.getQueryData<Rates>(adminKeys.rates);
      if (cached?.items.some((r) => r.currency === saved.currency))
        queryClient.setQueryData<Rates>(
          adminKeys.rates,
          replaceIn((a, b) => a.currency === b.currency, saved),
        );
      else return queryClient.invalidateQueries({ queryKey: adminKeys.rates });
    },
  });
}

export function useSaveTemplate(slug: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (body: z.input<typeof UpdateJobTemplateSchema>) =>
      api('PATCH /admin/job-templates/:slug', { params: { slug }, body }),
    onSuccess: (saved) =>
      queryClient.setQueryData<ApiResponse<'GET /job-templates'>>(
        jobKeys.templates,
        replaceIn((a, b) => a.slug === b.slug, saved),
      ),
  });
}

export const MAILBOX_PAGE = 25;

/** Every message Handoff sent or stored, newest first; `to` narrows to one recipient. */
export function useMailbox(to: string) {
  return useInfiniteQuery({
    queryKey: adminKeys.mailbox(to),
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      api('GET /admin/mailbox', { query: { limit: MAILBOX_PAGE, cursor: pageParam, to } }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
