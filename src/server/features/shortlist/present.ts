/**
 * Rows → the shortlist's contract shapes, and a bid row → the pure score's signals. What the
 * business sees of a bidder is what it selects on; nothing of other jobs' bids is read.
 */
import type { BidState, NdaState, ShortlistBid } from '../../../core/contracts/shortlist.ts';
import { skillSlug } from '../../../core/jobs.ts';
import type { BidSignals, ScoredBid } from '../../../core/shortlist-score.ts';
import { overlapMinutes, type UtcWindow } from '../../../core/working-window.ts';
import type { JobRow } from '../jobs/policy.ts';
import type { BidRow, BidSignalRow, Highlights } from './queries.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function ndaState(job: JobRow, row: BidSignalRow): NdaState {
  if (row.ndaSignedAt) return 'signed';
  if (row.ndaSentAt) return 'sent';
  return job.ndaRequired ? 'not_sent' : 'not_required';
}

/** The job's skills with their slugs, made once per list (slugging normalizes Unicode). */
export type JobSkills = readonly { name: string; slug: string }[];
export const jobSkillsOf = (job: JobRow): JobSkills =>
  job.skills.map((name) => ({ name, slug: skillSlug(name) }));

/** The job's skills (as the job names them) that the bidder's profile lists. */
export function matchedSkills(skills: JobSkills, row: BidSignalRow): string[] {
  const theirs = row.skillSlugs ?? [];
  return skills.filter((s) => theirs.includes(s.slug)).map((s) => s.name);
}

/**
 * The bid's price as the job's budget reads it: a fixed-price job's budget is a total, an
 * hourly job's a rate — so an hourly job compares rates (total ÷ estimated hours), and a fixed
 * bid on it has no comparable price.
 */
export function priceUsdOf(
  job: JobRow,
  bid: Pick<BidRow, 'totalUsd' | 'termsType' | 'estimatedHours'>,
): number | null {
  if (bid.totalUsd === null) return null;
  if (job.budgetType !== 'hourly') return bid.totalUsd;
  if (bid.termsType !== 'hourly' || !bid.estimatedHours) return null;
  return Math.round(bid.totalUsd / bid.estimatedHours);
}

/** What the pure score reads of one bid; `matched` is `matchedSkills` of the row. */
export function signalsOf(job: JobRow, row: BidSignalRow, matched: readonly string[]): BidSignals {
  const count = row.reviewCount ?? 0;
  return {
    bidId: row.bid.id,
    createdAt: row.bid.createdAt.toISOString(),
    rating: row.ratingAvg !== null && count > 0 ? { average: row.ratingAvg, count } : null,
    // On-time history comes with the contracts' delivery work; until then everyone is new.
    onTime: null,
    yearsExperience: row.hasProfile ? (row.yearsExperience ?? 0) : null,
    skillMatch: { matched: matched.length, of: job.skills.length },
    priceUsd: priceUsdOf(job, row.bid),
    trialScore: row.trialScore === null ? null : Number(row.trialScore),
    interviewScore: row.interviewScore === null ? null : Number(row.interviewScore),
  };
}

/** Letters longer than this are cut at the last word before it, with an ellipsis. */
const EXCERPT_CHARS = 200;

export function excerptOf(letter: string): string {
  const text = letter.replace(/\s+/g, ' ').trim();
  if (text.length <= EXCERPT_CHARS) return text;
  const cut = text.slice(0, EXCERPT_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > EXCERPT_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}

const percentOf = (total: number | null, reference: number | null) =>
  total !== null && reference !== null && reference > 0
    ? Math.round((total / reference) * 100)
    : null;

export function presentShortlistBid(
  job: JobRow,
  row: BidSignalRow,
  scored: ScoredBid,
  context: {
    signals: BidSignals;
    matched: string[];
    highlights: Highlights | undefined;
    medianUsd: number | null;
    businessWindow: UtcWindow | null;
  },
): ShortlistBid {
  const { bid } = row;
  const { signals } = context;
  const proWindow =
    row.workStartUtc !== null && row.workEndUtc !== null
      ? { start: row.workStartUtc, end: row.workEndUtc }
      : null;
  return {
    id: bid.id,
    status: bid.status,
    hidden: bid.hiddenAt !== null,
    createdAt: bid.createdAt.toISOString(),
    shortlistedAt: iso(bid.shortlistedAt),
    declinedAt: iso(bid.declinedAt),
    professional: {
      id: bid.professionalId,
      name: row.name,
      headline: row.headline ?? '',
      slug: row.slug,
      country: row.country,
      timeZone: row.profileTimeZone ?? row.accountTimeZone,
    },
    terms: {
      type: bid.termsType,
      currency: bid.currency,
      amount: bid.amount,
      hourlyRate: bid.hourlyRate,
      estimatedHours: bid.estimatedHours,
      totalUsd: bid.totalUsd,
      durationDays: bid.durationDays,
    },
    signals: {
      rating: signals.rating,
      onTime: signals.onTime,
      completedJobs: row.completedJobs ?? 0,
      yearsExperience: signals.yearsExperience,
      skillMatch: { ...signals.skillMatch, skills: context.matched },
      highlights: context.highlights ?? { roles: [], certifications: [] },
      price: {
        priceUsd: signals.priceUsd,
        vsBudgetPercent: percentOf(signals.priceUsd, job.budgetUsd),
        vsMedianPercent: percentOf(signals.priceUsd, context.medianUsd),
      },
      overlapMinutes:
        proWindow && context.businessWindow
          ? overlapMinutes(proWindow, context.businessWindow)
          : null,
      nda: ndaState(job, row),
      trialScore: signals.trialScore,
      interviewScore: signals.interviewScore,
    },
    coverLetterExcerpt: excerptOf(bid.coverLetterStart),
    score: scored.score,
    parts: scored.parts.map(({ part, points, max, neutral, explanation }) => ({
      part,
      points,
      max,
      neutral,
      explanation,
    })),
  };
}

export function presentBidState(bid: BidRow): BidState {
  return {
    id: bid.id,
    status: bid.status,
    hidden: bid.hiddenAt !== null,
    shortlistedAt: iso(bid.shortlistedAt),
    declinedAt: iso(bid.declinedAt),
    declineMessage: bid.declineMessage,
  };
}

export function presentJob(job: JobRow) {
  return {
    id: job.id,
    title: job.title,
    status: job.status,
    skills: job.skills,
    budgetType: job.budgetType,
    budgetCurrency: job.budgetCurrency,
    budgetMin: job.budgetMin,
    budgetMax: job.budgetMax,
    budgetUsd: job.budgetUsd,
    ndaRequired: job.ndaRequired,
  };
}
