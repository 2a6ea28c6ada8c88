import { describe, expect, it } from 'vitest';
import { BriefSchema, SpecSchema } from './contracts/jobs.ts';
import { jobFromDraft } from './draft-job.ts';
import { MAX_TITLE, PASSING_SCORE } from './jobs.ts';
import { checkRequirements } from './requirements-checker.ts';

const bookkeeping = {
  taskName: 'Bookkeeping',
  hoursPerMonth: 14,
  currency: 'USD',
  budgetMin: 16800,
  budgetMax: 25100,
};

describe('jobFromDraft', () => {
  it('makes a recurring candidate an hourly job with its hours a week and a rate range', () => {
    const { brief } = jobFromDraft(bookkeeping);
    // 14 h a month ≈ 3.2 h a week → 3 (half hours); $168–$251 a month over 14 h → $12–$18 an hour.
    expect(brief.budget).toEqual({
      type: 'hourly',
      currency: 'USD',
      min: 1200,
      max: 1800,
      hoursPerWeek: 3,
    });
    expect(brief.durationDays).toBe(90);
    expect(brief.summary).toContain('about 14 hours a month');
  });

  it('gives it a descriptive title, not the bare task name', () => {
    expect(jobFromDraft(bookkeeping).brief.title).toBe('Bookkeeping — ongoing, about 14 h a month');
    const long = `Reconcile ${'supplier invoices against the bank '.repeat(6)}`;
    const title = jobFromDraft({ ...bookkeeping, taskName: long }).brief.title ?? '';
    expect(title.length).toBeLessThanOrEqual(MAX_TITLE);
    expect(title).toMatch(/^Reconcile supplier .*… — ongoing, about 14 h a month$/);
  });

  it('prices a task of under half an hour a week as a fixed price a month', () => {
    const { brief } = jobFromDraft({
      ...bookkeeping,
      hoursPerMonth: 1.5,
      budgetMin: 1800,
      budgetMax: 2700,
    });
    expect(brief.budget).toEqual({
      type: 'fixed',
      currency: 'USD',
      min: 1800,
      max: 2700,
      hoursPerWeek: null,
    });
    expect(brief.summary).toContain('The price is per month');
  });

  it('leaves an unpriced candidate’s amounts open', () => {
    expect(
      jobFromDraft({ ...bookkeeping, budgetMin: null, budgetMax: null }).brief.budget,
    ).toMatchObject({
      type: 'hourly',
      min: null,
      max: null,
    });
  });

  it('starts as a job the requirements checker finds ready to publish', () => {
    const { brief, spec } = jobFromDraft(bookkeeping);
    const result = checkRequirements({
      brief: BriefSchema.parse(brief),
      spec: SpecSchema.parse(spec),
    });
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.score).toBeGreaterThanOrEqual(PASSING_SCORE);
  });
});
