/**
 * A professional's profile: what they save (`SaveProfile`, one whole document with the version it
 * was loaded at), what they read back (`MyProfile`, with the completeness meter), what anyone
 * reads at `/pros/<slug>` (`PublicProfile`), their files, and an admin's moderation.
 */
import { z } from 'zod';
import { AVAILABILITIES, LANGUAGE_LEVELS, PROFILE_VISIBILITIES } from '../profile-shapes.ts';
import { WorkingHoursSchema } from './accounts.ts';
import {
  CurrencySchema,
  DateTimeSchema,
  freeText,
  IdSchema,
  MAX_INT4,
  TimeZoneSchema,
} from './common.ts';
import { SkillNameSchema } from './jobs.ts';

export const LanguageLevelSchema = z.enum(LANGUAGE_LEVELS);
export const ProfileVisibilitySchema = z.enum(PROFILE_VISIBILITIES);
export const AvailabilityStatusSchema = z.enum(AVAILABILITIES);

/** The public address: `/pros/<slug>`. */
export const ProfileSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'At least 3 characters')
  .max(40, 'At most 40 characters')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use letters a–z, digits and single dashes between them');

/** `YYYY-MM`. */
const MonthSchema = z
  .string()
  .regex(/^(\d{4})-(0[1-9]|1[0-2])$/, 'Use a month such as 2021-03')
  .refine((m) => !m.startsWith('0000'), { message: 'There is no year 0000' });
const YearSchema = z.number().int().min(1900, 'From 1900').max(2100, 'Up to 2100');
const WebUrlSchema = z
  .url({ protocol: /^https?$/, message: 'Use a web address starting with https://' })
  .max(500);

const uniqueBy =
  <T>(key: (item: T) => string, message: string) =>
  (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const k = key(item);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', message, path: [i] });
      seen.add(k);
    });
  };

export const ProfileSkillInputSchema = z.object({
  name: SkillNameSchema,
  years: z.number().int().min(0, 'Zero or more').max(60, 'At most 60'),
});

export const ExperienceInputSchema = z
  .object({
    id: IdSchema.optional(),
    company: freeText(120).min(1, 'Required'),
    role: freeText(120).min(1, 'Required'),
    start: MonthSchema,
    /** Null while the position is current. */
    end: MonthSchema.nullable().default(null),
    description: freeText(2000, { trim: false }).default(''),
  })
  .refine((e) => e.end === null || e.end >= e.start, {
    message: 'The end cannot be before the start',
    path: ['end'],
  });

export const EducationInputSchema = z
  .object({
    id: IdSchema.optional(),
    school: freeText(120).min(1, 'Required'),
    degree: freeText(120).default(''),
    field: freeText(120).default(''),
    startYear: YearSchema.nullable().default(null),
    endYear: YearSchema.nullable().default(null),
  })
  .refine((e) => e.startYear === null || e.endYear === null || e.endYear >= e.startYear, {
    message: 'The end cannot be before the start',
    path: ['endYear'],
  });

export const CertificationInputSchema = z.object({
  id: IdSchema.optional(),
  name: freeText(120).min(1, 'Required'),
  issuer: freeText(120).default(''),
  year: YearSchema.nullable().default(null),
  url: WebUrlSchema.nullable().default(null),
});

export const PortfolioItemInputSchema = z.object({
  /** An existing item keeps its id (and its files); an item without one is new. */
  id: IdSchema.optional(),
  title: freeText(120).min(1, 'Required'),
  description: freeText(2000, { trim: false }).default(''),
  links: z.array(WebUrlSchema).max(5, 'At most 5 links').default([]),
});

export const ProfileLanguageSchema = z.object({
  code: z
    .string()
    .regex(/^[a-z]{2}$/, 'Use a two-letter ISO 639-1 code such as en')
    .refine((c) => isLanguage(c), { message: 'Not a known language code' }),
  level: LanguageLevelSchema,
});

function isLanguage(code: string): boolean {
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(code);
    return name !== undefined && name !== code;
  } catch {
    return false;
  }
}

