/**
 * Trials, the professional's side: their own participation only. Every read and write goes
 * through `authorizeParticipation` (the caller's own row, else 404), and every file query
 * carries the caller's id, so nothing here can reach another participant's submission.
 *
 * Deadlines are read from the Clock: a first submission after the deadline is accepted and
 * marked late; a submission already in stays as it is once the deadline has passed.
 */
import type { Readable } from 'node:stream';
import type { MyTrial, SubmitTrial, TrialFile } from '../../../core/contracts/trials.ts';
import { MAX_TRIAL_FILES } from '../../../core/contracts/trials.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { badRequest, conflict, notFound } from '../../lib/errors.ts';
import { nameForType, type FileStore } from '../../lib/files.ts';
import { newId } from '../../lib/ids.ts';
import { findUser } from '../accounts/queries.ts';
import type { Notify } from '../notifications/index.ts';
import { authorizeParticipation, type ParticipationScope } from './policy.ts';
import { presentMyTrial, presentTrialFile } from './present.ts';
import {
  deleteTrialFile,
  findParticipant,
  findTrialFile,
  insertTrialFile,
  listFiles,
  listMyTrials,
  listTrialManagers,
  updateParticipant,
  type ParticipantRow,
  type TrialRow,
} from './queries.ts';

/** Whether the professional may still change their work: why not, in their words, or null. */
function workRefusal(trial: TrialRow, p: ParticipantRow, now: Date): string | null {
  if (trial.cancelledAt) return 'This trial was cancelled.';
  switch (p.status) {
    case 'invited':
      return 'Accept the trial before adding work to it.';
    case 'declined':
      return 'You declined this trial.';
    case 'closed':
      return 'This trial is closed: the job went to another professional.';
    case 'accepted':
      return null;
    case 'submitted':
      return now > trial.deadline
        ? 'The deadline has passed; your submission stands as it was sent.'
        : null;
    default:
      return p.status satisfies never;
  }
}

