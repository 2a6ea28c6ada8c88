/**
 * A contract's files: uploading a name the contract already has (case-insensitively) adds a
 * version; every version stays downloadable. Reading is `files.read` (QA reviewers included),
 * uploading and deleting `files.write`; deleting only as `rules.ts → deletable` allows.
 */
import type { Readable } from 'node:stream';
import type { ContractFile, UploadFileQueryInput } from '../../../core/contracts/contract-files.ts';
import { contractCan } from '../../../core/contract-access.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Config } from '../../env.ts';
import type { Clock } from '../../lib/clock.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { createFileStore, nameForType, type FileStore } from '../../lib/files.ts';
import { newId } from '../../lib/ids.ts';
import { publishContractChange } from '../contracts/live.ts';
import { authorizeContractAction, type ContractScope } from '../contracts/policy.ts';
import type { Download } from '../jobs/attachments.ts';
import { closedConversation, conversationOpen } from '../messages/messages.ts';
import { presentFile } from './present.ts';
import {
  deleteFile,
  findFile,
  findVersion,
  insertVersion,
  listFiles,
  takeFileVersion,
  versionsOf,
} from './queries.ts';
import { deletable } from './rules.ts';

export interface FileScope extends ContractScope {
  readonly fileId: string;
}

export function createContractFileService({
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
  async function writable(tx: Tx, scope: ContractScope) {
    const found = await authorizeContractAction(tx, scope, 'files.write');
    if (!conversationOpen(found.record.contract.status)) throw closedConversation();
    return found;
  }

  return {
    async list(scope: ContractScope): Promise<{ items: ContractFile[] }> {
      const { party } = await authorizeContractAction(db, scope, 'files.read');
      const rows = await listFiles(db, scope.contractId);
      const versions = await versionsOf(
        db,
        rows.map((f) => f.id),
      );
      const canWrite = contractCan(party, 'files.write');
      return { items: rows.map((f) => presentFile(f, versions, scope.userId, canWrite)) };
    },

    /** Checked before a byte is stored, then again in the transaction that writes the rows. */
    async upload(
      scope: ContractScope,
      input: Required<Pick<UploadFileQueryInput, 'name'>> & { note: string },
      body: Readable,
    ): Promise<ContractFile> {
      await writable(db, scope);
      const stored = await files.save(body, { maxBytes: config.maxUploadBytes });
      try {
        return await db.transaction(async (tx) => {
          await writable(tx, scope);
          const now = clock.now();
          const name = nameForType(input.name, stored.contentType);
          const { id, version } = await takeFileVersion(tx, {
            id: newId(),
            contractId: scope.contractId,
            name,
            createdBy: scope.userId,
            at: now,
          });
          await insertVersion(tx, {
            id: newId(),
            fileId: id,
            version,
            uploadedBy: scope.userId,
            note: input.note,
            name,
            contentType: stored.contentType,
            size: stored.size,
            storageKey: stored.key,
            sha256: stored.sha256,
            createdAt: now,
          });
          await publishContractChange(tx, scope.contractId, 'files');
          const file = await findFile(tx, scope.contractId, id);
          if (!file) throw new Error('the file just written is gone');
          return presentFile(file, await versionsOf(tx, [id]), scope.userId, true);
        });
      } catch (error) {
        await files.remove(stored.key);
        throw error;
      }
    },

    async open(scope: FileScope & { version: number }): Promise<Download> {
      await authorizeContractAction(db, scope, 'files.read');
      const row = await findVersion(db, scope.contractId, scope.fileId, scope.version);
      if (!row) throw notFound('File version');
      const body = await files.open(row.storageKey);
      return { name: row.name, contentType: row.contentType, size: row.size, body };
    },

    async remove(scope: FileScope): Promise<void> {
      const keys = await db.transaction(async (tx) => {
        await writable(tx, scope);
        const file = await findFile(tx, scope.contractId, scope.fileId, { forUpdate: true });
        if (!file) throw notFound('File');
        if (!deletable(file, scope.userId))
          throw conflict(
            file.createdBy === scope.userId
              ? 'A file with more than one version is kept: both sides rely on its history.'
              : 'Only the person who uploaded a file can delete it.',
          );
        const removed = await deleteFile(tx, file.id);
        await publishContractChange(tx, scope.contractId, 'files');
        return removed;
      });
      for (const key of keys) await files.remove(key);
    },
  };
}