function isRegion(code: string): boolean {
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }).of(code);
    return name !== undefined && name !== code;
  } catch {
    return false;
  }
}

export const CountrySchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'Use a two-letter ISO 3166 code such as PT')
  .refine(isRegion, { message: 'Not a known country code' });

export const AvailabilitySchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('available') }),
  z.object({
    status: z.literal('limited'),
    hoursPerWeek: z.number().int().min(1, 'At least 1').max(80, 'At most 80'),
  }),
  z.object({ status: z.literal('unavailable') }),
]);
export type Availability = z.infer<typeof AvailabilitySchema>;

export const HourlyRateSchema = z.object({
  /** Minor units (cents) of `currency`. */
  amount: z.number().int().min(0, 'Zero or more').max(MAX_INT4, 'Too large'),
  currency: CurrencySchema,
});

export const MAX_PROFILE_SKILLS = 30;
export const MAX_PORTFOLIO_ITEMS = 30;

/** The whole profile, as the editor saves it. */
export const SaveProfileSchema = z
  .object({
    /** The `updatedAt` the editor loaded; a save after someone else's is refused with 409. */
    expectedUpdatedAt: DateTimeSchema.optional(),
    slug: ProfileSlugSchema,
    headline: freeText(120).default(''),
    bio: freeText(5000, { trim: false }).default(''),
    skills: z
      .array(ProfileSkillInputSchema)
      .max(MAX_PROFILE_SKILLS, `At most ${MAX_PROFILE_SKILLS} skills`)
      .default([])
      .superRefine(uniqueBy((s) => s.name.toLowerCase(), 'Listed twice')),
    categories: z
      .array(z.string().min(1).max(60))
      .max(5, 'At most 5 categories')
      .default([])
      .superRefine(uniqueBy((c) => c, 'Listed twice')),
    experience: z.array(ExperienceInputSchema).max(30, 'At most 30 positions').default([]),
    education: z.array(EducationInputSchema).max(20, 'At most 20 schools').default([]),
    certifications: z
      .array(CertificationInputSchema)
      .max(30, 'At most 30 certifications')
      .default([]),
    portfolio: z
      .array(PortfolioItemInputSchema)
      .max(MAX_PORTFOLIO_ITEMS, `At most ${MAX_PORTFOLIO_ITEMS} items`)
      .default([]),
    hourlyRate: HourlyRateSchema.nullable().default(null),
    /** Null: the account's time zone. */
    timeZone: TimeZoneSchema.nullable().default(null),
    workingHours: WorkingHoursSchema.nullable().default(null),
    languages: z
      .array(ProfileLanguageSchema)
      .max(10, 'At most 10 languages')
      .default([])
      .superRefine(uniqueBy((l) => l.code, 'Listed twice')),
    country: CountrySchema.nullable().default(null),
    availability: AvailabilitySchema.default({ status: 'available' }),
    visibility: ProfileVisibilitySchema.default('public'),
  })
  .strict();
export type SaveProfile = z.infer<typeof SaveProfileSchema>;
export type SaveProfileInput = z.input<typeof SaveProfileSchema>;

// What comes back.

export const ProfileFileSchema = z
  .object({
    id: IdSchema,
    kind: z.enum(['photo', 'image', 'file']),
    name: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    /** Where to load it (the API path). */
    url: z.string(),
    /** A small version of an image, else null. */
    thumbnailUrl: z.string().nullable(),
  })
  .meta({ id: 'ProfileFile' });
export type ProfileFile = z.infer<typeof ProfileFileSchema>;