export function createParticipationService({
  db,
  clock,
  notify,
  files,
  maxUploadBytes,
}: {
  db: Db;
  clock: Clock;
  notify: Notify;
  files: FileStore;
  maxUploadBytes: number;
}) {
  async function read(tx: Tx, scope: ParticipationScope): Promise<MyTrial> {
    const found = await authorizeParticipation(tx, scope);
    return presentMyTrial(found, await listFiles(tx, [scope.trialId], scope.userId));
  }

  /** The caller's participation, locked, with its trial; refuses changes to a cancelled trial. */
  async function lockOwn(tx: Tx, scope: ParticipationScope) {
    const found = await authorizeParticipation(tx, scope);
    const participant = await findParticipant(tx, scope.trialId, scope.userId, {
      forUpdate: true,
    });
    if (!participant) throw notFound('Trial');
    return { ...found, participant };
  }

  return {
    async mine({ userId }: { userId: string }) {
      const rows = await listMyTrials(db, userId);
      return rows.map((r) => ({
        ...r,
        deadline: r.deadline.toISOString(),
        cancelledAt: r.cancelledAt?.toISOString() ?? null,
      }));
    },

    get: (scope: ParticipationScope) => read(db, scope),

    async accept(scope: ParticipationScope): Promise<MyTrial> {
      return db.transaction(async (tx) => {
        const { trial, participant } = await lockOwn(tx, scope);
        if (trial.cancelledAt) throw conflict('This trial was cancelled.');
        if (participant.status === 'accepted') return read(tx, scope);
        if (participant.status === 'submitted') throw conflict('You already submitted this trial.');
        await updateParticipant(tx, trial.id, scope.userId, {
          status: 'accepted',
          respondedAt: clock.now(),
          declineReason: null,
        });
        return read(tx, scope);
      });
    },

    async decline(scope: ParticipationScope, reason: string): Promise<MyTrial> {
      return db.transaction(async (tx) => {
        const { trial, participant } = await lockOwn(tx, scope);
        if (trial.cancelledAt) throw conflict('This trial was cancelled.');
        if (participant.status === 'submitted')
          throw conflict('You already submitted this trial; it can no longer be declined.');
        await updateParticipant(tx, trial.id, scope.userId, {
          status: 'declined',
          respondedAt: clock.now(),
          declineReason: reason || null,
        });
        return read(tx, scope);
      });
    },

    /**
     * Submits (or, before the deadline, resubmits) notes, links and the files uploaded so far.
     * After the deadline a first submission is accepted and marked late. A resubmission is new
     * work, so a score given to the earlier one is cleared.
     */
    async submit(scope: ParticipationScope, input: SubmitTrial): Promise<MyTrial> {
      return db.transaction(async (tx) => {
        const { trial, participant, businessId } = await lockOwn(tx, scope);
        const now = clock.now();
        const refusal = workRefusal(trial, participant, now);
        if (refusal) throw conflict(refusal);
        const fileCount = (await listFiles(tx, [trial.id], scope.userId)).length;
        if (!input.notes.trim() && input.links.length === 0 && fileCount === 0) {
          throw badRequest('Add notes, a link or a file before submitting.', [
            { path: 'body.notes', message: 'Add notes, a link or a file' },
          ]);
        }
        const late = now > trial.deadline;
        await updateParticipant(tx, trial.id, scope.userId, {
          status: 'submitted',
          submittedAt: now,
          late,
          notes: input.notes,
          links: input.links,
          criterionScores: null,
          score: null,
          scoreComment: null,
          scoredBy: null,
          scoredAt: null,
        });
        const me = await findUser(tx, scope.userId);
        const managers = await listTrialManagers(tx, businessId);
        await notify(
          tx,
          managers.map((userId) => ({ userId })),
          'trial.submitted',
          {
            businessId,
            jobId: trial.jobId,
            trialTitle: trial.title,
            professionalName: me?.name ?? 'A professional',
            late,
          },
        );
        return read(tx, scope);
      });
    },

    /**
     * Adds a file to the caller's work: checked before a byte is stored, streamed to disk,
     * then recorded with the participation locked and checked again (the limit included).
     */
    async upload(scope: ParticipationScope, name: string, body: Readable): Promise<TrialFile> {
      const check = async (tx: Tx, lock: boolean) => {
        const found = lock ? await lockOwn(tx, scope) : await authorizeParticipation(tx, scope);
        const refusal = workRefusal(found.trial, found.participant, clock.now());
        if (refusal) throw conflict(refusal);
        const count = (await listFiles(tx, [scope.trialId], scope.userId)).length;
        if (count >= MAX_TRIAL_FILES)
          throw conflict(`A submission holds at most ${MAX_TRIAL_FILES} files; remove one first.`);
      };
      await check(db, false);
      const stored = await files.save(body, { maxBytes: maxUploadBytes });
      try {
        const row = await db.transaction(async (tx) => {
          await check(tx, true);
          return insertTrialFile(tx, {
            id: newId(),
            trialId: scope.trialId,
            professionalId: scope.userId,
            name: nameForType(name, stored.contentType),
            contentType: stored.contentType,
            size: stored.size,
            storageKey: stored.key,
            sha256: stored.sha256,
            createdAt: clock.now(),
          });
        });
        return presentTrialFile(row);
      } catch (error) {
        await files.remove(stored.key);
        throw error;
      }
    },

    async removeFile(scope: ParticipationScope & { fileId: string }) {
      const row = await db.transaction(async (tx) => {
        const { trial, participant } = await lockOwn(tx, scope);
        // Not theirs is 404 before anything about their own state is said.
        if (!(await findTrialFile(tx, scope.trialId, scope.fileId, scope.userId)))
          throw notFound('File');
        const refusal = workRefusal(trial, participant, clock.now());
        if (refusal) throw conflict(refusal);
        const deleted = await deleteTrialFile(tx, scope.trialId, scope.fileId, scope.userId);
        if (!deleted) throw notFound('File');
        return deleted;
      });
      await files.remove(row.storageKey);
    },

    /** One of the caller's own files. */
    async openFile(scope: ParticipationScope & { fileId: string }) {
      await authorizeParticipation(db, scope);
      const row = await findTrialFile(db, scope.trialId, scope.fileId, scope.userId);
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
