import { z } from 'zod';
import { plainIssueMessage } from '../validation-messages.ts';

// Every contract is imported through here, by the server and the web app alike: both then word
// zod's own messages as plain sentences naming the field (core/validation-messages.ts).
z.config({ customError: plainIssueMessage });

/** RFC 9457 problem details, as every error response of the API is shaped. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof ProblemSchema>;

export const IdSchema = z.uuid();

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name such as `Europe/Lisbon`. */
export const TimeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, { message: 'Not a known IANA time zone (e.g. Europe/Lisbon)' });

// Defined without zod so that the public board reads it without loading zod (core/money.ts).
import { isCurrency } from '../money.ts';
export { isCurrency };

/** An ISO 4217 currency code such as `EUR`. */
export const CurrencySchema = z
  .string()
  .length(3)
  .refine(isCurrency, { message: 'Not an ISO 4217 currency code (e.g. EUR)' });

export const EmailSchema = z
  .email()
  .max(254)
  .transform((s) => s.toLowerCase());

/**
 * Free text of at most `max` characters, trimmed unless `trim: false` (Markdown keeps its
 * whitespace). Postgres `text` and `jsonb` cannot hold U+0000, so a NUL is refused here, naming
 * the field, rather than failing the write as a 500.
 */
export function freeText(max: number, { trim = true }: { trim?: boolean } = {}) {
  return (
    (trim ? z.string().trim() : z.string())
      .max(max)
      .refine((s) => !s.includes('\u0000'), { message: 'Contains a NUL character' })
      // A lone surrogate (half of an emoji) is not text Postgres can store.
      .refine((s) => !/\p{Cs}/u.test(s), { message: 'Contains an invalid character' })
  );
}

export const NameSchema = freeText(120).min(1, 'Required');

/** Postgres `integer`'s largest value: a bigger number in a parameter could never match a row. */
export const MAX_INT4 = 2_147_483_647;

export const CursorQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const DateTimeSchema = z.iso.datetime({ offset: true });

/**
 * A calendar date, `YYYY-MM-DD`, in the business's time zone. Any year `YYYY` can write and Postgres
 * can hold (0001–9999): the schema also serializes stored dates, so a narrower "plausible" range
 * would turn reading an odd but saved date into a 500. Postgres has no year 0000 (it is 1 BC).
 */
export const DateSchema = z.iso
  .date()
  .refine((d) => !d.startsWith('0000'), { message: 'There is no year 0000; use 0001 to 9999' });

export const MoneySchema = z
  .object({ amount: z.number().int(), currency: z.string().length(3) })
  .meta({
    id: 'Money',
    description: 'An amount in integer minor units (cents) of an ISO 4217 currency',
  });

/** A list response: `{ items: [...] }`. */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** Path parameters shared by every business-scoped route. */
export const BusinessParamsSchema = z.object({ businessId: IdSchema });

/** Request shapes: what a client sends (`…Input`, before defaults and transforms) and what the server reads. */
export type CursorQuery = z.infer<typeof CursorQuerySchema>;
export type CursorQueryInput = z.input<typeof CursorQuerySchema>;
