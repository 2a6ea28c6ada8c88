/**
 * The operations audit's rules: how much of the owner's month a task takes, and how good a
 * candidate for outsourcing it is. Pure, so the page that explains the score and the server
 * that computes it run the same code (see AUDIT_SCORE_EXPLAINED).
 */
import { convert, minorDigits, timesHours, type Money, type RatesPerUsd } from './money.ts';

export const FREQUENCIES = ['daily', 'weekly', 'monthly', 'ad-hoc'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const NATURES = ['expertise', 'specialized-knowledge', 'repetitive', 'core'] as const;
export type Nature = (typeof NATURES)[number];

export const NATURE_LABELS: Record<Nature, string> = {
  expertise: 'Needs expertise',
  'specialized-knowledge': 'Needs specialized knowledge',
  repetitive: 'Repetitive, unskilled',
  core: 'Core — my own unique input',
};

/** A month, for extrapolation: 30 days. */
export const MONTH_DAYS = 30;
/** Hours a month at which a task earns the whole hours part of the score. */
export const FULL_HOURS = 20;
export const WEIGHTS = { hours: 40, dislike: 30, nature: 30 } as const;

/** How much of the nature part each kind of task earns: the more routine, the easier to hand off. */
export const NATURE_POINTS: Record<Exclude<Nature, 'core'>, number> = {
  repetitive: 30,
  'specialized-knowledge': 20,
  expertise: 15,
};

export const AUDIT_SCORE_EXPLAINED = [
  `Monthly hours (up to ${WEIGHTS.hours} points): ${FULL_HOURS} or more hours a month earns all ${WEIGHTS.hours}; fewer earns a share.`,
  `Dislike (up to ${WEIGHTS.dislike} points): 1 (don’t mind) earns 0, 5 (hate it) earns all ${WEIGHTS.dislike}.`,
  `Nature (up to ${WEIGHTS.nature} points): repetitive, unskilled work ${NATURE_POINTS.repetitive}; specialized knowledge ${NATURE_POINTS['specialized-knowledge']}; expertise ${NATURE_POINTS.expertise}; not yet classified 0.`,
  'Core tasks — your own unique input — are never suggested.',
  `Monthly hours are the hours you logged scaled to ${MONTH_DAYS} days by the days you covered; a task done monthly is not scaled up until you have covered more than a month.`,
];

/** Hours a month a task takes, extrapolated from what was logged over the days covered. */
export function monthlyHours(
  totalMinutes: number,
  daysCovered: number,
  frequency: Frequency | null,
): number {
  if (totalMinutes <= 0 || daysCovered <= 0) return 0;
  const hours = totalMinutes / 60;
  // One occurrence of a monthly task is already a month's worth: scaling it up by a short
  // coverage would multiply it by the number of weeks instead.
  const covered = frequency === 'monthly' ? Math.max(daysCovered, MONTH_DAYS) : daysCovered;
  return (hours * MONTH_DAYS) / covered;
}

export interface ScoreParts {
  hours: number;
  dislike: number;
  nature: number;
}

/** The outsourcing score, 0–100, with its parts; null for a core task (never a candidate). */
export function scoreTask(input: {
  monthlyHours: number;
  dislike: number | null;
  nature: Nature | null;
}): { score: number; parts: ScoreParts } | null {
  if (input.nature === 'core') return null;
  const parts: ScoreParts = {
    hours:
      Math.round((Math.min(input.monthlyHours, FULL_HOURS) / FULL_HOURS) * WEIGHTS.hours * 10) / 10,
    dislike: input.dislike ? Math.round(((input.dislike - 1) / 4) * WEIGHTS.dislike * 10) / 10 : 0,
    nature: input.nature ? NATURE_POINTS[input.nature] : 0,
  };
  return { score: Math.round(parts.hours + parts.dislike + parts.nature), parts };
}

export interface TaskTotals {
  taskId: string;
  name: string;
  totalMinutes: number;
  frequency: Frequency | null;
  dislike: number | null;
  nature: Nature | null;
  category: string | null;
}

export interface Candidate {
  taskId: string;
  name: string;
  category: string | null;
  nature: Nature | null;
  frequency: Frequency | null;
  dislike: number | null;
  monthlyHours: number;
  score: number;
  parts: ScoreParts;
  ownerCost: Money;
  marketRate: Money | null;
  marketCost: Money | null;
  saving: Money | null;
}

/**
 * Ranks every non-core task: monthly hours, score, the owner's monthly cost (hours × their
 * hourly value), the market cost (hours × the category's rate, converted to the owner's
 * currency) and the saving. Highest score first; ties go to more hours.
 */
export function rankCandidates(
  tasks: TaskTotals[],
  context: {
    daysCovered: number;
    hourlyValue: Money;
    categoryRates: Record<string, Money>;
    ratesPerUsd: RatesPerUsd;
  },
): Candidate[] {
  const candidates: Candidate[] = [];
  for (const task of tasks) {
    const hours = monthlyHours(task.totalMinutes, context.daysCovered, task.frequency);
    const scored = scoreTask({ monthlyHours: hours, dislike: task.dislike, nature: task.nature });
    if (!scored) continue;
    const ownerCost = timesHours(context.hourlyValue, hours);
    const rate = task.category ? context.categoryRates[task.category] : undefined;
    const marketRate = rate
      ? convert(rate, context.hourlyValue.currency, context.ratesPerUsd)
      : null;
    const marketCost = marketRate ? timesHours(marketRate, hours) : null;
    candidates.push({
      taskId: task.taskId,
      name: task.name,
      category: task.category,
      nature: task.nature,
      frequency: task.frequency,
      dislike: task.dislike,
      monthlyHours: Math.round(hours * 100) / 100,
      score: scored.score,
      parts: scored.parts,
      ownerCost,
      marketRate,
      marketCost,
      saving: marketCost
        ? { amount: ownerCost.amount - marketCost.amount, currency: ownerCost.currency }
        : null,
    });
  }
  return candidates.sort((a, b) => b.score - a.score || b.monthlyHours - a.monthlyHours);
}

/** Days of logging from which monthly figures are read without a caution: a whole week. */
export const STEADY_DAYS = 7;

/**
 * A plain word of caution when monthly figures are scaled up from a few days (two days become a
 * month by × 15), or null once a week is covered.
 */
export function scalingCaution(daysCovered: number): string | null {
  if (daysCovered <= 0 || daysCovered >= STEADY_DAYS) return null;
  const factor = Math.round(MONTH_DAYS / daysCovered);
  return `Rough figures: they are scaled up from ${daysCovered === 1 ? 'one day' : `${daysCovered} days`} of logging to a ${MONTH_DAYS}-day month (× ${factor}). Log at least ${STEADY_DAYS} days before relying on them.`;
}

export type HoursGroupKind = 'category' | 'uncategorised' | 'core';

/**
 * Hours logged by category, most first. Core work — the owner's own, never to be handed off —
 * is one group of its own whatever its category, so it neither passes for work waiting to be
 * categorised nor swells a category's market cost.
 */
export function hoursByGroup(
  tasks: { category: string | null; nature: Nature | null; totalMinutes: number }[],
): { kind: HoursGroupKind; category: string | null; hours: number }[] {
  const groups = new Map<
    string,
    { kind: HoursGroupKind; category: string | null; minutes: number }
  >();
  for (const t of tasks) {
    if (t.totalMinutes <= 0) continue;
    const kind: HoursGroupKind =
      t.nature === 'core' ? 'core' : t.category ? 'category' : 'uncategorised';
    const category = kind === 'category' ? t.category : null;
    const key = `${kind}:${category ?? ''}`;
    const g = groups.get(key) ?? { kind, category, minutes: 0 };
    g.minutes += t.totalMinutes;
    groups.set(key, g);
  }
  return [...groups.values()]
    .map((g) => ({
      kind: g.kind,
      category: g.category,
      hours: Math.round((g.minutes / 60) * 100) / 100,
    }))
    .sort((a, b) => b.hours - a.hours);
}

/** ISO dates (YYYY-MM-DD) from start to end inclusive. */
export function datesBetween(start: string, end: string): string[] {
  const out: string[] = [];
  for (
    let d = new Date(`${start}T00:00:00Z`);
    d <= new Date(`${end}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * How far the audit has come: days with at least one entry out of the period, and the past
 * days (before `today`, which is not over yet) with nothing logged, most recent first, for the nudge.
 */
export function auditProgress(
  period: { start: string; end: string },
  loggedDates: Iterable<string>,
  today: string,
) {
  const all = datesBetween(period.start, period.end);
  const logged = new Set(loggedDates);
  const soFar = all.filter((d) => d < today);
  return {
    periodDays: all.length,
    daysCovered: all.filter((d) => logged.has(d)).length,
    missingDays: soFar.filter((d) => !logged.has(d)).reverse(),
  };
}

/** The shortest and longest audit period, in days (the start form offers 7 to 90). */
export const PERIOD_DAYS = { min: 7, max: 90 } as const;

export interface PeriodProblem {
  field: 'periodStart' | 'periodEnd';
  message: string;
  /** `conflict`: the period itself is fine but work already logged lies outside it. */
  kind: 'invalid' | 'conflict';
}

/**
 * Why an audit cannot have this period, or an empty list. The period must run 7 to 90 days,
 * and must keep every day already logged: entries outside the period would silently stop
 * counting, so the owner moves or deletes them first (or picks a period that holds them).
 */
export function periodProblems(
  period: { start: string; end: string },
  logged: { first: string; last: string } | null,
): PeriodProblem[] {
  const days = daysBetween(period.start, period.end) + 1;
  if (days < 1)
    return [{ field: 'periodEnd', kind: 'invalid', message: 'End on or after the first day' }];
  if (days < PERIOD_DAYS.min || days > PERIOD_DAYS.max)
    return [
      {
        field: 'periodEnd',
        kind: 'invalid',
        message: `An audit runs ${PERIOD_DAYS.min} to ${PERIOD_DAYS.max} days; this period has ${days}`,
      },
    ];
  const problems: PeriodProblem[] = [];
  if (logged && logged.first < period.start)
    problems.push({
      field: 'periodStart',
      kind: 'conflict',
      message: `Work is logged on ${logged.first}: start on or before that day, or delete those entries first`,
    });
  if (logged && logged.last > period.end)
    problems.push({
      field: 'periodEnd',
      kind: 'conflict',
      message: `Work is logged on ${logged.last}: end on or after that day, or delete those entries first`,
    });
  return problems;
}

/**
 * The period that holds a set of dates (a time log's): from the first to the last, lengthened
 * to the shortest period when the dates span less. Null when there are no dates or they span
 * more than the longest period (the owner then splits the file or picks the part to audit).
 */
export function periodForDates(dates: Iterable<string>): { start: string; end: string } | null {
  let first: string | null = null;
  let last: string | null = null;
  for (const d of dates) {
    if (first === null || d < first) first = d;
    if (last === null || d > last) last = d;
  }
  if (first === null || last === null) return null;
  const days = daysBetween(first, last) + 1;
  if (days > PERIOD_DAYS.max) return null;
  return { start: first, end: days < PERIOD_DAYS.min ? addDays(first, PERIOD_DAYS.min - 1) : last };
}

/** Whole days from one calendar date to another (end minus start). */
export function daysBetween(start: string, end: string): number {
  return Math.round(
    (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000,
  );
}

/**
 * A budget range for a job drafted from a candidate: the market cost of its monthly hours,
 * from 80 % to 120 %, rounded to whole major units.
 */
export function draftBudget(marketCost: Money): { min: Money; max: Money } {
  const unit = 10 ** minorDigits(marketCost.currency);
  const round = (x: number) => Math.round(x / unit) * unit;
  return {
    min: { amount: round(marketCost.amount * 0.8), currency: marketCost.currency },
    max: { amount: round(marketCost.amount * 1.2), currency: marketCost.currency },
  };
}

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
