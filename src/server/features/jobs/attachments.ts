/**
 * Files attached to a job. Brief attachments are as public as the brief; spec attachments are
 * as confidential as the specification (members only, until shortlisting grants more).
 *
 * An upload is checked (role, job state, the per-layer limit) before a byte is stored, streamed
 * to disk by `lib/files.ts`, then recorded in a transaction that checks again with the job row
 * locked — two uploads racing for the last free place cannot both get it. If the row is not
 * written, the stored file is removed.
 */
import type { Readable } from 'node:stream';
import type { Attachment } from '../../../core/contracts/jobs.ts';
import type { Layer } from '../../../core/jobs.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Config } from '../../env.ts';
import type { Clock } from '../../lib/clock.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { createFileStore, nameForType, type FileStore } from '../../lib/files.ts';
import { newId } from '../../lib/ids.ts';
import {
  countLayerAttachments,
  deleteAttachment,
  findAttachment,
  insertAttachment,
  type AttachmentRow,
} from './attachment-queries.ts';
import {
  authorizeBrief,
  authorizeJob,
  type JobRow,
  type JobScope,
  type ReaderScope,
} from './policy.ts';
import { presentAttachment } from './present.ts';

/** Enough for screenshots, a brand guide and a few samples; more belongs in a shared folder. */
export const MAX_ATTACHMENTS_PER_LAYER = 10;

/** A file ready to be streamed to the caller. */
export interface Download {
  name: string;
  contentType: string;
  size: number;
  body: Readable;
}

function checkChangeable(job: JobRow, layer: Layer, existing: number) {
  if (job.status === 'archived')
    throw conflict('This job is archived; reopen it before changing its attachments.');
  if (existing >= MAX_ATTACHMENTS_PER_LAYER) {
    throw conflict(
      `A job holds at most ${MAX_ATTACHMENTS_PER_LAYER} ${layer} attachments; remove one first.`,
    );
  }
}

export function createAttachmentService({
  db,
  clock,
  config,
  files = createFileStore(config.dataDir),
}: {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'dataDir' | 'maxUploadBytes' | 'mode'>;
  files?: FileStore;
}) {
  async function download(row: AttachmentRow): Promise<Download> {
    const body = await files.open(row.storageKey);
    return { name: row.name, contentType: row.contentType, size: row.size, body };
  }

  async function readable(tx: Tx, jobId: string, attachmentId: string) {
    const row = await findAttachment(tx, jobId, attachmentId);
    if (!row) throw notFound('Attachment');
    return row;
  }

  return {
    files,

    async upload(
      { userId, businessId, jobId }: JobScope,
      input: { layer: Layer; name: string },
      body: Readable,
    ): Promise<Attachment> {
      const job = await authorizeJob(db, businessId, jobId, userId, 'jobs.manage');
      checkChangeable(job, input.layer, await countLayerAttachments(db, jobId, input.layer));
      const stored = await files.save(body, { maxBytes: config.maxUploadBytes });
      try {
        const row = await db.transaction(async (tx) => {
          const locked = await authorizeJob(tx, businessId, jobId, userId, 'jobs.manage', {
            forUpdate: true,
          });
          checkChangeable(locked, input.layer, await countLayerAttachments(tx, jobId, input.layer));
          return insertAttachment(tx, {
            id: newId(),
            jobId,
            businessId,
            layer: input.layer,
            name: nameForType(input.name, stored.contentType),
            contentType: stored.contentType,
            size: stored.size,
            storageKey: stored.key,
            sha256: stored.sha256,
            uploadedBy: userId,
            createdAt: clock.now(),
          });
        });
        return presentAttachment(row);
      } catch (error) {
        await files.remove(stored.key);
        throw error;
      }
    },

    /** Either layer, for the job's business's members. */
    async open({ userId, businessId, jobId, attachmentId }: JobScope & { attachmentId: string }) {
      await authorizeJob(db, businessId, jobId, userId, 'jobs.read');
      return download(await readable(db, jobId, attachmentId));
    },

    /** A brief attachment, for whoever may read the brief; a spec attachment is a 404 here. */
    async openPublic({ userId, jobId, attachmentId }: ReaderScope & { attachmentId: string }) {
      await authorizeBrief(db, jobId, userId, config.mode);
      const row = await readable(db, jobId, attachmentId);
      if (row.layer !== 'brief') throw notFound('Attachment');
      return download(row);
    },

    /** Removes the row, then (after the commit) the file. */
    async remove({ userId, businessId, jobId, attachmentId }: JobScope & { attachmentId: string }) {
      const row = await db.transaction(async (tx) => {
        const job = await authorizeJob(tx, businessId, jobId, userId, 'jobs.manage', {
          forUpdate: true,
        });
        if (job.status === 'archived')
          throw conflict('This job is archived; reopen it before changing its attachments.');
        const deleted = await deleteAttachment(tx, jobId, attachmentId);
        if (!deleted) throw notFound('Attachment');
        return deleted;
      });
      await files.remove(row.storageKey);
    },
  };
}
