/**
 * Drizzle queries of job attachments. Each is read by its id together with its job's id, after
 * the caller's right to that job has been checked (`authorizeJob` or `authorizeBrief`).
 */
import { and, asc, count, eq } from 'drizzle-orm';
import type { Layer } from '../../../core/jobs.ts';
import type { Tx } from '../../db/client.ts';
import { jobAttachments } from '../../db/schema/index.ts';

export type AttachmentRow = typeof jobAttachments.$inferSelect;
export type AttachmentInsert = typeof jobAttachments.$inferInsert;

/** A job's attachments of one layer, oldest first. */
export function listLayerAttachments(tx: Tx, jobId: string, layer: Layer) {
  return tx
    .select()
    .from(jobAttachments)
    .where(and(eq(jobAttachments.jobId, jobId), eq(jobAttachments.layer, layer)))
    .orderBy(asc(jobAttachments.createdAt), asc(jobAttachments.id));
}

export async function findAttachment(
  tx: Tx,
  jobId: string,
  attachmentId: string,
): Promise<AttachmentRow | undefined> {
  const [row] = await tx
    .select()
    .from(jobAttachments)
    .where(and(eq(jobAttachments.id, attachmentId), eq(jobAttachments.jobId, jobId)));
  return row;
}

export async function countLayerAttachments(tx: Tx, jobId: string, layer: Layer) {
  const [row] = await tx
    .select({ n: count() })
    .from(jobAttachments)
    .where(and(eq(jobAttachments.jobId, jobId), eq(jobAttachments.layer, layer)));
  return row?.n ?? 0;
}

export async function insertAttachment(tx: Tx, values: AttachmentInsert) {
  const [row] = await tx.insert(jobAttachments).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function deleteAttachment(tx: Tx, jobId: string, attachmentId: string) {
  const [row] = await tx
    .delete(jobAttachments)
    .where(and(eq(jobAttachments.id, attachmentId), eq(jobAttachments.jobId, jobId)))
    .returning();
  return row;
}

/** The stored files of a job's attachments (to remove them after the job is deleted). */
export async function attachmentKeys(tx: Tx, jobId: string): Promise<string[]> {
  const rows = await tx
    .select({ key: jobAttachments.storageKey })
    .from(jobAttachments)
    .where(eq(jobAttachments.jobId, jobId));
  return rows.map((r) => r.key);
}
