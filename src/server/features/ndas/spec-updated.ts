/**
 * Tells the professionals who read a job's specification that a new version was published, so
 * they come to read its changes and acknowledge them. The jobs feature calls it in the
 * transaction that writes the version.
 */
import type { Tx } from '../../db/client.ts';
import type { Notify } from '../notifications/notify.ts';
import { listSpecReaders } from './queries.ts';

export type OnSpecVersion = (tx: Tx, version: { jobId: string; version: number }) => Promise<void>;

export function notifySpecReaders(notify: Notify): OnSpecVersion {
  return async (tx, { jobId, version }) => {
    const readers = await listSpecReaders(tx, jobId);
    const first = readers[0];
    if (!first) return;
    await notify(
      tx,
      readers.map((r) => ({ userId: r.userId })),
      'spec.updated',
      { jobId, jobTitle: first.title, businessName: first.businessName, version },
    );
  };
}
