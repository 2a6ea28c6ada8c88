/**
 * Bids built straight in the database, for the hiring tests that need bids in a given state
 * (shortlist, NDA, trials, interviews, award). The bids feature's own tests go through the API.
 */
import { bids, type MilestoneTerms } from '../src/server/db/schema/index.ts';
import type { BidStatus, TermsType } from '../src/core/hiring.ts';
import { newId } from '../src/server/lib/ids.ts';
import type { TestContext } from './harness.ts';

export interface BuildBidOptions {
  jobId: string;
  professionalId: string;
  status?: BidStatus;
  termsType?: TermsType;
  currency?: string;
  /** Fixed total or hourly rate, in minor units. */
  amount?: number;
  estimatedHours?: number;
  durationDays?: number;
  coverLetter?: string;
  milestones?: MilestoneTerms[];
}

export async function buildBid(ctx: TestContext, o: BuildBidOptions) {
  const termsType = o.termsType ?? 'fixed';
  const amount = o.amount ?? 50_000;
  const hourly = termsType === 'hourly';
  const hours = o.estimatedHours ?? 20;
  const now = ctx.clock.now();
  const status = o.status ?? 'submitted';
  const [bid] = await ctx.db
    .insert(bids)
    .values({
      id: newId(),
      jobId: o.jobId,
      professionalId: o.professionalId,
      status,
      termsType,
      currency: o.currency ?? 'USD',
      amount: hourly ? null : amount,
      hourlyRate: hourly ? amount : null,
      estimatedHours: hourly ? hours : null,
      // Test bids are in USD unless told otherwise; a test of conversion sets its own rows.
      totalUsd: hourly ? Math.round(amount * hours) : amount,
      durationDays: o.durationDays ?? 14,
      coverLetter: o.coverLetter ?? 'I have done this kind of work for ten years.',
      milestones: o.milestones ?? [],
      shortlistedAt: status === 'shortlisted' ? now : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!bid) throw new Error('insert returned no row');
  return bid;
}
