import { describe, expect, it } from 'vitest';
import {
  applyProposal,
  proposalIssues,
  proposalSummary,
  termsBefore,
  type Terms,
} from './amendments.ts';

const hourly: Terms = {
  termsType: 'hourly',
  amount: null,
  milestones: [],
  hourlyRate: 5_000,
  weeklyCapHours: 20,
  totalBudget: null,
  startDate: '2026-12-01',
  endDate: null,
};
const fixed: Terms = {
  termsType: 'fixed',
  amount: 100_000,
  milestones: [
    { title: 'Design', amount: 40_000, dueDate: '2026-12-10' },
    { title: 'Build', amount: 60_000, dueDate: '2026-12-20' },
  ],
  hourlyRate: null,
  weeklyCapHours: null,
  totalBudget: null,
  startDate: null,
  endDate: null,
};

describe('proposing an amendment', () => {
  it('accepts a new rate and cap for an hourly contract', () => {
    expect(
      proposalIssues(hourly, { kind: 'terms', changes: { hourlyRate: 6_000, weeklyCapHours: 25 } }),
    ).toEqual([]);
  });

  it('refuses a proposal that changes nothing', () => {
    expect(proposalIssues(hourly, { kind: 'terms', changes: { hourlyRate: 5_000 } })).toEqual([
      { path: ['changes'], message: 'Change at least one of the terms' },
    ]);
  });

  it('refuses hourly fields on a fixed contract and milestones on an hourly one, naming each', () => {
    expect(
      proposalIssues(fixed, { kind: 'terms', changes: { weeklyCapHours: 10 } }).map((i) => i.path),
    ).toEqual([['changes', 'weeklyCapHours']]);
    expect(
      proposalIssues(hourly, {
        kind: 'terms',
        changes: { milestones: [{ title: 'x', amount: 1, dueDate: null }] },
      }).map((i) => i.path),
    ).toEqual([['changes', 'milestones']]);
  });

  it('refuses an end date before the start date', () => {
    expect(
      proposalIssues(hourly, { kind: 'terms', changes: { endDate: '2026-11-30' } }).map(
        (i) => i.path,
      ),
    ).toEqual([['changes', 'endDate']]);
  });

  it('refuses a change order on an hourly contract', () => {
    const milestone = { title: 'Extra', amount: 10_000, dueDate: null, criteria: 'Works' };
    expect(proposalIssues(hourly, { kind: 'change_order', milestone })).toHaveLength(1);
    expect(proposalIssues(fixed, { kind: 'change_order', milestone })).toEqual([]);
  });
});

describe('accepting an amendment', () => {
  it('a change order appends its milestone and raises the total by its price', () => {
    const next = applyProposal(fixed, {
      kind: 'change_order',
      milestone: { title: 'Gift cards', amount: 25_000, dueDate: '2027-01-05', criteria: 'Sold' },
    });
    expect(next.amount).toBe(125_000);
    expect(next.milestones.at(-1)).toEqual({
      title: 'Gift cards',
      amount: 25_000,
      dueDate: '2027-01-05',
    });
  });

  it('new milestones set a fixed contract’s total to their sum', () => {
    const milestones = [{ title: 'All of it', amount: 90_000, dueDate: null }];
    expect(applyProposal(fixed, { kind: 'terms', changes: { milestones } }).amount).toBe(90_000);
  });

  it('keeps what the change leaves out, and remembers what it replaced', () => {
    const changes = { hourlyRate: 6_500 };
    expect(applyProposal(hourly, { kind: 'terms', changes })).toEqual({
      ...hourly,
      hourlyRate: 6_500,
    });
    expect(termsBefore(hourly, changes)).toEqual({ hourlyRate: 5_000 });
  });
});

describe('a proposal in words', () => {
  it('says each change from its old value to its new one', () => {
    expect(
      proposalSummary(
        hourly,
        {
          kind: 'terms',
          changes: { hourlyRate: 6_500, weeklyCapHours: 20, endDate: '2027-01-31' },
        },
        'USD',
      ),
    ).toEqual(['Hourly rate: $50.00 → $65.00', 'End date: none → 2027-01-31']);
  });

  it('gives a change order its price, date and criteria', () => {
    expect(
      proposalSummary(
        fixed,
        {
          kind: 'change_order',
          milestone: { title: 'Gift cards', amount: 25_000, dueDate: null, criteria: 'They sell' },
        },
        'EUR',
      ),
    ).toEqual(['New milestone “Gift cards”: €250.00', 'Done means: They sell']);
  });
});
