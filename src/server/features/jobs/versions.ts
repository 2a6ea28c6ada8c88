/**
 * The published versions of a job's specification, the difference between any two, and who
 * has seen which version. Members read all of it; versions are written by the jobs service.
 */
import type { SpecDiff, SpecVersion } from '../../../core/contracts/jobs.ts';
import { diffSpecs } from '../../../core/spec-diff.ts';
import type { Db, Tx } from '../../db/client.ts';
import { HttpProblem } from '../../lib/errors.ts';
import { authorizeJob, type JobScope } from './policy.ts';
import { presentSpecView, presentVersionSummary, type SpecView } from './present.ts';
import { findSpecVersion, listSpecVersions, listSpecViews } from './queries.ts';

/** The version, or 404 naming the parameter that asked for it. */
async function loadVersion(tx: Tx, jobId: string, version: number, path: string) {
  const row = await findSpecVersion(tx, jobId, version);
  if (!row) {
    throw new HttpProblem(404, 'Not found', `This job has no version ${version}.`, [
      { path, message: `No version ${version}` },
    ]);
  }
  return row;
}

export function createVersionService({ db }: { db: Db }) {
  return {
    /** Every published version, newest first; empty before the job is published. */
    async list({ userId, businessId, jobId }: JobScope) {
      await authorizeJob(db, businessId, jobId, userId, 'jobs.read');
      return (await listSpecVersions(db, jobId)).map(presentVersionSummary);
    },

    async get({
      userId,
      businessId,
      jobId,
      version,
    }: JobScope & { version: number }): Promise<SpecVersion> {
      await authorizeJob(db, businessId, jobId, userId, 'jobs.read');
      const row = await loadVersion(db, jobId, version, 'params.version');
      return { ...presentVersionSummary(row), spec: row.spec };
    },

    /** What changed from version `from` to version `to` (either order), section by section. */
    async diff(
      { userId, businessId, jobId }: JobScope,
      { from, to }: { from: number; to: number },
    ): Promise<SpecDiff> {
      await authorizeJob(db, businessId, jobId, userId, 'jobs.read');
      const before = await loadVersion(db, jobId, from, 'querystring.from');
      const after = await loadVersion(db, jobId, to, 'querystring.to');
      return { from, to, sections: diffSpecs(before.spec, after.spec) };
    },

    /** Who has seen which version, newest version first. */
    async views({ userId, businessId, jobId }: JobScope): Promise<SpecView[]> {
      await authorizeJob(db, businessId, jobId, userId, 'jobs.read');
      return (await listSpecViews(db, jobId)).map(presentSpecView);
    },
  };
}
