/**
 * Files sent with a message. They are uploaded FIRST, each as a pending upload of the caller on
 * the contract (stored as every upload is, `lib/files.ts`: size limit, type from the content,
 * nothing left on disk on failure); sending the message names them, and its transaction turns
 * them into the message's attachments (messages.ts). So the other side sees a message with all
 * its files or no message, and a failed upload leaves nothing to see.
 */
import type { Readable } from 'node:stream';
import { MAX_PENDING_UPLOADS, type MessageUpload } from '../../../core/contracts/messages.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Config } from '../../env.ts';
import type { Clock } from '../../lib/clock.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { createFileStore, nameForType, type FileStore } from '../../lib/files.ts';
import { newId } from '../../lib/ids.ts';
import type { Download } from '../jobs/attachments.ts';
import { authorizeContractAction, type ContractScope } from '../contracts/policy.ts';
import { closedConversation, conversationOpen, uploadsSince } from './messages.ts';
import { presentAttachment } from './present.ts';
import {
  countPendingUploads,
  deleteExpiredUploads,
  findAttachment,
  insertUpload,
} from './queries.ts';

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
  /** Whether the caller may upload for a message on this contract now, or why not. */
  async function uploadable(tx: Tx, scope: ContractScope) {
    const { record } = await authorizeContractAction(tx, scope, 'messages.write');
    if (!conversationOpen(record.contract.status)) throw closedConversation();
    const pending = await countPendingUploads(
      tx,
      scope.contractId,
      scope.userId,
      uploadsSince(clock.now()),
    );
    if (pending >= MAX_PENDING_UPLOADS)
      throw conflict(
        `You have ${pending} files waiting to be sent on this contract; send them with a message, or wait a day for them to be cleared.`,
      );
  }

  return {
    /**
     * Stores a file for the caller's next message. Checked before a byte is stored, then again
     * when the row is written. The caller's uploads never sent are swept first (files too).
     */
    async upload(
      scope: ContractScope,
      input: { name: string },
      body: Readable,
    ): Promise<MessageUpload> {
      await uploadable(db, scope);
      const expired = await db.transaction((tx) =>
        deleteExpiredUploads(tx, scope.userId, uploadsSince(clock.now())),
      );
      await Promise.all(expired.map((key) => files.remove(key)));
      const stored = await files.save(body, { maxBytes: config.maxUploadBytes });
      try {
        const row = await db.transaction(async (tx) => {
          await uploadable(tx, scope);
          return insertUpload(tx, {
            id: newId(),
            contractId: scope.contractId,
            uploadedBy: scope.userId,
            name: nameForType(input.name, stored.contentType),
            contentType: stored.contentType,
            size: stored.size,
            storageKey: stored.key,
            sha256: stored.sha256,
            createdAt: clock.now(),
          });
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
