/**
 * The bid list of one job for its business: every live bid with its signals, scored and ranked
 * by the owner's saved weights (the page re-ranks as sliders move, with the same function);
 * saving the weights and cap; and the side-by-side comparison of 2–5 bids.
 */
import type {
  BidDetail,
  Comparison,
  SaveShortlistSettings,
  ShortlistPage,
  ShortlistSettings,
} from '../../../core/contracts/shortlist.ts';
import { DEFAULT_SHORTLIST_CAP } from '../../../core/hiring.ts';
import {
  DEFAULT_WEIGHTS,
  SCORE_PARTS,
  scoreBids,
  type ShortlistWeights,
} from '../../../core/shortlist-score.ts';
import { utcWindow } from '../../../core/working-window.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { notFound } from '../../lib/errors.ts';
import type { JobRow, JobScope } from '../jobs/policy.ts';
import { presentBidAttachment } from '../bids/present.ts';
import { listBidAttachments } from '../bids/queries.ts';
import { authorizeShortlist, type BidScope } from './policy.ts';
import {
  jobSkillsOf,
  matchedSkills,
  presentJob,
  presentShortlistBid,
  signalsOf,
} from './present.ts';
import {
  findBusinessHours,
  findSettings,
  listBidDetails,
  listBidsWithSignals,
  listHighlights,
  listInterviewResults,
  listTrialResults,
  upsertSettings,
  type SettingsRow,
} from './queries.ts';

/** Saved weights over the defaults: a part added later keeps its default for older settings. */
function settingsOf(row: SettingsRow | null): ShortlistSettings {
  const weights = { ...DEFAULT_WEIGHTS };
  for (const part of SCORE_PARTS) {
    const saved = row?.weights[part];
    if (typeof saved === 'number') weights[part] = saved;
  }
  return {
    weights,
    cap: row?.cap ?? DEFAULT_SHORTLIST_CAP,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** The job's cap as the owner set it, or the default. */
export async function capOf(tx: Tx, jobId: string): Promise<number> {
  return (await findSettings(tx, jobId))?.cap ?? DEFAULT_SHORTLIST_CAP;
}

async function scoredBids(tx: Tx, clock: Clock, job: JobRow, weights: ShortlistWeights) {
  const [rows, highlights, hours] = [
    await listBidsWithSignals(tx, job.id),
    await listHighlights(tx, job.id),
    await findBusinessHours(tx, job.businessId),
  ];
  const skills = jobSkillsOf(job);
  const matched = rows.map((row) => matchedSkills(skills, row));
  const signals = rows.map((row, i) => signalsOf(job, row, matched[i]!));
  const result = scoreBids(signals, weights, { budgetUsd: job.budgetUsd });
  // The business's usual day at today's offset, as profiles store theirs.
  const businessWindow = hours ? utcWindow(hours.timeZone, hours.workingHours, clock.now()) : null;
  const byId = new Map(rows.map((row, i) => [row.bid.id, i]));
  const bids = result.ranked.map((scored) => {
    const i = byId.get(scored.bidId)!;
    const row = rows[i]!;
    return presentShortlistBid(job, row, scored, {
      signals: signals[i]!,
      matched: matched[i]!,
      highlights: highlights.get(row.bid.professionalId),
      medianUsd: result.medianUsd,
      businessWindow,
    });
  });
  return { bids, medianUsd: result.medianUsd };
}

export function createShortlistService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    async list(scope: JobScope): Promise<ShortlistPage> {
      return db.transaction(async (tx) => {
        const job = await authorizeShortlist(tx, scope, 'bids.read');
        const settings = settingsOf(await findSettings(tx, job.id));
        const { bids, medianUsd } = await scoredBids(tx, clock, job, settings.weights);
        return { job: presentJob(job), settings, medianUsd, bids };
      });
    },

    async saveSettings(scope: JobScope, input: SaveShortlistSettings): Promise<ShortlistSettings> {
      return db.transaction(async (tx) => {
        const job = await authorizeShortlist(tx, scope, 'bids.manage');
        const row = await upsertSettings(tx, {
          jobId: job.id,
          weights: input.weights,
          cap: input.cap,
          updatedBy: scope.userId,
          updatedAt: clock.now(),
        });
        return settingsOf(row);
      });
    },

    /** 2–5 bids side by side, in the order asked; any id not a live bid of this job is a 404. */
    async compare(scope: JobScope, bidIds: string[]): Promise<Comparison> {
      return db.transaction(async (tx) => {
        const job = await authorizeShortlist(tx, scope, 'bids.read');
        const settings = settingsOf(await findSettings(tx, job.id));
        const { bids, medianUsd } = await fullBids(tx, clock, job, settings, bidIds);
        return { job: presentJob(job), settings, medianUsd, bids };
      });
    },

    /** One live bid of this job in full, with its files: what the list opens on demand. */
    async detail(scope: BidScope): Promise<BidDetail> {
      return db.transaction(async (tx) => {
        const job = await authorizeShortlist(tx, scope, 'bids.read');
        const settings = settingsOf(await findSettings(tx, job.id));
        const { bids } = await fullBids(tx, clock, job, settings, [scope.bidId]);
        const attachments = await listBidAttachments(tx, [scope.bidId]);
        return { ...bids[0]!, attachments: attachments.map(presentBidAttachment) };
      });
    },
  };
}

/**
 * The named bids in full (letter, milestones, answers, trial and interview results), scored
 * among all the job's bids so the median and the scores match the list's; any id that is not a
 * live bid of this job is a 404.
 */
async function fullBids(
  tx: Tx,
  clock: Clock,
  job: JobRow,
  settings: ShortlistSettings,
  bidIds: string[],
) {
  const { bids, medianUsd } = await scoredBids(tx, clock, job, settings.weights);
  const shown = new Map(bids.map((b) => [b.id, b]));
  if (bidIds.some((id) => !shown.has(id))) throw notFound('Bid');
  const details = new Map((await listBidDetails(tx, job.id, bidIds)).map((d) => [d.id, d]));
  const [trialResults, interviewResults] = [
    await listTrialResults(tx, bidIds),
    await listInterviewResults(tx, bidIds),
  ];
  return {
    medianUsd,
    bids: bidIds.map((id) => {
      const bid = details.get(id)!;
      return {
        ...shown.get(id)!,
        coverLetter: bid.coverLetter,
        milestones: bid.milestones,
        answers: bid.answers,
        trials: trialResults
          .filter((t) => t.bidId === id)
          .map(({ title, status, late, score }) => ({ title, status, late, score })),
        interviews: interviewResults
          .filter((i) => i.bidId === id)
          .map((i) => ({
            status: i.status,
            startsAt: i.startsAt?.toISOString() ?? null,
            score: i.score,
          })),
      };
    }),
  };
}
