/**
 * What a job made from an audit candidate starts with. A candidate is recurring work ("14 h a
 * month, $168–$251 a month"), so the job is recurring too: an hourly job with its hours a week,
 * or — for a task of a couple of hours a month, under the half hour a week an hourly job can
 * state — a fixed price a month. Its title says what the work is and how much of it; its brief
 * and specification start with what the audit knows, worded so the requirements checker can
 * read it, for the owner to adjust.
 */
import type { Brief, Spec } from './contracts/jobs.ts';
import { MAX_TITLE } from './jobs.ts';
import { minorDigits } from './money.ts';
import { truncate } from './text.ts';

export interface DraftForJob {
  /** The audit task's name. */
  taskName: string;
  hoursPerMonth: number;
  currency: string;
  /** The monthly budget range (minor units), from the market cost; null when unpriced. */
  budgetMin: number | null;
  budgetMax: number | null;
}

/** Weeks in a month, on average (52 weeks over 12 months). */
const WEEKS_PER_MONTH = 52 / 12;
/** How long a recurring job is first agreed for: three months, then reviewed. */
export const FIRST_TERM_DAYS = 90;

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

export function jobFromDraft(draft: DraftForJob): {
  brief: Partial<Brief>;
  spec: Partial<Spec>;
} {
  const task = draft.taskName.trim();
  const monthly = oneDecimal(draft.hoursPerMonth);
  // Half-hours: "3.5 h a week" reads as a plan; "3.23" as false precision.
  const perWeek = draft.hoursPerMonth / WEEKS_PER_MONTH;
  const weekly = Math.max(0.5, Math.round(perWeek * 2) / 2);
  const hourly = perWeek >= 0.5;
  const unit = 10 ** minorDigits(draft.currency);
  const perHour = (amount: number | null) =>
    amount === null ? null : Math.max(unit, Math.round(amount / draft.hoursPerMonth / unit) * unit);

  const suffix = ` — ongoing, about ${monthly} h a month`;
  const title = `${truncate(task, MAX_TITLE - suffix.length)}${suffix}`;
  const summary =
    `Recurring work we do ourselves today and want to hand off: ${task}, about ${monthly} hours a month` +
    (hourly ? ` (around ${weekly} hours a week)` : '') +
    `. We are looking for one person to take it over on an ongoing basis, first for three months and then reviewed together, ` +
    `doing it the way we do it now unless they suggest a better way.`;

  const budget: Brief['budget'] = hourly
    ? {
        type: 'hourly',
        currency: draft.currency,
        min: perHour(draft.budgetMin),
        max: perHour(draft.budgetMax),
        hoursPerWeek: weekly,
      }
    : {
        type: 'fixed',
        currency: draft.currency,
        min: draft.budgetMin,
        max: draft.budgetMax,
        hoursPerWeek: null,
      };

  return {
    brief: {
      title,
      summary: hourly
        ? summary
        : `${summary} The price is per month: about ${monthly} hours of work each month.`,
      budget,
      durationDays: FIRST_TERM_DAYS,
    },
    spec: {
      deliverables: [
        { id: 'work', text: `${task}, every month: about ${monthly} hours of work` },
        {
          id: 'report',
          text: 'A short monthly report of what was done, the hours spent and anything we must decide',
        },
      ],
      acceptanceCriteria: [
        {
          id: 'on-time',
          text: `Each month's ${task} is finished by the 5th working day of the next month`,
          deliverableId: 'work',
        },
        {
          id: 'report-sent',
          text: 'The report arrives by the 5th working day of each month and lists the hours per task',
          deliverableId: 'report',
        },
      ],
      successDefinition: `After 3 months we spend under 1 hour a month on ${task} ourselves, down from about ${monthly}.`,
    },
  };
}
