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
 * How long after sending the author may still attach files: the web app sends the text, then
 * uploads the files one by one, so the window only has to cover a slow upload.
 */
export const ATTACH_WINDOW_MINUTES = 30;

export const MessageParamsSchema = z.object({ contractId: IdSchema, messageId: IdSchema });
export const MessageAttachmentParamsSchema = MessageParamsSchema.extend({
  attachmentId: IdSchema,
});

export const MessageAttachmentQuerySchema = z.object({
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
