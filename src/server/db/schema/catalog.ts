import { bigint, doublePrecision, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

/** The admin's list of work categories, each with a typical market hourly rate. */
export const categories = pgTable('categories', {
  slug: text().primaryKey(),
  name: text().notNull(),
  marketRateAmount: bigint({ mode: 'number' }).notNull(),
  marketRateCurrency: text().notNull(),
  sort: integer().notNull().default(100),
  createdAt: ts().notNull().defaultNow(),
  updatedAt: ts().notNull().defaultNow(),
});

/** Approximate exchange rates (units per US dollar) for estimates across currencies; admin-edited. */
export const currencyRates = pgTable('currency_rates', {
  currency: text().primaryKey(),
  perUsd: doublePrecision().notNull(),
  updatedAt: ts().notNull().defaultNow(),
});
