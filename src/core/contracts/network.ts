/**
 * Talent — network: agencies' business listings (moderated by an admin), trusted colleagues
 * between businesses, recommendations of professionals, and recommendation requests sent by
 * professionals to their clients by e-mail.
 */
import { z } from 'zod';
import { CategorySlugSchema } from './catalog.ts';
import {
  CursorQuerySchema,
  DateTimeSchema,
  EmailSchema,
  freeText,
  IdSchema,
  NameSchema,
  TimeZoneSchema,
} from './common.ts';

const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** Whether `code` is a region Intl knows; false (never a throw) for anything not two letters. */
export function isCountry(code: string): boolean {
  // Intl throws on a malformed code: a bad input is a 400, never a 500.
  if (!/^[A-Z]{2}$/.test(code)) return false;
  return regions.of(code) !== undefined;
}

/** ISO 3166-1 alpha-2, upper case (`PT`). */
export const CountryCodeSchema = z
  .string()
  .refine(isCountry, { message: 'Not a two-letter country code such as PT' });

/** An http(s) address, as a listing's website. */
export const WebsiteSchema = z
  .url({ protocol: /^https?$/, message: 'Use an address starting with https:// or http://' })
  .max(500);

// ---------------------------------------------------------------- listings

export const LISTING_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const ListingStatusSchema = z.enum(LISTING_STATUSES);
export type ListingStatus = z.infer<typeof ListingStatusSchema>;

/** What a professional writes about their firm; saving it (again) puts it in the review queue. */
export const SaveListingSchema = z
  .object({
    name: NameSchema,
    description: freeText(5000).default(''),
    services: z.array(freeText(80).min(1, 'Required')).max(20).default([]),
    categorySlugs: z.array(CategorySlugSchema).max(10).default([]),
    teamSize: z.number().int().min(1).max(100_000).nullable().default(null),
    website: WebsiteSchema.nullable().default(null),
    countries: z.array(CountryCodeSchema).max(60).default([]),
    timeZones: z.array(TimeZoneSchema).max(30).default([]),
  })
  .strict();
export type SaveListing = z.infer<typeof SaveListingSchema>;
export type SaveListingInput = z.input<typeof SaveListingSchema>;

export const ListingSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    description: z.string(),
    services: z.array(z.string()),
    categorySlugs: z.array(z.string()),
    teamSize: z.number().int().nullable(),
    website: z.string().nullable(),
    countries: z.array(z.string()),
    timeZones: z.array(z.string()),
    /** Who represents the firm on Handoff. */
    owner: z.object({ id: IdSchema, name: z.string() }),
    createdAt: DateTimeSchema,
    updatedAt: DateTimeSchema,
  })
  .meta({ id: 'Listing' });
export type Listing = z.infer<typeof ListingSchema>;

/** The listing as its owner and the admins see it: with its review state. */
export const OwnListingSchema = ListingSchema.extend({
  status: ListingStatusSchema,
  /** Why an admin rejected it; null unless rejected. */
  rejectionReason: z.string().nullable(),
  reviewedAt: DateTimeSchema.nullable(),
}).meta({ id: 'OwnListing' });
export type OwnListing = z.infer<typeof OwnListingSchema>;

/** `GET /me/listing`: the caller's listing, or null before they submit one. */
export const MyListingSchema = z.object({ listing: OwnListingSchema.nullable() });
export type MyListing = z.infer<typeof MyListingSchema>;

export const ListingParamsSchema = z.object({ listingId: IdSchema });

export const ListingQueueQuerySchema = CursorQuerySchema.extend({
  status: ListingStatusSchema.default('pending'),
});
export type ListingQueueQueryInput = z.input<typeof ListingQueueQuerySchema>;

export const ListingPageSchema = z.object({
  items: z.array(OwnListingSchema),
  nextCursor: z.string().nullable(),
});
export type ListingPage = z.infer<typeof ListingPageSchema>;

/**
 * An admin's decision. `updatedAt` is the version the admin read: a listing edited since then
 * is refused with 409 instead of approving words nobody reviewed.
 */
export const ApproveListingSchema = z.object({ updatedAt: DateTimeSchema.optional() }).strict();
export type ApproveListingInput = z.input<typeof ApproveListingSchema>;
export const RejectListingSchema = z
  .object({
    reason: freeText(1000).min(1, 'Say why, so the professional can fix it'),
    updatedAt: DateTimeSchema.optional(),
  })
  .strict();
export type RejectListingInput = z.input<typeof RejectListingSchema>;

// ---------------------------------------------------------------- connections

