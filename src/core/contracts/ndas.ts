/**
 * NDAs and the confidential specification (Bids, shortlist and vetting — item 6): a business's
 * NDA templates, the NDA sent to each shortlisted professional and its signature, and the full
 * specification a shortlisted professional reads once any NDA is signed, with what changed since
 * the version they acknowledged.
 */
import { z } from 'zod';
import { NDA_FIELDS, ndaFieldsProblem } from '../nda.ts';
import { BID_STATUSES } from '../hiring.ts';
import { BusinessParamsSchema, DateTimeSchema, freeText, IdSchema, NameSchema } from './common.ts';
import { AttachmentSchema, SpecDiffSchema, SpecSchema } from './jobs.ts';

const fields = NDA_FIELDS.map((f) => `{{${f}}}`).join(', ');

/** A template's Markdown: at most 50,000 characters, naming only the known fields. */
export const NdaBodySchema = freeText(50_000, { trim: false })
  .refine((s) => s.trim().length > 0, 'Write the agreement’s text')
  .superRefine((body, ctx) => {
    const problem = ndaFieldsProblem(body);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .meta({ description: `Markdown; the fields ${fields} are filled in when the NDA is sent.` });

export const NdaTemplateSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    body: z.string(),
    isDefault: z.boolean(),
    createdAt: DateTimeSchema,
    updatedAt: DateTimeSchema,
  })
  .meta({ id: 'NdaTemplate' });
export type NdaTemplate = z.infer<typeof NdaTemplateSchema>;

/** The business's templates, and the neutral text offered to start from. */
export const NdaTemplateListSchema = z
  .object({
    items: z.array(NdaTemplateSchema),
    starter: z.object({ name: z.string(), body: z.string() }),
  })
  .meta({ id: 'NdaTemplateList' });
export type NdaTemplateList = z.infer<typeof NdaTemplateListSchema>;

export const CreateNdaTemplateSchema = z
  .object({ name: NameSchema, body: NdaBodySchema, isDefault: z.boolean().default(false) })
  .strict();
export type CreateNdaTemplate = z.infer<typeof CreateNdaTemplateSchema>;
export type CreateNdaTemplateInput = z.input<typeof CreateNdaTemplateSchema>;

export const UpdateNdaTemplateSchema = z
  .object({ name: NameSchema.optional(), body: NdaBodySchema.optional(), isDefault: z.boolean() })
  .partial()
  .strict();
export type UpdateNdaTemplate = z.infer<typeof UpdateNdaTemplateSchema>;
export type UpdateNdaTemplateInput = z.input<typeof UpdateNdaTemplateSchema>;

export const NdaTemplateParamsSchema = BusinessParamsSchema.extend({ templateId: IdSchema });
export const JobNdaParamsSchema = BusinessParamsSchema.extend({ jobId: IdSchema });
export const ProfessionalNdaParamsSchema = JobNdaParamsSchema.extend({ professionalId: IdSchema });

/** Which template a job requiring an NDA sends: one of the business's, or null for its default. */
export const JobNdaTemplateSchema = z.object({ templateId: IdSchema.nullable() }).strict();
export type JobNdaTemplate = z.infer<typeof JobNdaTemplateSchema>;

/** Where one NDA stands; `signed*` are null until signed. */
export const NdaStateSchema = z
  .object({
    sentAt: DateTimeSchema,
    sentBy: z.object({ id: IdSchema, name: z.string() }).nullable(),
    signedAt: DateTimeSchema.nullable(),
    signedName: z.string().nullable(),
    textSha256: z.string(),
  })
  .meta({ id: 'NdaState' });
export type NdaState = z.infer<typeof NdaStateSchema>;

/** A shortlisted (or awarded) professional, or anyone sent the job's NDA, as the business sees them. */
export const JobNdaPersonSchema = z
  .object({
    professional: z.object({ id: IdSchema, name: z.string() }),
    bidId: IdSchema.nullable(),
    bidStatus: z.enum(BID_STATUSES).nullable(),
    nda: NdaStateSchema.nullable(),
    /** The newest specification version they acknowledged after reading its changes. */
    acknowledgedVersion: z.number().int().nullable(),
    /** The newest specification version they opened. */
    readVersion: z.number().int().nullable(),
  })
  .meta({ id: 'JobNdaPerson' });
export type JobNdaPerson = z.infer<typeof JobNdaPersonSchema>;

export const JobNdaOverviewSchema = z
  .object({
    job: z.object({
      id: IdSchema,
      title: z.string(),
      ndaRequired: z.boolean(),
      specVersion: z.number().int().nullable(),
    }),
    /** The template this job sends: its own choice, else the business's default; null → the starter text. */
    template: z.object({ id: IdSchema, name: z.string(), chosen: z.boolean() }).nullable(),
    people: z.array(JobNdaPersonSchema),
  })
  .meta({ id: 'JobNdaOverview' });
export type JobNdaOverview = z.infer<typeof JobNdaOverviewSchema>;

export const JobIdParamsSchema = z.object({ jobId: IdSchema });
export const SpecAttachmentParamsSchema = JobIdParamsSchema.extend({ attachmentId: IdSchema });

/** The professional's own NDA for a job: the exact text to read and sign. */
export const MyNdaSchema = z
  .object({
    job: z.object({ id: IdSchema, title: z.string() }),
    business: z.object({ id: IdSchema, name: z.string() }),
    /** Markdown, exactly as sent; its SHA-256 is what the signature covers. */
    text: z.string(),
    textSha256: z.string(),
    sentAt: DateTimeSchema,
    signedAt: DateTimeSchema.nullable(),
    signedName: z.string().nullable(),
  })
  .meta({ id: 'MyNda' });
export type MyNda = z.infer<typeof MyNdaSchema>;

export const SignNdaSchema = z
  .object({
    /** The signer's full name, as on their account (case, accents, punctuation and spaces aside). */
    name: NameSchema,
    agree: z.literal(true, { error: 'Tick “I agree” to sign' }),
    /** The SHA-256 of the text the signer was shown; a different one means the text changed. */
    textSha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'The SHA-256 of the text shown, as 64 hexadecimal digits'),
  })
  .strict();
export type SignNda = z.infer<typeof SignNdaSchema>;
export type SignNdaInput = z.input<typeof SignNdaSchema>;

/** The full specification as a shortlisted professional reads it. */
export const ProfessionalSpecSchema = z
  .object({
    job: z.object({ id: IdSchema, title: z.string() }),
    business: z.object({ id: IdSchema, name: z.string() }),
    version: z.number().int(),
    publishedAt: DateTimeSchema,
    spec: SpecSchema,
    attachments: z.array(AttachmentSchema),
    /** The newest version they acknowledged, or null. */
    acknowledgedVersion: z.number().int().nullable(),
    /**
     * What changed since the version they last acknowledged (or, never having acknowledged one,
     * first read), when that is older than this one; null when there is nothing to acknowledge.
     */
    changes: SpecDiffSchema.nullable(),
  })
  .meta({ id: 'ProfessionalSpec' });
export type ProfessionalSpec = z.infer<typeof ProfessionalSpecSchema>;

export const AcknowledgeSpecSchema = z.object({ version: z.number().int().min(1) }).strict();
export type AcknowledgeSpec = z.infer<typeof AcknowledgeSpecSchema>;

export const SpecAcknowledgedSchema = z
  .object({ version: z.number().int(), acknowledgedAt: DateTimeSchema })
  .meta({ id: 'SpecAcknowledged' });
