/**
 * The shortlist score: how well each bid on a job matches what the owner weighs, 0–100, with
 * each part's contribution and a plain sentence saying where it came from. Pure and zod-free:
 * the server sorts the bid list with it and the web app runs the same function as the owner
 * moves the sliders, so the order changes live with no request.
 *
 * The rules, each chosen to be explainable in one line on the page:
 * - A part scores a fraction 0–1 of its weight; the score is Σ weight × fraction ÷ Σ weight in
 *   play, × 100 — so weights need not add up to 100 (the page shows the sum) and a part's
 *   points are its weight scaled to that sum.
 * - Missing data is scored neutral (half of the part): a professional new to Handoff has no
 *   reviews and no on-time history, and treating that as zero would bury every newcomer, while
 *   treating it as full marks would favour people with nothing to show. Half is what an average
 *   professional gets; the explanation says "new — no reviews yet: scored neutral".
 * - Trial and interview parts weigh 25 and 15 by default but are only in play once at least one
 *   bid on the job has such a score: before any trial or interview they would add the same
 *   neutral half to everyone, diluting the parts that do tell bids apart. Once in play, a bid
 *   without the score (not invited to the trial, not interviewed) is neutral like any missing data.
 * - Price: the bid's total against the job's budget and against the median bid, each 1 at half
 *   or less, 0 at one and a half times or more, linear between (so exactly the budget or the
 *   median is half); the two are averaged, or only the median is used when the job has no budget.
 *   Cheaper scores higher, but a bid far below the others gets no more than half again.
 * - Ties: scores are compared as shown (one decimal); equal scores keep the earlier bid first,
 *   then the lower id, so the order is the same on every reload and in every browser.
 */

/** The parts of the score, in the order the page lists them. */
export const SCORE_PARTS = [
  'feedback',
  'skills',
  'price',
  'experience',
  'onTime',
  'trial',
  'interview',
] as const;
export type ScorePart = (typeof SCORE_PARTS)[number];

export type ShortlistWeights = Record<ScorePart, number>;

/** The issue's defaults (30/20/20/15/15) plus trial and interview, in play once scores exist. */
export const DEFAULT_WEIGHTS: ShortlistWeights = {
  feedback: 30,
  skills: 20,
  price: 20,
  experience: 15,
  onTime: 15,
  trial: 25,
  interview: 15,
};

/** A slider's range. */
export const WEIGHT_RANGE = { min: 0, max: 100 } as const;

export const PART_LABELS: Record<ScorePart, string> = {
  feedback: 'Feedback',
  skills: 'Skill match',
  price: 'Price',
  experience: 'Experience',
  onTime: 'On-time history',
  trial: 'Trial',
  interview: 'Interview',
};

/** Years of experience that earn the full experience part; more counts the same. */
export const FULL_EXPERIENCE_YEARS = 10;

/** What one bid brings to the score; `null` means no data (scored neutral). */
export interface BidSignals {
  bidId: string;
  /** When the bid was made (ISO 8601): the tie-breaker. */
  createdAt: string;
  /** Average rating 1–5 and how many reviews; null or 0 reviews is "new". */
  rating: { average: number; count: number } | null;
  /** Jobs delivered on time out of jobs finished; null when none finished yet. */
  onTime: { onTime: number; total: number } | null;
  /** Years of experience from the profile; null without a profile. */
  yearsExperience: number | null;
  /** The job's skills the professional lists; `of` 0 when the job names no skill. */
  skillMatch: { matched: number; of: number };
  /**
   * The bid's price in US cents as the job's budget reads it: the total for a fixed-price job,
   * the hourly rate for an hourly one (null when there is nothing comparable).
   */
  priceUsd: number | null;
  /** Average trial score 0–100 over the trials the bid took part in, null if none scored. */
  trialScore: number | null;
  /** Average interview score 1–5, null if none scored. */
  interviewScore: number | null;
}

/** What the whole job brings: its budget in US cents, read as `priceUsd` is (null: none set). */
export interface JobContext {
  budgetUsd: number | null;
}

export interface PartResult {
  part: ScorePart;
  /** 0–1 of the part (0.5 for missing data). */
  fraction: number;
  /** Points this part adds to the 0–100 score. */
  points: number;
  /** The most points this part could add with these weights. */
  max: number;
  /** Whether the part had no data and was scored neutral. */
  neutral: boolean;
  /** One plain sentence: "Skill match 4 of 5 job skills (80 %) → 16 of 20". */
  explanation: string;
}

