/** Bid rows → the contract shapes their professional reads (never the business's marks). */
import type { Bid, BidAttachment, HubBid, NextStep } from '../../../core/contracts/bids.ts';
import { timesHours, type Money } from '../../../core/money.ts';
import type { BidAttachmentRow, BidRow, findBid } from './queries.ts';

type BidJob = NonNullable<Awaited<ReturnType<typeof findBid>>>['job'];

/** The fixed total, or the rate over the estimated hours (rounded once to minor units). */
export function bidTotal(
  bid: Pick<BidRow, 'termsType' | 'currency' | 'amount' | 'hourlyRate' | 'estimatedHours'>,
): Money {
  if (bid.termsType === 'fixed') return { amount: bid.amount ?? 0, currency: bid.currency };
  return timesHours(
    { amount: bid.hourlyRate ?? 0, currency: bid.currency },
    bid.estimatedHours ?? 0,
  );
}

function presentJob(job: BidJob): Bid['job'] {
  return {
    id: job.id,
    title: job.title,
    status: job.status,
    business: { id: job.businessId, name: job.businessName },
  };
}

export function presentBidAttachment(row: BidAttachmentRow): BidAttachment {
  return {
    id: row.id,
    name: row.name,
    contentType: row.contentType,
    size: row.size,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentBid(bid: BidRow, job: BidJob, attachments: BidAttachmentRow[]): Bid {
  return {
    id: bid.id,
    job: presentJob(job),
    status: bid.status,
    termsType: bid.termsType,
    currency: bid.currency,
    amount: bid.amount,
    hourlyRate: bid.hourlyRate,
    estimatedHours: bid.estimatedHours,
    total: bidTotal(bid),
    durationDays: bid.durationDays,
    coverLetter: bid.coverLetter,
    milestones: bid.milestones,
    answers: bid.answers,
    attachments: attachments.map(presentBidAttachment),
    // The message is the professional's to read once the business declined (or chose another).
    declineMessage:
      bid.status === 'declined' || bid.status === 'not_selected' ? bid.declineMessage : null,
    createdAt: bid.createdAt.toISOString(),
    updatedAt: bid.updatedAt.toISOString(),
    shortlistedAt: bid.shortlistedAt?.toISOString() ?? null,
    withdrawnAt: bid.withdrawnAt?.toISOString() ?? null,
  };
}

export function presentHubBid(bid: BidRow, job: BidJob, nextSteps: NextStep[]): HubBid {
  return {
    id: bid.id,
    job: presentJob(job),
    status: bid.status,
    total: bidTotal(bid),
    termsType: bid.termsType,
    updatedAt: bid.updatedAt.toISOString(),
    nextSteps,
  };
}
