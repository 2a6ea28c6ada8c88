/**
 * Talent — the pool: a business's own records of professionals (people met elsewhere, invited by
 * e-mail; private notes and tags on Handoff professionals), the invitation link that brings an
 * outside person into the private pool, and saved lists ("shortlists for later").
 *
 * Everything here but the join page's preview is the business's alone: its members read it
 * (`talent.read`), owners and managers change it (`talent.manage`).
 */
import { z } from 'zod';
import {
  BusinessParamsSchema,
  DateTimeSchema,
  EmailSchema,
  freeText,
  IdSchema,
  NameSchema,
} from './common.ts';

/** A tag: short, trimmed, compared case-insensitively (stored lower-cased). */
export const TagSchema = freeText(40)
  .min(1, 'A tag cannot be empty')
  .transform((s) => s.toLowerCase());
/** Up to 20 distinct tags; repeats are dropped. */
export const TagsSchema = z
  .array(TagSchema)
  .max(20, 'At most 20 tags')
  .transform((tags) => [...new Set(tags)]);
export const NotesSchema = freeText(5000, { trim: false });
const ExternalUrlSchema = z
  .url({ protocol: /^https?$/, error: 'A web address starting with http:// or https://' })
  .max(500);

/**
 * Where an invitation to the pool stands: `invited` while its link is open (the person may not
 * have an account — the business is never told whether they do), `revoked` once withdrawn or
 * expired, `joined` once the person followed it, `none` for a record made from a professional's
 * profile (notes and tags only).
 */
export const PoolInvitationStateSchema = z.enum(['none', 'invited', 'revoked', 'joined']);
export type PoolInvitationState = z.infer<typeof PoolInvitationStateSchema>;

export const TalentContactSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    email: z.string().nullable(),
    externalUrl: z.string().nullable(),
    notes: z.string(),
    tags: z.array(z.string()),
    inPool: z.boolean(),
    /** The Handoff professional, once they joined through the link or were noted from their profile. */
    professional: z.object({ id: IdSchema, name: z.string(), headline: z.string() }).nullable(),
    invitation: PoolInvitationStateSchema,
    invitedAt: DateTimeSchema.nullable(),
    joinedAt: DateTimeSchema.nullable(),
    createdAt: DateTimeSchema,
    updatedAt: DateTimeSchema,
  })
  .meta({ id: 'TalentContact' });
export type TalentContact = z.infer<typeof TalentContactSchema>;

export const CreateContactSchema = z
  .object({
    name: NameSchema,
    email: EmailSchema,
    externalUrl: ExternalUrlSchema.nullish(),
    notes: NotesSchema.default(''),
    tags: TagsSchema.default([]),
  })
  .strict();
export type CreateContact = z.infer<typeof CreateContactSchema>;
export type CreateContactInput = z.input<typeof CreateContactSchema>;

/** What adding a contact answers: the same whether or not the address has an account. */
export const ContactAddedSchema = z
  .object({ id: IdSchema, email: z.string(), invitedAt: DateTimeSchema })
  .meta({ id: 'ContactAdded' });

export const UpdateContactSchema = z
  .object({
    name: NameSchema.optional(),
    externalUrl: ExternalUrlSchema.nullish(),
    notes: NotesSchema.optional(),
    tags: TagsSchema.optional(),
  })
  .strict();
export type UpdateContactInput = z.input<typeof UpdateContactSchema>;

export const PoolQuerySchema = z.object({
  /** Only records carrying this tag. */
  tag: TagSchema.optional(),
});

export const ContactParamsSchema = BusinessParamsSchema.extend({ contactId: IdSchema });
export const ProfessionalParamsSchema = BusinessParamsSchema.extend({ userId: IdSchema });

/** A business's private notes and tags on one Handoff professional (empty until written). */
export const PrivateNoteSchema = z
  .object({
    professional: z.object({ id: IdSchema, name: z.string() }),
    notes: z.string(),
    tags: z.array(z.string()),
    inPool: z.boolean(),
    updatedAt: DateTimeSchema.nullable(),
  })
  .meta({ id: 'PrivateNote' });
export type PrivateNote = z.infer<typeof PrivateNoteSchema>;
export const UpdatePrivateNoteSchema = z
  .object({ notes: NotesSchema, tags: TagsSchema, inPool: z.boolean().optional() })
  .strict();
export type UpdatePrivateNoteInput = z.input<typeof UpdatePrivateNoteSchema>;

export const InviteProfessionalToJobSchema = z.object({ jobId: IdSchema }).strict();

// The join link.

export const PoolTokenParamsSchema = z.object({ token: z.string().min(20).max(100) });
export const PoolInvitationPreviewSchema = z
  .object({
    businessName: z.string(),
    name: z.string(),
    /** The address the link was mailed to: the join page suggests signing up with it. */
    email: z.string().nullable(),
    expiresAt: DateTimeSchema,
  })
  .meta({ id: 'PoolInvitationPreview' });
export type PoolInvitationPreview = z.infer<typeof PoolInvitationPreviewSchema>;
export const JoinedPoolSchema = z
  .object({
    businessName: z.string(),
    /** Job invitations sent to the invited address that now wait in the person's invitations. */
    jobInvitations: z.number().int(),
  })
  .meta({ id: 'JoinedPool' });

// Saved lists.

export const ListNameSchema = freeText(80).min(1, 'Give the list a name');
export const SavedListSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    count: z.number().int(),
    /** Only with `?professional=`: whether that professional is on the list. */
    contains: z.boolean().optional(),
    createdAt: DateTimeSchema,
    updatedAt: DateTimeSchema,
  })
  .meta({ id: 'SavedList' });
export type SavedList = z.infer<typeof SavedListSchema>;
export const SavedListQuerySchema = z.object({ professional: IdSchema.optional() });
export const SaveListSchema = z.object({ name: ListNameSchema }).strict();
export type SaveListInput = z.input<typeof SaveListSchema>;
export const ListParamsSchema = BusinessParamsSchema.extend({ listId: IdSchema });
export const ListItemParamsSchema = ListParamsSchema.extend({ userId: IdSchema });

export const SavedListItemSchema = z
  .object({
    professional: z.object({
      id: IdSchema,
      name: z.string(),
      headline: z.string(),
      slug: z.string().nullable(),
    }),
    /** The hourly rate as the professional set it, in minor units of `currency`. */
    rate: z.object({ amount: z.number().int(), currency: z.string() }).nullable(),
    addedAt: DateTimeSchema,
  })
  .meta({ id: 'SavedListItem' });
export const SavedListDetailSchema = SavedListSchema.extend({
  items: z.array(SavedListItemSchema),
}).meta({ id: 'SavedListDetail' });
export type SavedListDetail = z.infer<typeof SavedListDetailSchema>;