export interface ScoredBid {
  bidId: string;
  /** 0–100, one decimal. */
  score: number;
  parts: PartResult[];
}

export interface ScoreResult {
  /** Best first. */
  ranked: ScoredBid[];
  /** The median bid total in US cents over the bids given (null: none had a total). */
  medianUsd: number | null;
  /** Σ weights of the parts in play (what each part's points are scaled by). */
  weightSum: number;
  /** Parts left out because no bid has their data yet (trial, interview). */
  notInPlay: ScorePart[];
}

const NEUTRAL = 0.5;

const clamp01 = (n: number) => Math.min(1, Math.max(0, n));
const round1 = (n: number) => Math.round(n * 10) / 10;
const pct = (f: number) => `${Math.round(f * 100)} %`;
/** Points as the page writes them: whole numbers stay whole, others get one decimal. */
const pts = (n: number) => {
  const r = round1(n);
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
};

/** The median of the numbers (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] as number;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] as number) + hi) / 2;
}

/** 1 at half or less of the reference, 0 at 1.5 times or more, linear between. */
export function priceFraction(total: number, reference: number): number {
  if (reference <= 0) return NEUTRAL;
  return clamp01(1.5 - total / reference);
}

function ratioWords(total: number, reference: number, what: string): string {
  const ratio = total / reference;
  if (Math.abs(ratio - 1) < 0.005) return `equal to ${what}`;
  const diff = Math.round(Math.abs(ratio - 1) * 100);
  return `${diff} % ${ratio < 1 ? 'below' : 'above'} ${what}`;
}

interface Raw {
  fraction: number;
  neutral: boolean;
  /** The sentence before "→ x of y". */
  words: string;
}

function feedbackRaw(s: BidSignals): Raw {
  if (!s.rating || s.rating.count === 0)
    return {
      fraction: NEUTRAL,
      neutral: true,
      words: 'Feedback: new — no reviews yet: scored neutral',
    };
  const { average, count } = s.rating;
  // 1 star is the floor of the scale, so it earns nothing; 5 earns everything.
  const fraction = clamp01((average - 1) / 4);
  return {
    fraction,
    neutral: false,
    words: `Feedback ${average.toFixed(1)} of 5 from ${count} review${count === 1 ? '' : 's'}`,
  };
}

function skillsRaw(s: BidSignals): Raw {
  const { matched, of } = s.skillMatch;
  if (of === 0)
    return {
      fraction: NEUTRAL,
      neutral: true,
      words: 'Skill match: the job names no skills: scored neutral',
    };
  const fraction = clamp01(matched / of);
  return {
    fraction,
    neutral: false,
    words: `Skill match ${matched} of ${of} job skill${of === 1 ? '' : 's'} (${pct(fraction)})`,
  };
}

function priceRaw(s: BidSignals, job: JobContext, medianUsd: number | null): Raw {
  if (s.priceUsd === null || s.priceUsd <= 0)
    return {
      fraction: NEUTRAL,
      neutral: true,
      words: 'Price: no price comparable with the budget: scored neutral',
    };
  const parts: number[] = [];
  const words: string[] = [];
  if (job.budgetUsd !== null && job.budgetUsd > 0) {
    parts.push(priceFraction(s.priceUsd, job.budgetUsd));
    words.push(ratioWords(s.priceUsd, job.budgetUsd, 'the budget'));
  }
  if (medianUsd !== null && medianUsd > 0) {
    parts.push(priceFraction(s.priceUsd, medianUsd));
    words.push(ratioWords(s.priceUsd, medianUsd, 'the median bid'));
  }
  if (parts.length === 0)
    return {
      fraction: NEUTRAL,
      neutral: true,
      words: 'Price: nothing to compare with: scored neutral',
    };
  const fraction = parts.reduce((a, b) => a + b, 0) / parts.length;
  return { fraction, neutral: false, words: `Price ${words.join(', ')}` };
}

