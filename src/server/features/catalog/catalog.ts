/**
 * The catalog the admin keeps: work categories with market rates, and approximate exchange
 * rates. Read by the audit (market cost) and, later, jobs and the directory.
 */
import type { Category } from '../../../core/contracts/catalog.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { presentCategory, presentCurrencyRate } from './present.ts';
import {
  insertCategory,
  listCategoryRows,
  listCurrencyRates,
  updateCategory,
  upsertCurrencyRate,
} from './queries.ts';

export { ratesPerUsd } from './queries.ts';

export async function listCategories(tx: Tx): Promise<Category[]> {
  return (await listCategoryRows(tx)).map(presentCategory);
}

export function createCatalogService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    categories: () => listCategories(db),
    async createCategory(input: {
      slug: string;
      name: string;
      marketRate: { amount: number; currency: string };
    }) {
      const row = await insertCategory(db, {
        slug: input.slug,
        name: input.name,
        marketRateAmount: input.marketRate.amount,
        marketRateCurrency: input.marketRate.currency,
      });
      if (!row) throw conflict(`A category “${input.slug}” already exists.`);
      return presentCategory(row);
    },
    async updateCategory(
      { slug }: { slug: string },
      input: { name?: string; marketRate?: { amount: number; currency: string } },
    ) {
      const row = await updateCategory(db, slug, {
        ...(input.name ? { name: input.name } : {}),
        ...(input.marketRate
          ? {
              marketRateAmount: input.marketRate.amount,
              marketRateCurrency: input.marketRate.currency,
            }
          : {}),
        updatedAt: clock.now(),
      });
      if (!row) throw notFound('Category');
      return presentCategory(row);
    },
    async currencyRates() {
      return (await listCurrencyRates(db)).map(presentCurrencyRate);
    },
    async setCurrencyRate({ currency }: { currency: string }, { perUsd }: { perUsd: number }) {
      return presentCurrencyRate(await upsertCurrencyRate(db, currency, perUsd, clock.now()));
    },
  };
}
