/** The catalog: work categories with a typical market rate, and exchange rates per US dollar. */
import { z } from 'zod';
import { CurrencySchema, DateTimeSchema, freeText, MoneySchema } from './common.ts';

export const CategorySlugSchema = z.string().regex(/^[a-z0-9-]{2,40}$/, 'Not a category slug');

export const CategorySchema = z
  .object({ slug: z.string(), name: z.string(), marketRate: MoneySchema })
  .meta({ id: 'Category' });
export type Category = z.infer<typeof CategorySchema>;

export const CreateCategorySchema = z
  .object({
    slug: CategorySlugSchema,
    name: freeText(80).min(1),
    marketRate: z.object({ amount: z.number().int().min(0), currency: CurrencySchema }),
  })
  .strict();
export const UpdateCategorySchema = CreateCategorySchema.omit({ slug: true }).partial().strict();
export const CategoryParamsSchema = z.object({ slug: CategorySlugSchema });

export const CurrencyRateSchema = z
  .object({ currency: z.string(), perUsd: z.number().positive(), updatedAt: DateTimeSchema })
  .meta({ id: 'CurrencyRate' });
export const UpdateCurrencyRateSchema = z
  .object({ perUsd: z.number().positive().max(1_000_000) })
  .strict();
export const CurrencyParamsSchema = z.object({ currency: CurrencySchema });
export type CurrencyRate = z.infer<typeof CurrencyRateSchema>;
export type CreateCategory = z.infer<typeof CreateCategorySchema>;
export type CreateCategoryInput = z.input<typeof CreateCategorySchema>;
export type UpdateCategory = z.infer<typeof UpdateCategorySchema>;
export type UpdateCategoryInput = z.input<typeof UpdateCategorySchema>;
export type UpdateCurrencyRate = z.infer<typeof UpdateCurrencyRateSchema>;

/** Request shapes: what a client sends (`…Input`, before defaults and transforms) and what the server reads. */
export type UpdateCurrencyRateInput = z.input<typeof UpdateCurrencyRateSchema>;
