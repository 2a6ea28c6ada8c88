/**
 * Trials, the business side: who can be invited (the job's shortlisted bids), creating a trial
 * for 1–5 of them at once, the list with every participant's submission, cancelling, scoring
 * a submission against the rubric, and downloading a submitted file.
 */
import type {
  CreateTrial,
  ScoreTrial,
  Trial,
  TrialCandidate,
  TrialParticipant,
} from '../../../core/contracts/trials.ts';
import { pointsProblems, trialScore } from '../../../core/trial-score.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { badRequest, conflict, notFound } from '../../lib/errors.ts';
import type { FileStore } from '../../lib/files.ts';
import { newId } from '../../lib/ids.ts';
import { findBusiness } from '../accounts/queries.ts';
import type { Notify } from '../notifications/index.ts';
import { authorizeTrial, authorizeTrialJob, type JobScope, type TrialScope } from './policy.ts';
import { presentParticipant, presentTrial } from './present.ts';
import {
  cancelTrial,
  findJobBids,
  findParticipant,
  findTrialFile,
  insertParticipants,
  insertTrial,
  listFiles,
  listJobTrials,
  listParticipants,
  listShortlistedBids,
  updateParticipant,
  type TrialRow,
} from './queries.ts';
import type { TrialReminders } from './reminders.ts';

