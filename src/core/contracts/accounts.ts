import { z } from 'zod';
import { BUSINESS_ROLES } from '../roles.ts';
import {
  CurrencySchema,
  DateTimeSchema,
  EmailSchema,
  IdSchema,
  NameSchema,
  TimeZoneSchema,
} from './common.ts';

// Moved to common.ts; re-exported so existing imports keep working.
export { BusinessParamsSchema, listOf } from './common.ts';

export const BusinessRoleSchema = z.enum(BUSINESS_ROLES);
export const ModeSchema = z.enum(['marketplace', 'workspace']);

/** `HH:MM`, 24-hour clock. */
const ClockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 09:00');

/** A business's working hours in its own time zone; days are ISO weekdays, 1 = Monday. */
export const WorkingHoursSchema = z
  .object({
    days: z.array(z.number().int().min(1).max(7)).max(7),
    start: ClockTimeSchema,
    end: ClockTimeSchema,
  })
  .refine((h) => h.start < h.end, { message: 'End must be after start', path: ['end'] })
  .meta({ id: 'WorkingHours' });
export type WorkingHours = z.infer<typeof WorkingHoursSchema>;

export const UserSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    email: z.string(),
    emailVerified: z.boolean(),
    timeZone: z.string(),
    currency: z.string(),
    isAdmin: z.boolean(),
  })
  .meta({ id: 'User' });

export const MembershipSchema = z.object({
  businessId: IdSchema,
  businessName: z.string(),
  role: BusinessRoleSchema,
});

export const ProfessionalProfileSchema = z
  .object({ headline: z.string(), bio: z.string(), createdAt: DateTimeSchema })
  .meta({ id: 'ProfessionalProfile' });

export const MeSchema = z
  .object({
    user: UserSchema,
    memberships: z.array(MembershipSchema),
    professionalProfile: ProfessionalProfileSchema.nullable(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof MeSchema>;

export const UpdateMeSchema = z
  .object({ name: NameSchema, timeZone: TimeZoneSchema, currency: CurrencySchema })
  .partial()
  .strict();
export type UpdateMe = z.infer<typeof UpdateMeSchema>;

export const BusinessSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    timeZone: z.string(),
    currency: z.string(),
    workingHours: WorkingHoursSchema,
    createdAt: DateTimeSchema,
    myRole: BusinessRoleSchema,
  })
  .meta({ id: 'Business' });
export type Business = z.infer<typeof BusinessSchema>;

export const CreateBusinessSchema = z
  .object({
    name: NameSchema,
    timeZone: TimeZoneSchema.optional(),
    currency: CurrencySchema.optional(),
  })
  .strict();
export type CreateBusiness = z.infer<typeof CreateBusinessSchema>;

export const UpdateBusinessSchema = z
  .object({
    name: NameSchema,
    timeZone: TimeZoneSchema,
    currency: CurrencySchema,
    workingHours: WorkingHoursSchema,
  })
  .partial()
  .strict();
export type UpdateBusiness = z.infer<typeof UpdateBusinessSchema>;

export const MemberParamsSchema = z.object({ businessId: IdSchema, userId: IdSchema });
export const InvitationParamsSchema = z.object({ businessId: IdSchema, invitationId: IdSchema });
export const InvitationTokenParamsSchema = z.object({ token: z.string().min(20).max(100) });

export const MemberSchema = z
  .object({
    userId: IdSchema,
    name: z.string(),
    email: z.string(),
    role: BusinessRoleSchema,
    joinedAt: DateTimeSchema,
  })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof MemberSchema>;

export const UpdateMemberSchema = z.object({ role: BusinessRoleSchema }).strict();

export const InvitationSchema = z
  .object({
    id: IdSchema,
    email: z.string(),
    role: BusinessRoleSchema,
    invitedByName: z.string(),
    createdAt: DateTimeSchema,
    expiresAt: DateTimeSchema,
  })
  .meta({ id: 'Invitation' });
export type Invitation = z.infer<typeof InvitationSchema>;

export const CreateInvitationSchema = z
  .object({ email: EmailSchema, role: BusinessRoleSchema })
  .strict();
export type CreateInvitation = z.infer<typeof CreateInvitationSchema>;

export const InvitationStatusSchema = z.enum(['pending', 'accepted', 'revoked', 'expired']);

/** What the person holding an invitation link may see before accepting it. */
export const InvitationPreviewSchema = z
  .object({
    businessName: z.string(),
    invitedByName: z.string(),
    email: z.string(),
    role: BusinessRoleSchema,
    status: InvitationStatusSchema,
    expiresAt: DateTimeSchema,
  })
  .meta({ id: 'InvitationPreview' });
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;

export const AcceptedInvitationSchema = z.object({
  businessId: IdSchema,
  role: BusinessRoleSchema,
});

/** What a token may do: `read` only looks (GET), `read-write` acts as its creator in full. */
export const ApiTokenScopeSchema = z.enum(['read', 'read-write']);
export type ApiTokenScope = z.infer<typeof ApiTokenScopeSchema>;

/** How long a new token lives, in days: a week to a year; a forgotten token dies on its own. */
export const API_TOKEN_LIFETIMES = [7, 30, 90, 365] as const;
export type ApiTokenLifetime = (typeof API_TOKEN_LIFETIMES)[number];
export const DEFAULT_API_TOKEN_DAYS: ApiTokenLifetime = 90;

export const ApiTokenSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    prefix: z.string(),
    scope: ApiTokenScopeSchema,
    createdAt: DateTimeSchema,
    /** Null only for tokens made before tokens expired. */
    expiresAt: DateTimeSchema.nullable(),
    lastUsedAt: DateTimeSchema.nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof ApiTokenSchema>;

export const CreateApiTokenSchema = z
  .object({
    name: NameSchema,
    expiresInDays: z.literal(API_TOKEN_LIFETIMES).default(DEFAULT_API_TOKEN_DAYS),
    scope: ApiTokenScopeSchema.default('read-write'),
  })
  .strict();
export type CreateApiToken = z.input<typeof CreateApiTokenSchema>;

/** The secret is returned once, at creation, and never again. */
export const CreatedApiTokenSchema = ApiTokenSchema.extend({ token: z.string() }).meta({
  id: 'CreatedApiToken',
});

export const ApiTokenParamsSchema = z.object({ tokenId: IdSchema });

export const MetaSchema = z
  .object({
    mode: ModeSchema,
    version: z.string(),
    smtpConfigured: z.boolean(),
    /** The largest attachment accepted, in bytes (MAX_UPLOAD_MB): the web app checks before uploading. */
    maxUploadBytes: z.number().int().positive(),
  })
  .meta({ id: 'Meta' });
export type Meta = z.infer<typeof MetaSchema>;

/** Request shapes: what a client sends (`…Input`, before defaults and transforms) and what the server reads. */
export type UpdateMeInput = z.input<typeof UpdateMeSchema>;
export type CreateBusinessInput = z.input<typeof CreateBusinessSchema>;
export type UpdateBusinessInput = z.input<typeof UpdateBusinessSchema>;
export type UpdateMember = z.infer<typeof UpdateMemberSchema>;
export type UpdateMemberInput = z.input<typeof UpdateMemberSchema>;
export type CreateInvitationInput = z.input<typeof CreateInvitationSchema>;
export type CreatedApiToken = z.infer<typeof CreatedApiTokenSchema>;
export type CreatedApiTokenInput = z.input<typeof CreatedApiTokenSchema>;
