/**
 * Files attached to a message, stored as every upload is (`lib/files.ts`: size limit, type
 * from the content, nothing left on disk on failure). The web app sends the text first, then
 * uploads each file to it; only the author attaches, within ATTACH_WINDOW_MINUTES of sending,
 * so a conversation's history is not rewritten later.
 */
import type { Readable } from 'node:stream';
import {
  ATTACH_WINDOW_MINUTES,
  MAX_MESSAGE_ATTACHMENTS,
  type MessageAttachment,
} from '../../../core/contracts/messages.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Config } from '../../env.ts';
import type { Clock } from '../../lib/clock.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { createFileStore, nameForType, type FileStore } from '../../lib/files.ts';
import { newId } from '../../lib/ids.ts';
import type { Download } from '../jobs/attachments.ts';
import { publishContractChange } from '../contracts/live.ts';
import { authorizeContractAction, type ContractScope } from '../contracts/policy.ts';
import { closedConversation, conversationOpen } from './messages.ts';
import { presentAttachment } from './present.ts';
import { countAttachments, findAttachment, findMessage, insertAttachment } from './queries.ts';

export interface MessageScope extends ContractScope {
  readonly messageId: string;
}

export function createMessageAttachmentService({
  db,
  clock,
  config,
  files = createFileStore(config.dataDir),
}: {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'dataDir' | 'maxUploadBytes'>;
  files?: FileStore;
}) {
  /** The message the caller may still attach to, or why not. */
  async function attachable(tx: Tx, scope: MessageScope, options: { forUpdate?: boolean } = {}) {
    const { record } = await authorizeContractAction(tx, scope, 'messages.write');
    if (!conversationOpen(record.contract.status)) throw closedConversation();
    const message = await findMessage(tx, scope.contractId, scope.messageId, options);
    if (!message) throw notFound('Message');
    // Another person's message is readable, so saying so is no leak, and says what is wrong.
    if (message.authorId !== scope.userId)
      throw conflict('Only the author of a message attaches files to it.');
    const age = clock.now().getTime() - message.createdAt.getTime();
    if (age > ATTACH_WINDOW_MINUTES * 60_000)
      throw conflict(
        `Files are attached within ${ATTACH_WINDOW_MINUTES} minutes of sending; send a new message with them.`,
      );
    if ((await countAttachments(tx, message.id)) >= MAX_MESSAGE_ATTACHMENTS)
      throw conflict(`A message carries at most ${MAX_MESSAGE_ATTACHMENTS} files.`);
    return message;
  }

  return {
    /** Checked before a byte is stored, then again with the message locked when the row is written. */
    async upload(
      scope: MessageScope,
      input: { name: string },
      body: Readable,
    ): Promise<MessageAttachment> {
      await attachable(db, scope);
      const stored = await files.save(body, { maxBytes: config.maxUploadBytes });
      try {
        const row = await db.transaction(async (tx) => {
          const message = await attachable(tx, scope, { forUpdate: true });
          const inserted = await insertAttachment(tx, {
            id: newId(),
            messageId: message.id,
            name: nameForType(input.name, stored.contentType),
            contentType: stored.contentType,
            size: stored.size,
            storageKey: stored.key,
            sha256: stored.sha256,
            createdAt: clock.now(),
          });
          await publishContractChange(tx, scope.contractId, 'messages');
          return inserted;
        });
        return presentAttachment(row);
      } catch (error) {
        await files.remove(stored.key);
        throw error;
      }
    },

    async open(scope: MessageScope & { attachmentId: string }): Promise<Download> {
      await authorizeContractAction(db, scope, 'messages.read');
      const row = await findAttachment(db, scope.contractId, scope.messageId, scope.attachmentId);
      if (!row) throw notFound('Attachment');
      const body = await files.open(row.storageKey);
      return { name: row.name, contentType: row.contentType, size: row.size, body };
    },
  };
}
