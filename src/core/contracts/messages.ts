/**
 * A contract's messages (issue 12, item 5): Markdown text between the business and the
 * professional, with attachments and a per-person unread count.
 */
import { z } from 'zod';
import { CursorQuerySchema, DateTimeSchema, freeText, IdSchema } from './common.ts';

/** Long enough for a detailed update; a longer text belongs in a file. */
export const MAX_MESSAGE_LENGTH = 10_000;
/** Files one message carries. */
export const MAX_MESSAGE_ATTACHMENTS = 5;
/**
 * How long an uploaded file waits to be sent with a message: long enough to write the text after
 * a slow upload, short enough that files never sent do not pile up (they are swept after it).
 */
export const UPLOAD_KEEP_HOURS = 24;
/** Files a person may hold uploaded but unsent on one contract. */
export const MAX_PENDING_UPLOADS = 20;

export const MessageParamsSchema = z.object({ contractId: IdSchema, messageId: IdSchema });
export const MessageAttachmentParamsSchema = MessageParamsSchema.extend({
  attachmentId: IdSchema,
});

export const MessageUploadQuerySchema = z.object({
  name: z.string().trim().min(1, 'Name the file').max(200),
});

export const MessageAttachmentSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    createdAt: DateTimeSchema,
  })
  .meta({ id: 'MessageAttachment' });
export type MessageAttachment = z.infer<typeof MessageAttachmentSchema>;

/** A file uploaded for the caller's next message; sending names it in `uploadIds`. */
export const MessageUploadSchema = MessageAttachmentSchema.meta({ id: 'MessageUpload' });
export type MessageUpload = z.infer<typeof MessageUploadSchema>;

export const ContractMessageSchema = z
  .object({
    id: IdSchema,
    contractId: IdSchema,
    author: z.object({
      /** Null once the account is deleted. */
      id: IdSchema.nullable(),
      name: z.string(),
    }),
    /** Whether the reader wrote it. */
    mine: z.boolean(),
    body: z.string(),
    /** The body rendered by the safe Markdown renderer (raw HTML off, unsafe links dropped). */
    bodyHtml: z.string(),
    attachments: z.array(MessageAttachmentSchema),
    createdAt: DateTimeSchema,
  })
  .meta({ id: 'ContractMessage' });
export type ContractMessage = z.infer<typeof ContractMessageSchema>;

export const SendMessageSchema = z.object({
  body: freeText(MAX_MESSAGE_LENGTH).min(1, 'Write a message'),
  /** Files the caller uploaded for this message (`POST …/messages/uploads`), sent with it. */
  uploadIds: z
    .array(IdSchema)
    .max(MAX_MESSAGE_ATTACHMENTS, `A message carries at most ${MAX_MESSAGE_ATTACHMENTS} files`)
    .refine((ids) => new Set(ids).size === ids.length, 'Each file once')
    .default([]),
});
export type SendMessage = z.infer<typeof SendMessageSchema>;
export type SendMessageInput = z.input<typeof SendMessageSchema>;

/** Older messages page by page: the first page is the newest. */
export const MessagePageQuerySchema = CursorQuerySchema;
export type MessagePageQueryInput = z.input<typeof MessagePageQuerySchema>;

export const MessagePageSchema = z
  .object({
    /** Oldest first within the page (the newest message is the last one). */
    items: z.array(ContractMessageSchema),
    /** The cursor of the page of older messages, or null at the start of the conversation. */
    nextCursor: z.string().nullable(),
    /** Messages from others the reader has not read yet. */
    unread: z.number().int(),
  })
  .meta({ id: 'MessagePage' });
export type MessagePage = z.infer<typeof MessagePageSchema>;

/** Mark read up to (and including) this message: what the reader's page has shown. */
export const MarkReadSchema = z.object({ lastMessageId: IdSchema });
export type MarkRead = z.infer<typeof MarkReadSchema>;

/** What stays unread after marking. */
export const MessagesUnreadSchema = z.object({ unread: z.number().int() });

export const UnreadSchema = z.object({ contractId: IdSchema, unread: z.number().int() });

/** The reader's unread messages per contract they may read messages of (only non-zero counts). */
export const UnreadListSchema = z
  .object({ items: z.array(UnreadSchema) })
  .meta({ id: 'UnreadMessages' });
export type UnreadList = z.infer<typeof UnreadListSchema>;
