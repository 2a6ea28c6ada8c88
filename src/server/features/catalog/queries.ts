/** Drizzle queries of the catalog: categories with market rates, exchange rates per USD. */
import { asc, eq } from 'drizzle-orm';
import type { RatesPerUsd } from '../../../core/money.ts';
import type { Tx } from '../../db/client.ts';
import { categories, currencyRates } from '../../db/schema/index.ts';

export type CategoryRow = typeof categories.$inferSelect;
export type CurrencyRateRow = typeof currencyRates.$inferSelect;

export function listCategoryRows(tx: Tx): Promise<CategoryRow[]> {
  return tx.select().from(categories).orderBy(asc(categories.sort), asc(categories.name));
}

export async function ratesPerUsd(tx: Tx): Promise<RatesPerUsd> {
  const rows = await tx.select().from(currencyRates);
  return Object.fromEntries(rows.map((r) => [r.currency, r.perUsd]));
}

/** Adds a category; null when the slug is taken. */
export async function insertCategory(tx: Tx, values: typeof categories.$inferInsert) {
  const [row] = await tx.insert(categories).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updateCategory(
  tx: Tx,
  slug: string,
  changes: Partial<
    Pick<CategoryRow, 'name' | 'marketRateAmount' | 'marketRateCurrency' | 'updatedAt'>
  >,
) {
  const [row] = await tx
    .update(categories)
    .set(changes)
    .where(eq(categories.slug, slug))
    .returning();
  return row ?? null;
}

export function listCurrencyRates(tx: Tx): Promise<CurrencyRateRow[]> {
  return tx.select().from(currencyRates).orderBy(asc(currencyRates.currency));
}

export async function upsertCurrencyRate(tx: Tx, currency: string, perUsd: number, now: Date) {
  const [row] = await tx
    .insert(currencyRates)
    .values({ currency, perUsd, updatedAt: now })
    .onConflictDoUpdate({ target: currencyRates.currency, set: { perUsd, updatedAt: now } })
    .returning();
  if (!row) throw new Error('upsert returned no row');
  return row;
}

export async function categoryExists(tx: Tx, slug: string): Promise<boolean> {
  const [row] = await tx
    .select({ slug: categories.slug })
    .from(categories)
    .where(eq(categories.slug, slug));
  return row !== undefined;
}
