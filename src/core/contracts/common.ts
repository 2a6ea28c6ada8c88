import { z } from 'zod';

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

const currencies = new Set(Intl.supportedValuesOf('currency'));
export function isCurrency(value: string): boolean {
  return currencies.has(value);
}

/** An ISO 4217 currency code such as `EUR`. */
export const CurrencySchema = z
  .string()
  .length(3)
  .refine(isCurrency, { message: 'Not an ISO 4217 currency code (e.g. EUR)' });

export const EmailSchema = z
  .email()
  .max(254)
  .transform((s) => s.toLowerCase());

export const NameSchema = z.string().trim().min(1, 'Required').max(120);

export const CursorQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const DateTimeSchema = z.iso.datetime({ offset: true });