function experienceRaw(s: BidSignals): Raw {
  if (s.yearsExperience === null)
    return {
      fraction: NEUTRAL,
      neutral: true,
      words: 'Experience: no profile to read it from: scored neutral',
    };
  const years = Math.max(0, s.yearsExperience);
  const fraction = clamp01(years / FULL_EXPERIENCE_YEARS);
  return {
    fraction,
    neutral: false,
    words: `Experience ${years} year${years === 1 ? '' : 's'}${years >= FULL_EXPERIENCE_YEARS ? ` (${FULL_EXPERIENCE_YEARS}+ is full marks)` : ` of ${FULL_EXPERIENCE_YEARS} for full marks`}`,
  };
}

function onTimeRaw(s: BidSignals): Raw {
  if (!s.onTime || s.onTime.total === 0)
    return {
      fraction: NEUTRAL,
      neutral: true,
      words: 'On-time history: new — no finished jobs yet: scored neutral',
    };
  const fraction = clamp01(s.onTime.onTime / s.onTime.total);
  return {
    fraction,
    neutral: false,
    words: `On-time ${s.onTime.onTime} of ${s.onTime.total} jobs (${pct(fraction)})`,
  };
}

function trialRaw(s: BidSignals): Raw {
  if (s.trialScore === null)
    return { fraction: NEUTRAL, neutral: true, words: 'Trial: no trial score: scored neutral' };
  const fraction = clamp01(s.trialScore / 100);
  return { fraction, neutral: false, words: `Trial scored ${round1(s.trialScore)} of 100` };
}

function interviewRaw(s: BidSignals): Raw {
  if (s.interviewScore === null)
    return {
      fraction: NEUTRAL,
      neutral: true,
      words: 'Interview: no interview score: scored neutral',
    };
  const fraction = clamp01((s.interviewScore - 1) / 4);
  return {
    fraction,
    neutral: false,
    words: `Interview scored ${round1(s.interviewScore)} of 5`,
  };
}

/** Sorts best first: score as shown, then the earlier bid, then the lower id. */
export function compareScored(
  a: { score: number; createdAt: string; bidId: string },
  b: { score: number; createdAt: string; bidId: string },
): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.bidId < b.bidId ? -1 : a.bidId > b.bidId ? 1 : 0;
}

/**
 * Scores and ranks the bids of one job with the owner's weights. Weights below 0 count as 0;
 * with every weight in play at 0 each bid scores 0 and keeps the tie order.
 */
export function scoreBids(
  bids: readonly BidSignals[],
  weights: ShortlistWeights,
  job: JobContext,
): ScoreResult {
  const totals = bids.flatMap((b) => (b.priceUsd !== null && b.priceUsd > 0 ? [b.priceUsd] : []));
  const medianUsd = median(totals);
  const notInPlay: ScorePart[] = [];
  if (!bids.some((b) => b.trialScore !== null)) notInPlay.push('trial');
  if (!bids.some((b) => b.interviewScore !== null)) notInPlay.push('interview');
  const inPlay = SCORE_PARTS.filter((p) => !notInPlay.includes(p));
  const weightOf = (p: ScorePart) => (inPlay.includes(p) ? Math.max(0, weights[p] || 0) : 0);
  const weightSum = inPlay.reduce((sum, p) => sum + weightOf(p), 0);

  const scored = bids.map((s) => {
    const raws: Record<ScorePart, Raw> = {
      feedback: feedbackRaw(s),
      skills: skillsRaw(s),
      price: priceRaw(s, job, medianUsd),
      experience: experienceRaw(s),
      onTime: onTimeRaw(s),
      trial: trialRaw(s),
      interview: interviewRaw(s),
    };
    let exact = 0;
    const parts: PartResult[] = inPlay.map((part) => {
      const raw = raws[part];
      const max = weightSum === 0 ? 0 : (weightOf(part) / weightSum) * 100;
      const points = max * raw.fraction;
      exact += points;
      return {
        part,
        fraction: raw.fraction,
        points: round1(points),
        max: round1(max),
        neutral: raw.neutral,
        explanation: `${raw.words} → ${pts(points)} of ${pts(max)}`,
      };
    });
    return { bidId: s.bidId, createdAt: s.createdAt, score: round1(exact), parts };
  });
  scored.sort(compareScored);
  return {
    ranked: scored.map(({ bidId, score, parts }) => ({ bidId, score, parts })),
    medianUsd,
    weightSum,
    notInPlay,
  };
}
