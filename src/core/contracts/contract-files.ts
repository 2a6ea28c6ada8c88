/**
 * A contract's files (issue 12, item 5): uploading a name the contract already has (compared
 * case-insensitively) adds a version; every version is kept and downloadable.
 */
import { z } from 'zod';
import { DateTimeSchema, freeText, IdSchema } from './common.ts';

export const MAX_FILE_NOTE_LENGTH = 500;

export const ContractFileParamsSchema = z.object({ contractId: IdSchema, fileId: IdSchema });
export const FileVersionParamsSchema = ContractFileParamsSchema.extend({
  version: z.coerce.number().int().min(1).max(1_000_000),
});

export const UploadFileQuerySchema = z.object({
  name: z.string().trim().min(1, 'Name the file').max(200),
  note: freeText(MAX_FILE_NOTE_LENGTH).default(''),
});
export type UploadFileQueryInput = z.input<typeof UploadFileQuerySchema>;

export const FileVersionSchema = z
  .object({
    id: IdSchema,
    version: z.number().int(),
    /** The name this version was uploaded under (its case may differ from the file's). */
    name: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    /** SHA-256 of the bytes, lower-case hex. */
    sha256: z.string(),
    note: z.string(),
    uploadedBy: z.object({
      /** Null once the account is deleted. */
      id: IdSchema.nullable(),
      name: z.string(),
    }),
    createdAt: DateTimeSchema,
  })
  .meta({ id: 'ContractFileVersion' });
export type FileVersion = z.infer<typeof FileVersionSchema>;

export const ContractFileSchema = z
  .object({
    id: IdSchema,
    contractId: IdSchema,
    name: z.string(),
    latestVersion: z.number().int(),
    /** Newest first. */
    versions: z.array(FileVersionSchema),
    /** Whether the reader may delete it: its uploader, while it has only one version. */
    deletable: z.boolean(),
    createdAt: DateTimeSchema,
    updatedAt: DateTimeSchema,
  })
  .meta({ id: 'ContractFile' });
export type ContractFile = z.infer<typeof ContractFileSchema>;

export const ContractFileListSchema = z.object({ items: z.array(ContractFileSchema) });