export function createTrialService({
  db,
  clock,
  notify,
  files,
  reminders,
}: {
  db: Db;
  clock: Clock;
  notify: Notify;
  files: FileStore;
  reminders: TrialReminders;
}) {
  async function full(tx: Tx, rows: TrialRow[]): Promise<Trial[]> {
    const ids = rows.map((r) => r.id);
    // In turn: often a transaction, whose one connection runs one query at a time.
    const participants = await listParticipants(tx, ids);
    const fileRows = await listFiles(tx, ids);
    return rows.map((row) => presentTrial(row, participants, fileRows));
  }

  return {
    /** The job's shortlisted bids: the only ones a trial may go to. */
    async candidates(scope: JobScope): Promise<TrialCandidate[]> {
      await authorizeTrialJob(db, scope, 'bids.read');
      const rows = await listShortlistedBids(db, scope.jobId);
      return rows.map((r) => ({
        bidId: r.bidId,
        professional: { id: r.professionalId, name: r.name },
      }));
    },

    async list(scope: JobScope): Promise<Trial[]> {
      await authorizeTrialJob(db, scope, 'bids.read');
      return full(db, await listJobTrials(db, scope.jobId));
    },

    /**
     * Sends a trial to the chosen bids at once. Every bid must be the job's (else 404) and
     * shortlisted (else 409: a trial is part of vetting the shortlist, not a way around it).
     */
    async create(scope: JobScope, input: CreateTrial): Promise<Trial> {
      const now = clock.now();
      const deadline = new Date(input.deadline);
      if (deadline <= now) {
        throw badRequest('The deadline must be in the future.', [
          { path: 'body.deadline', message: 'Must be in the future' },
        ]);
      }
      return db.transaction(async (tx) => {
        // Locked: a job closed or archived at the same moment is seen, not trialled past.
        const job = await authorizeTrialJob(tx, scope, 'trials.manage', { forUpdate: true });
        if (job.status !== 'open') {
          throw conflict(`This job is ${job.status}; trials are for open jobs.`);
        }
        const found = await findJobBids(tx, scope.jobId, input.bidIds);
        const byId = new Map(found.map((b) => [b.id, b]));
        input.bidIds.forEach((id, i) => {
          if (!byId.has(id))
            throw badRequest('A chosen bid is not a bid on this job.', [
              { path: `body.bidIds.${i}`, message: 'Not a bid on this job' },
            ]);
        });
        const notShortlisted = found.filter((b) => b.status !== 'shortlisted');
        if (notShortlisted.length > 0) {
          throw conflict(
            'Only shortlisted bids can be invited to a trial; shortlist the bid first.',
          );
        }
        const business = await findBusiness(tx, scope.businessId);
        if (!business) throw new Error('job without its business');
        const trial = await insertTrial(tx, {
          id: newId(),
          jobId: scope.jobId,
          title: input.title,
          instructions: input.instructions,
          deadline,
          timeBoxMinutes: input.timeBoxMinutes,
          // Short ids: they key the points of each criterion and never change once sent.
          rubric: input.rubric.map((c, i) => ({
            id: `c${i + 1}`,
            label: c.label,
            weight: c.weight,
          })),
          paidAmount: input.paid?.amount ?? null,
          paidCurrency: input.paid?.currency ?? null,
          createdBy: scope.userId,
          createdAt: now,
        });
        await insertParticipants(
          tx,
          input.bidIds.map((bidId) => ({
            trialId: trial.id,
            bidId,
            professionalId: byId.get(bidId)!.professionalId,
            status: 'invited' as const,
          })),
        );
        await notify(
          tx,
          found.map((b) => ({ userId: b.professionalId })),
          'trial.invited',
          {
            trialId: trial.id,
            trialTitle: trial.title,
            jobTitle: job.title,
            businessName: business.name,
            deadline,
            timeBoxMinutes: trial.timeBoxMinutes,
          },
        );
        await reminders.schedule(tx, trial);
        const [created] = await full(tx, [trial]);
        return created!;
      });
    },

    /** Cancels a trial: the invited and those who accepted are told; submissions are kept. */
    async cancel(scope: TrialScope): Promise<Trial> {
      return db.transaction(async (tx) => {
        const { job, trial } = await authorizeTrial(tx, scope, 'trials.manage', {
          forUpdate: true,
        });
        if (trial.cancelledAt) throw conflict('This trial is already cancelled.');
        const cancelled = await cancelTrial(tx, trial.id, clock.now());
        if (!cancelled) throw conflict('This trial is already cancelled.');
        const business = await findBusiness(tx, scope.businessId);
        const participants = await listParticipants(tx, [trial.id]);
        const told = participants.filter((p) => p.status !== 'declined');
        if (told.length > 0) {
          await notify(
            tx,
            told.map((p) => ({ userId: p.professionalId })),
            'trial.cancelled',
            {
              trialId: trial.id,
              trialTitle: trial.title,
              jobTitle: job.title,
              businessName: business?.name ?? '',
            },
          );
        }
        await reminders.cancel(tx, trial.id);
        const [result] = await full(tx, [cancelled]);
        return result!;
      });
    },

    /** Scores a submission: 0–5 points for every criterion, weighted into 0–100. */
    async score(
      scope: TrialScope & { professionalId: string },
      input: ScoreTrial,
    ): Promise<TrialParticipant> {
      return db.transaction(async (tx) => {
        const { trial } = await authorizeTrial(tx, scope, 'trials.manage');
        const participant = await findParticipant(tx, trial.id, scope.professionalId, {
          forUpdate: true,
        });
        if (!participant) throw notFound('Participant');
        if (participant.status !== 'submitted') {
          throw conflict('Only a submitted trial can be scored; this one has no submission yet.');
        }
        const problems = pointsProblems(trial.rubric, input.criterionScores);
        if (problems.length > 0) {
          throw badRequest(
            'Give every criterion of the rubric 0 to 5 points.',
            problems.map((p) => ({ path: `body.criterionScores.${p.id}`, message: p.message })),
          );
        }
        await updateParticipant(tx, trial.id, scope.professionalId, {
          criterionScores: input.criterionScores,
          score: trialScore(trial.rubric, input.criterionScores),
          scoreComment: input.comment || null,
          scoredBy: scope.userId,
          scoredAt: clock.now(),
        });
        const [named] = (await listParticipants(tx, [trial.id])).filter(
          (p) => p.professionalId === scope.professionalId,
        );
        return presentParticipant(named!, await listFiles(tx, [trial.id], scope.professionalId));
      });
    },

    /** A submitted file, for the business's members. */
    async openFile(scope: TrialScope & { fileId: string }) {
      const { trial } = await authorizeTrial(db, scope, 'bids.read');
      const row = await findTrialFile(db, trial.id, scope.fileId);
      if (!row) throw notFound('File');
      return {
        name: row.name,
        contentType: row.contentType,
        size: row.size,
        body: await files.open(row.storageKey),
      };
    },
  };
}
