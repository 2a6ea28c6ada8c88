/**
 * Files attached to a bid (samples, a plan, a CV), stored as the jobs' attachments are
 * (`lib/files.ts`: size limit, type from the content, nothing left on disk on failure). Added
 * and removed by the bid's professional while the bid can be edited; read by them and by the
 * members of the job's business (`bids.read`).
 */
import type { Readable } from 'node:stream';
import { MAX_BID_ATTACHMENTS, type BidAttachment } from '../../../core/contracts/bids.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Config } from '../../env.ts';
import type { Clock } from '../../lib/clock.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { createFileStore, nameForType, type FileStore } from '../../lib/files.ts';
import { newId } from '../../lib/ids.ts';
import type { JobScope } from '../jobs/policy.ts';
import type { Download } from '../jobs/attachments.ts';
import { authorizeHiringJob, authorizeOwnBid, type BidScope } from './policy.ts';
import { presentBidAttachment } from './present.ts';
import {
  countBidAttachments,
  deleteBidAttachment,
  findBid,
  findBidAttachment,
  insertBidAttachment,
  type BidRow,
} from './queries.ts';

function checkChangeable(bid: BidRow, existing: number) {
  if (bid.status !== 'submitted')
    throw conflict('Only a bid that is still submitted can change its files.');
  if (existing >= MAX_BID_ATTACHMENTS)
    throw conflict(`A bid holds at most ${MAX_BID_ATTACHMENTS} files; remove one first.`);
}

export function createBidAttachmentService({
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
  async function download(tx: Tx, bidId: string, attachmentId: string): Promise<Download> {
    const row = await findBidAttachment(tx, bidId, attachmentId);
    if (!row) throw notFound('Attachment');
    const body = await files.open(row.storageKey);
    return { name: row.name, contentType: row.contentType, size: row.size, body };
  }

  return {
    /** Checked before a byte is stored, then again with the bid locked when the row is written. */
    async upload(scope: BidScope, input: { name: string }, body: Readable): Promise<BidAttachment> {
      const { bid } = await authorizeOwnBid(db, scope);
      checkChangeable(bid, await countBidAttachments(db, bid.id));
      const stored = await files.save(body, { maxBytes: config.maxUploadBytes });
      try {
        const row = await db.transaction(async (tx) => {
          const locked = await authorizeOwnBid(tx, scope, { forUpdate: true });
          checkChangeable(locked.bid, await countBidAttachments(tx, bid.id));
          return insertBidAttachment(tx, {
            id: newId(),
            bidId: bid.id,
            name: nameForType(input.name, stored.contentType),
            contentType: stored.contentType,
            size: stored.size,
            storageKey: stored.key,
            sha256: stored.sha256,
            createdAt: clock.now(),
          });
        });
        return presentBidAttachment(row);
      } catch (error) {
        await files.remove(stored.key);
        throw error;
      }
    },

    async openOwn(scope: BidScope & { attachmentId: string }): Promise<Download> {
      await authorizeOwnBid(db, scope);
      return download(db, scope.bidId, scope.attachmentId);
    },

    /** For the members of the job's business; a bid on another job is a 404. */
    async openForBusiness(
      scope: JobScope & { bidId: string; attachmentId: string },
    ): Promise<Download> {
      await authorizeHiringJob(db, scope.businessId, scope.jobId, scope.userId, 'bids.read');
      const row = await findBid(db, scope.bidId);
      if (!row || row.bid.jobId !== scope.jobId) throw notFound('Bid');
      return download(db, scope.bidId, scope.attachmentId);
    },

    async remove(scope: BidScope & { attachmentId: string }) {
      const row = await db.transaction(async (tx) => {
        const { bid } = await authorizeOwnBid(tx, scope, { forUpdate: true });
        if (bid.status !== 'submitted')
          throw conflict('Only a bid that is still submitted can change its files.');
        const deleted = await deleteBidAttachment(tx, bid.id, scope.attachmentId);
        if (!deleted) throw notFound('Attachment');
        return deleted;
      });
      await files.remove(row.storageKey);
    },
  };
}
