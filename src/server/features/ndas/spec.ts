/**
 * The full specification, for a professional: readable only when their bid on the job is
 * shortlisted or awarded and, if the job requires an NDA, they signed it. The rule is in the SQL
 * (`specGate`): the spec and its files are never loaded for anyone it refuses.
 *
 * Not on the shortlist → 404, as for anything of another's. On the shortlist without the signed
 * NDA → 403 saying to sign it: they were told they are shortlisted, so the job's existence is no
 * secret to them, and the answer tells them what to do next.
 *
 * Each read records the version seen (`job_spec_views`). What changed is shown from the version
 * they last acknowledged (or, never having acknowledged one, first read) to the current one,
 * until they acknowledge the current one.
 */
import type { ProfessionalSpec } from '../../../core/contracts/ndas.ts';
import { diffSpecs } from '../../../core/spec-diff.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { conflict, HttpProblem, notFound } from '../../lib/errors.ts';
import type { FileStore } from '../../lib/files.ts';
import { presentAttachment } from '../jobs/present.ts';
import type { OwnNdaScope } from './ndas.ts';
import {
  findBaseline,
  findReadableSpec,
  findReadableSpecAttachment,
  findReadableSpecVersion,
  insertAcknowledgment,
  listReadableSpecAttachments,
  recordView,
} from './queries.ts';

const signFirst = (jobId: string) =>
  new HttpProblem(
    403,
    'Forbidden',
    `Sign this job’s NDA to read its specification: /app/jobs/${jobId}/nda`,
  );

/** The readable spec, or the refusal: 404 for someone not on the shortlist, 403 to sign first. */
async function readable(tx: Tx, jobId: string, userId: string) {
  const row = await findReadableSpec(tx, jobId, userId);
  if (!row || !row.onShortlist) throw notFound('Specification');
  if (row.spec === null || row.version === null || row.publishedAt === null) {
    if (row.ndaRequired) throw signFirst(jobId);
    throw notFound('Specification');
  }
  return { ...row, spec: row.spec, version: row.version, publishedAt: row.publishedAt };
}

export function createSpecService({
  db,
  clock,
  files,
}: {
  db: Db;
  clock: Clock;
  files: FileStore;
}) {
  return {
    async read({ userId, jobId }: OwnNdaScope): Promise<ProfessionalSpec> {
      return db.transaction(async (tx) => {
        const row = await readable(tx, jobId, userId);
        // In turn: the transaction's one connection runs one query at a time (pg 9 refuses overlap).
        const attachments = await listReadableSpecAttachments(tx, jobId, userId);
        const baseline = await findBaseline(tx, jobId, userId);
        const from = baseline.acknowledged ?? baseline.firstRead;
        let changes: ProfessionalSpec['changes'] = null;
        if (from !== null && from < row.version) {
          const before = await findReadableSpecVersion(tx, jobId, userId, from);
          if (before) changes = { from, to: row.version, sections: diffSpecs(before, row.spec) };
        }
        await recordView(tx, { jobId, userId, version: row.version, firstSeenAt: clock.now() });
        return {
          job: { id: row.jobId, title: row.title },
          business: { id: row.businessId, name: row.businessName },
          version: row.version,
          publishedAt: row.publishedAt.toISOString(),
          spec: row.spec,
          attachments: attachments.map((a) => presentAttachment(a.attachment)),
          acknowledgedVersion: baseline.acknowledged,
          changes,
        };
      });
    },

    /** "I have read the changes": only the current version can be acknowledged. */
    async acknowledge({ userId, jobId }: OwnNdaScope, version: number) {
      return db.transaction(async (tx) => {
        const row = await readable(tx, jobId, userId);
        if (version !== row.version) {
          throw conflict(
            `Version ${version} is not the current specification (version ${row.version}); read it again before acknowledging.`,
          );
        }
        const ack = await insertAcknowledgment(tx, {
          jobId,
          userId,
          version,
          acknowledgedAt: clock.now(),
        });
        return { version: ack.version, acknowledgedAt: ack.acknowledgedAt.toISOString() };
      });
    },

    /** A file of the specification, through the same rule. */
    async attachment({ userId, jobId, attachmentId }: OwnNdaScope & { attachmentId: string }) {
      const row = await findReadableSpecAttachment(db, jobId, userId, attachmentId);
      if (!row) {
        await readable(db, jobId, userId);
        throw notFound('Attachment');
      }
      const body = await files.open(row.storageKey);
      return { name: row.name, contentType: row.contentType, size: row.size, body };
    },
  };
}
