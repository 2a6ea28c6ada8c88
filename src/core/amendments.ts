/**
 * The rules of changing a running contract's terms, pure so the server and the web form agree:
 * which changes fit which terms, what an amendment changes, and the terms once it is accepted.
 */
import type { TermsType } from './hiring.ts';
import { formatMoney } from './money.ts';

/** A milestone of a fixed-price contract (minor units; the due date as YYYY-MM-DD). */
export type MilestoneTerms = { title: string; amount: number; dueDate: string | null };

export interface Terms {
  termsType: TermsType;
  amount: number | null;
  milestones: MilestoneTerms[];
  hourlyRate: number | null;
  weeklyCapHours: number | null;
  totalBudget: number | null;
  startDate: string | null;
  endDate: string | null;
}

export interface TermsChanges {
  hourlyRate?: number;
  weeklyCapHours?: number;
  totalBudget?: number | null;
  startDate?: string | null;
  endDate?: string | null;
  milestones?: MilestoneTerms[];
}

export type Proposal =
  | { kind: 'terms'; changes: TermsChanges }
  | { kind: 'change_order'; milestone: MilestoneTerms & { criteria: string } };

export type Problem = { path: string[]; message: string };

const HOURLY_ONLY = ['hourlyRate', 'weeklyCapHours', 'totalBudget'] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The changes that differ from the terms as they are (a field set to its current value is no change). */
export function effectiveChanges(terms: Terms, changes: TermsChanges): TermsChanges {
  const out: TermsChanges = {};
  for (const [key, value] of Object.entries(changes) as [keyof TermsChanges, unknown][]) {
    if (value !== undefined && !same(value, terms[key])) Object.assign(out, { [key]: value });
  }
  return out;
}

/** What is wrong with a proposal for these terms, each naming its field. */
export function proposalIssues(terms: Terms, proposal: Proposal): Problem[] {
  if (proposal.kind === 'change_order') {
    return terms.termsType === 'fixed'
      ? []
      : [
          {
            path: ['kind'],
            message:
              'A change order adds a priced milestone, which only a fixed-price contract has; propose new hourly terms instead',
          },
        ];
  }
  const issues: Problem[] = [];
  const changes = proposal.changes;
  if (terms.termsType === 'fixed') {
    for (const key of HOURLY_ONLY)
      if (changes[key] !== undefined)
        issues.push({
          path: ['changes', key],
          message: 'Only an hourly contract has this; this contract is fixed-price',
        });
  } else if (changes.milestones !== undefined) {
    issues.push({
      path: ['changes', 'milestones'],
      message: 'An hourly contract has no milestones; change the rate or the weekly cap',
    });
  }
  const start = changes.startDate !== undefined ? changes.startDate : terms.startDate;
  const end = changes.endDate !== undefined ? changes.endDate : terms.endDate;
  if (start && end && end < start)
    issues.push({
      path: ['changes', changes.endDate !== undefined ? 'endDate' : 'startDate'],
      message: 'The end date comes before the start date',
    });
  if (issues.length === 0 && Object.keys(effectiveChanges(terms, changes)).length === 0)
    issues.push({ path: ['changes'], message: 'Change at least one of the terms' });
  return issues;
}

/** The current values of the fields a change touches, to show "from … to …". */
export function termsBefore(terms: Terms, changes: TermsChanges): TermsChanges {
  const out: TermsChanges = {};
  for (const key of Object.keys(changes) as (keyof TermsChanges)[])
    Object.assign(out, { [key]: terms[key] });
  return out;
}

/**
 * The terms once the proposal is accepted. A fixed contract's total follows its milestones: new
 * milestones set it to their sum, and a change order adds its price.
 */
export function applyProposal(terms: Terms, proposal: Proposal): Terms {
  if (proposal.kind === 'change_order') {
    const { title, amount, dueDate } = proposal.milestone;
    return {
      ...terms,
      milestones: [...terms.milestones, { title, amount, dueDate }],
      amount: (terms.amount ?? 0) + amount,
    };
  }
  const next: Terms = { ...terms, ...effectiveChanges(terms, proposal.changes) };
  if (proposal.changes.milestones)
    next.amount = proposal.changes.milestones.reduce((sum, m) => sum + m.amount, 0);
  return next;
}

/** A proposal in words, one line per change ("Hourly rate: $50.00 → $65.00"), for messages and pages. */
export function proposalSummary(terms: Terms, proposal: Proposal, currency: string): string[] {
  const money = (amount: number | null | undefined) =>
    amount === null || amount === undefined ? 'none' : formatMoney({ amount, currency }, 'en-US');
  const day = (d: string | null | undefined) => d ?? 'none';
  if (proposal.kind === 'change_order') {
    const m = proposal.milestone;
    return [
      `New milestone “${m.title}”: ${money(m.amount)}${m.dueDate ? `, due ${m.dueDate}` : ''}`,
      `Done means: ${m.criteria}`,
    ];
  }
  const c = effectiveChanges(terms, proposal.changes);
  const lines: string[] = [];
  if (c.hourlyRate !== undefined)
    lines.push(`Hourly rate: ${money(terms.hourlyRate)} → ${money(c.hourlyRate)}`);
  if (c.weeklyCapHours !== undefined)
    lines.push(`Weekly cap: ${terms.weeklyCapHours ?? 'none'} h → ${c.weeklyCapHours} h`);
  if (c.totalBudget !== undefined)
    lines.push(`Total budget: ${money(terms.totalBudget)} → ${money(c.totalBudget)}`);
  if (c.startDate !== undefined)
    lines.push(`Start date: ${day(terms.startDate)} → ${day(c.startDate)}`);
  if (c.endDate !== undefined) lines.push(`End date: ${day(terms.endDate)} → ${day(c.endDate)}`);
  if (c.milestones !== undefined) {
    const total = c.milestones.reduce((sum, m) => sum + m.amount, 0);
    lines.push(
      `Milestones: ${terms.milestones.length} → ${c.milestones.length} (total ${money(terms.amount)} → ${money(total)})`,
    );
  }
  return lines;
}