const SkillSchema = z.object({ slug: z.string(), name: z.string(), years: z.number().int() });
const ExperienceSchema = z.object({
  id: IdSchema,
  company: z.string(),
  role: z.string(),
  start: z.string(),
  end: z.string().nullable(),
  description: z.string(),
});
const EducationSchema = z.object({
  id: IdSchema,
  school: z.string(),
  degree: z.string(),
  field: z.string(),
  startYear: z.number().int().nullable(),
  endYear: z.number().int().nullable(),
});
const CertificationSchema = z.object({
  id: IdSchema,
  name: z.string(),
  issuer: z.string(),
  year: z.number().int().nullable(),
  url: z.string().nullable(),
});
const PortfolioItemSchema = z.object({
  id: IdSchema,
  title: z.string(),
  description: z.string(),
  links: z.array(z.string()),
  files: z.array(ProfileFileSchema),
});
const LanguageSchema = z.object({ code: z.string(), level: LanguageLevelSchema });
const RateSchema = z.object({ amount: z.number().int(), currency: z.string() });

/** What the owner and the public both see. */
const ProfileContentShape = {
  slug: z.string(),
  name: z.string(),
  headline: z.string(),
  bio: z.string(),
  photo: ProfileFileSchema.nullable(),
  skills: z.array(SkillSchema),
  categories: z.array(z.string()),
  experience: z.array(ExperienceSchema),
  education: z.array(EducationSchema),
  certifications: z.array(CertificationSchema),
  portfolio: z.array(PortfolioItemSchema),
  hourlyRate: RateSchema.nullable(),
  /** The profile's zone, else the account's. */
  timeZone: z.string(),
  workingHours: WorkingHoursSchema.nullable(),
  languages: z.array(LanguageSchema),
  country: z.string().nullable(),
  availability: AvailabilitySchema,
  updatedAt: DateTimeSchema,
};

export const CompletenessSchema = z.object({
  percent: z.number().int(),
  missing: z.array(z.object({ key: z.string(), label: z.string(), target: z.string() })),
});

export const MyProfileSchema = z
  .object({
    ...ProfileContentShape,
    /** The zone the profile stores; null while it follows the account's. */
    ownTimeZone: z.string().nullable(),
    visibility: ProfileVisibilitySchema,
    completeness: CompletenessSchema,
    /** Set while an admin keeps the profile hidden. */
    moderation: z.object({ at: DateTimeSchema, reason: z.string() }).nullable(),
    /** Whether `/pros/<slug>` answers anyone. */
    isPublic: z.boolean(),
  })
  .meta({ id: 'MyProfile' });
export type MyProfile = z.infer<typeof MyProfileSchema>;

export const PublicProfileSchema = z
  .object({
    ...ProfileContentShape,
    /** What a business's own records (notes, lists, recommendations, invitations) name them by. */
    userId: IdSchema,
    /** The bio rendered by the shared safe Markdown renderer. */
    bioHtml: z.string(),
    rating: z.object({
      average: z.number().nullable(),
      reviewCount: z.number().int(),
      completedJobs: z.number().int(),
      /** No reviews and no completed jobs yet: shown as "new". */
      isNew: z.boolean(),
    }),
    memberSince: DateTimeSchema,
  })
  .meta({ id: 'PublicProfile' });
export type PublicProfile = z.infer<typeof PublicProfileSchema>;

export const ProSlugParamsSchema = z.object({ slug: z.string().min(1).max(200) });
export const ProfileFileParamsSchema = z.object({ fileId: IdSchema });
export const ProfileFileQuerySchema = z.object({
  variant: z.enum(['full', 'thumbnail']).default('full'),
});
export const PortfolioFileParamsSchema = z.object({ itemId: IdSchema });
export const UploadNameQuerySchema = z.object({
  name: freeText(255).min(1, 'Required'),
});

export const ModerateProfileParamsSchema = z.object({ userId: IdSchema });
export const ModerateProfileSchema = z
  .object({
    hidden: z.boolean(),
    /** Required when hiding: the professional reads it. */
    reason: freeText(500).default(''),
  })
  .strict()
  .refine((m) => !m.hidden || m.reason.length > 0, {
    message: 'Say why the profile is hidden',
    path: ['reason'],
  });
export type ModerateProfile = z.infer<typeof ModerateProfileSchema>;

export const ModerationResultSchema = z.object({
  userId: IdSchema,
  hidden: z.boolean(),
  reason: z.string().nullable(),
});
