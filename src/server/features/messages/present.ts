import type { ContractMessage, MessageAttachment } from '../../../core/contracts/messages.ts';
import { renderMarkdown } from '../../../core/markdown.ts';
import type { MessageAttachmentRow, MessageRecord } from './queries.ts';

/** An attachment, or an upload waiting for its message (the same stored-file fields). */
export function presentAttachment(
  row: Pick<MessageAttachmentRow, 'id' | 'name' | 'contentType' | 'size' | 'sha256' | 'createdAt'>,
): MessageAttachment {
  return {
    id: row.id,
    name: row.name,
    contentType: row.contentType,
    size: row.size,
    sha256: row.sha256,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentMessage(
  { message, authorName }: MessageRecord,
  attachments: MessageAttachmentRow[],
  readerId: string,
): ContractMessage {
  return {
    id: message.id,
    contractId: message.contractId,
    author: { id: message.authorId, name: authorName },
    mine: message.authorId === readerId,
    body: message.body,
    bodyHtml: renderMarkdown(message.body),
    attachments: attachments.filter((a) => a.messageId === message.id).map(presentAttachment),
    createdAt: message.createdAt.toISOString(),
  };
}
