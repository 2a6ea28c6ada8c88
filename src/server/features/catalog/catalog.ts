/**
 * The catalog the admin keeps: work categories with market rates, and approximate exchange
 * rates. Read by the audit (market cost) and, later, jobs and the directory.
 */
import { asc, eq } from 'drizzle-orm';
import type { Category } from '../../../core/contracts/audit.ts';
import type { RatesPerUsd } from '../../../core/money.ts';
import type { Db, Tx } from '../../db/client.ts';
import { categories, currencyRates } from '../../db/schema/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { conflict, notFound } from '../../lib/errors.ts';

type CategoryRow = typeof categories.$inferSelect;
const present = (c: CategoryRow): Category => ({
  slug: c.slug,
  name: c.name,
  marketRate: { amount: c.marketRateAmount, currency: c.marketRateCurrency },
});

export async function listCategories(tx: Tx): Promise<Category[]> {
  const rows = await tx
    .select()
    .from(categories)
    .orderBy(asc(categories.sort), asc(categories.name));
  return rows.map(present);
}

export async function ratesPerUsd(tx: Tx): Promise<RatesPerUsd> {
  const rows = await tx.select().from(currencyRates);
  return Object.fromEntries(rows.map((r) => [r.currency, r.perUsd]));
}

export function createCatalogService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    categories: () => listCategories(db),
    async createCategory(input: {
      slug: string;
      name: string;
      marketRate: { amount: number; currency: string };
    }) {
      const [row] = await db
        .insert(categories)
        .values({
          slug: input.slug,
          name: input.name,
          marketRateAmount: input.marketRate.amount,
          marketRateCurrency: input.marketRate.currency,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) throw conflict(`A category “${input.slug}” already exists.`);
      return present(row);
    },
    async updateCategory(
      slug: string,
      input: { name?: string; marketRate?: { amount: number; currency: string } },
    ) {
      const [row] = await db
        .update(categories)
        .set({
          ...(input.name ? { name: input.name } : {}),
          ...(input.marketRate
            ? {
                marketRateAmount: input.marketRate.amount,
                marketRateCurrency: input.marketRate.currency,
              }
            : {}),
          updatedAt: clock.now(),
        })
        .where(eq(categories.slug, slug))
        .returning();
      if (!row) throw notFound('Category');
      return present(row);
    },
    async currencyRates() {
      const rows = await db.select().from(currencyRates).orderBy(asc(currencyRates.currency));
      return rows.map((r) => ({
        currency: r.currency,
        perUsd: r.perUsd,
        updatedAt: r.updatedAt.toISOString(),
      }));
    },
    async setCurrencyRate(currency: string, perUsd: number) {
      const now = clock.now();
      const [row] = await db
        .insert(currencyRates)
        .values({ currency, perUsd, updatedAt: now })
        .onConflictDoUpdate({ target: currencyRates.currency, set: { perUsd, updatedAt: now } })
        .returning();
      if (!row) throw new Error('upsert returned no row');
      return { currency: row.currency, perUsd: row.perUsd, updatedAt: row.updatedAt.toISOString() };
    },
  };
}
