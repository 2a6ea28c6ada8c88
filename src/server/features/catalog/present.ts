import type { Category } from '../../../core/contracts/catalog.ts';
import type { CategoryRow, CurrencyRateRow } from './queries.ts';

export const presentCategory = (c: CategoryRow): Category => ({
  slug: c.slug,
  name: c.name,
  marketRate: { amount: c.marketRateAmount, currency: c.marketRateCurrency },
});

export const presentCurrencyRate = (r: CurrencyRateRow) => ({
  currency: r.currency,
  perUsd: r.perUsd,
  updatedAt: r.updatedAt.toISOString(),
});
