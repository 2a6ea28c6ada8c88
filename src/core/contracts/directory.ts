/**
 * The directory of professionals and approved business listings: its query (search, facets,
 * sort, paging, the viewer's context) and its page (results, facet counts, the viewer's terms).
 */
import { z } from 'zod';
import { CursorQuerySchema, freeText, IdSchema, MoneySchema, TimeZoneSchema } from './common.ts';
import { CategorySlugSchema } from './catalog.ts';
import { CurrencySchema } from './common.ts';

// The lists live with the pure rules (no zod), so the light public pages can read them.
export {
  DIRECTORY_AVAILABILITIES,
  DIRECTORY_KINDS,
  DIRECTORY_SORTS,
  FACET_SAMPLE,
  type DirectorySort,
} from '../directory.ts';
import { DIRECTORY_AVAILABILITIES, DIRECTORY_KINDS, DIRECTORY_SORTS } from '../directory.ts';

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 09:00');
/** A comma-separated list of slugs or codes. */
const list = (what: string) =>
  freeText(400)
    .regex(/^[a-z0-9,-]*$/i, `Comma-separated ${what} (letters, digits and dashes)`)
    .optional();
const money = z.coerce.number().int().min(0).max(100_000_000);

export const DirectoryQuerySchema = CursorQuerySchema.extend({
  /** Words to find (web-search syntax: "quoted phrase", or, -word); any text up to 200 characters. */
  q: freeText(200).optional(),
  /**
   * The viewer's business (a member's): its currency, working hours, private pool, trusted
   * colleagues and saved lists. Without it the viewer's terms come from `currency`, `timeZone`,
   * `hoursStart` and `hoursEnd`.
   */
  businessId: IdSchema.optional(),
  kind: z.enum(DIRECTORY_KINDS).default('all'),
  category: CategorySlugSchema.optional(),
  /** Comma-separated skill slugs; a professional must have all of them. */
  skills: list('skill slugs'),
  /** Comma-separated ISO 639-1 codes; a professional must speak all of them. */
  languages: list('language codes'),
  /** ISO 3166-1 alpha-2. */
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'A two-letter country code such as PT')
    .transform((s) => s.toUpperCase())
    .optional(),
  availability: z.enum(DIRECTORY_AVAILABILITIES).optional(),
  /** Hourly rate bounds in minor units of the viewer's currency. */
  rateMin: money.optional(),
  rateMax: money.optional(),
  /** At least this average rating (1–5); professionals without reviews ("new") are left out. */
  minRating: z.coerce.number().min(1).max(5).optional(),
  /** At least this many completed jobs. */
  minJobs: z.coerce.number().int().min(0).max(100_000).optional(),
  minYears: z.coerce.number().int().min(0).max(80).optional(),
  /** At least this many hours of the professional's working day within the viewer's. */
  overlap: z.coerce.number().int().min(1).max(24).optional(),
  /** `true`: only the business's private pool (needs `businessId`). */
  pool: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** Anonymous viewers' terms; a business's own are used when `businessId` is given. */
  currency: CurrencySchema.optional(),
  timeZone: TimeZoneSchema.optional(),
  hoursStart: Clock.optional(),
  hoursEnd: Clock.optional(),
  /** Relevance needs `q` (without it results come by rating). Rate orders put unknown rates last. */
  sort: z.enum(DIRECTORY_SORTS).default('relevance'),
}).superRefine((q, ctx) => {
  if (q.rateMin !== undefined && q.rateMax !== undefined && q.rateMin > q.rateMax) {
    ctx.addIssue({ code: 'custom', path: ['rateMax'], message: 'Must not be below rateMin' });
  }
  if (q.pool && !q.businessId) {
    ctx.addIssue({ code: 'custom', path: ['businessId'], message: 'Required with pool=true' });
  }
});
export type DirectoryQuery = z.infer<typeof DirectoryQuerySchema>;
export type DirectoryQueryInput = z.input<typeof DirectoryQuerySchema>;

export const DirectoryEntrySchema = z
  .object({
    kind: z.enum(['professional', 'business']),
    /** The professional's user id, or the listing's id. */
    id: IdSchema,
    /** The public profile's address `/pros/<slug>`; null for a listing. */
    slug: z.string().nullable(),
    name: z.string(),
    /** A professional's headline; a listing's description, shortened. */
    headline: z.string(),
    photoFileId: IdSchema.nullable(),
    /** The hourly rate in the viewer's currency (null: none given, or no exchange rate). */
    rate: MoneySchema.nullable(),
    /** The rate as the professional set it. */
    rateOriginal: MoneySchema.nullable(),
    /** Hours of the professional's working day within the viewer's (quarter hours); null: not given. */
    overlapHours: z.number().nullable(),
    /** Null with no reviews yet: shown as "new". */
    rating: z.number().nullable(),
    reviewCount: z.number().int(),
    completedJobs: z.number().int(),
    yearsExperience: z.number().int(),
    availability: z.enum(DIRECTORY_AVAILABILITIES).nullable(),
    availabilityHoursPerWeek: z.number().int().nullable(),
    country: z.string().nullable(),
    categories: z.array(z.string()),
    skills: z.array(z.string()),
    languages: z.array(z.string()),
    /** A listing's website and team size. */
    website: z.string().nullable(),
    teamSize: z.number().int().nullable(),
    /** Live recommendations by businesses the viewer's business trusts (0 without a business). */
    trustedRecommendations: z.number().int(),
    /** In the viewer's business's private pool. */
    inPool: z.boolean(),
    /** The viewer's business's saved lists holding this professional. */
    savedLists: z.array(z.object({ id: IdSchema, name: z.string() })),
  })
  .meta({ id: 'DirectoryEntry' });
export type DirectoryEntry = z.infer<typeof DirectoryEntrySchema>;

const FacetSchema = z.array(z.object({ value: z.string(), count: z.number().int() }));

export const DirectoryPageSchema = z
  .object({
    items: z.array(DirectoryEntrySchema),
    nextCursor: z.string().nullable(),
    /**
     * How many match: exact up to `FACET_SAMPLE`; beyond it `more` is true ("1,000+"). Null on
     * later pages (a `cursor` given), like `facets`: the first page's still hold.
     */
    total: z.object({ count: z.number().int(), more: z.boolean() }).nullable(),
    /**
     * Counts of professionals among the matches by each value (skills: the top 15). When more than
     * `FACET_SAMPLE` match, the counts are over the first `FACET_SAMPLE` found (`sampled`), not all.
     */
    facets: z
      .object({
        sampled: z.boolean(),
        categories: FacetSchema,
        skills: FacetSchema,
        countries: FacetSchema,
        languages: FacetSchema,
        availability: FacetSchema,
      })
      .nullable(),
    /** The terms results are shown in: the business's, or those the query gave (defaults USD, UTC 09:00–17:00). */
    viewer: z.object({
      currency: z.string(),
      timeZone: z.string(),
      hoursStart: z.string(),
      hoursEnd: z.string(),
      /** The sort used (relevance without `q` is by rating). */
      sort: z.enum(DIRECTORY_SORTS),
    }),
  })
  .meta({ id: 'DirectoryPage' });
export type DirectoryPage = z.infer<typeof DirectoryPageSchema>;