/** Asking another business to connect, by the address of one of its owners. */
export const RequestConnectionSchema = z.object({ email: EmailSchema }).strict();
export type RequestConnectionInput = z.input<typeof RequestConnectionSchema>;

/** The same answer whether or not a business was found, so addresses cannot be probed. */
export const ConnectionRequestSentSchema = z.object({ message: z.string() });

export const ConnectionSchema = z
  .object({
    id: IdSchema,
    /** The other business. */
    business: z.object({ id: IdSchema, name: z.string() }),
    status: z.enum(['pending', 'accepted']),
    /** Whether the other business asked (an incoming request while pending). */
    incoming: z.boolean(),
    createdAt: DateTimeSchema,
    respondedAt: DateTimeSchema.nullable(),
  })
  .meta({ id: 'Connection' });
export type Connection = z.infer<typeof ConnectionSchema>;

/**
 * A business's colleagues and the requests waiting for its answer. Requests it sent stay out
 * until accepted: listing them would tell the asker which addresses own a business.
 */
export const ConnectionListSchema = z.object({
  connections: z.array(ConnectionSchema),
  incoming: z.array(ConnectionSchema),
});
export type ConnectionList = z.infer<typeof ConnectionListSchema>;

export const ConnectionParamsSchema = z.object({ businessId: IdSchema, connectionId: IdSchema });

// ---------------------------------------------------------------- recommendations

export const RecommendationNoteSchema = freeText(2000).min(1, 'Write a few words');

export const SaveRecommendationSchema = z.object({ note: RecommendationNoteSchema }).strict();
export type SaveRecommendationInput = z.input<typeof SaveRecommendationSchema>;

export const ProfessionalParamsSchema = z.object({ businessId: IdSchema, userId: IdSchema });

export const RecommendationSchema = z
  .object({
    id: IdSchema,
    business: z.object({ id: IdSchema, name: z.string() }),
    professional: z.object({ id: IdSchema, name: z.string() }),
    note: z.string(),
    /** A past client's recommendation tied to a finished contract; otherwise an endorsement. */
    verified: z.boolean(),
    /** Written in answer to the professional's own request. */
    requested: z.boolean(),
    createdAt: DateTimeSchema,
    updatedAt: DateTimeSchema,
  })
  .meta({ id: 'Recommendation' });
export type Recommendation = z.infer<typeof RecommendationSchema>;

/**
 * What one business may see of a professional's recommendations: its own, and those of the
 * businesses it trusts (accepted connections). `trustedCount` counts the latter.
 */
export const VisibleRecommendationsSchema = z.object({
  own: RecommendationSchema.nullable(),
  trusted: z.array(RecommendationSchema),
  trustedCount: z.number().int().min(0),
});
export type VisibleRecommendations = z.infer<typeof VisibleRecommendationsSchema>;

// ---------------------------------------------------------------- recommendation requests

export const CreateRecommendationRequestSchema = z
  .object({ email: EmailSchema, message: freeText(1000).default('') })
  .strict();
export type CreateRecommendationRequestInput = z.input<typeof CreateRecommendationRequestSchema>;

export const RecommendationRequestStateSchema = z.enum(['waiting', 'answered', 'expired']);
export type RecommendationRequestState = z.infer<typeof RecommendationRequestStateSchema>;

export const RecommendationRequestSchema = z
  .object({
    id: IdSchema,
    email: z.string(),
    message: z.string(),
    state: RecommendationRequestStateSchema,
    /** The business that answered, once answered. */
    answeredBy: z.object({ id: IdSchema, name: z.string() }).nullable(),
    createdAt: DateTimeSchema,
    expiresAt: DateTimeSchema,
    answeredAt: DateTimeSchema.nullable(),
  })
  .meta({ id: 'RecommendationRequest' });
export type RecommendationRequest = z.infer<typeof RecommendationRequestSchema>;

export const RecommendationRequestTokenParamsSchema = z.object({
  token: z.string().min(20).max(100),
});

/** What the link's reader sees before answering. */
export const RecommendationRequestPreviewSchema = z.object({
  professional: z.object({ id: IdSchema, name: z.string() }),
  message: z.string(),
  state: RecommendationRequestStateSchema,
  expiresAt: DateTimeSchema,
});
export type RecommendationRequestPreview = z.infer<typeof RecommendationRequestPreviewSchema>;

export const AnswerRecommendationRequestSchema = z
  .object({ businessId: IdSchema, note: RecommendationNoteSchema })
  .strict();
export type AnswerRecommendationRequestInput = z.input<typeof AnswerRecommendationRequestSchema>;
