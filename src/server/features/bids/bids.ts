/**
 * A professional's bids: send one on an open job they may read, edit it while it is only
 * submitted, withdraw it any time before the award, and see every bid of theirs with what waits
 * on them next. One live bid per professional per job: the partial unique index
 * `bids_one_live_per_professional` decides, so two requests racing cannot both make one.
 */
import type { Bid, HubBid, JobViewer, NextStep, SaveBid } from '../../../core/contracts/bids.ts';
import { convert } from '../../../core/money.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { badRequest, conflict, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { UserScope } from '../../lib/scope.ts';
import { findRole, findUser } from '../accounts/queries.ts';
import { ratesPerUsd } from '../catalog/catalog.ts';
import type { JobRow, Mode, ReaderScope } from '../jobs/policy.ts';
import { authorizeBrief } from '../jobs/policy.ts';
import type { Notify } from '../notifications/index.ts';
import { authorizeBidding, authorizeOwnBid, type BidScope } from './policy.ts';
import { bidTotal, presentBid, presentHubBid } from './present.ts';
import {
  findBid,
  findLiveBid,
  insertBid,
  invitationState,
  isProfessional,
  isSaved,
  listBidAttachments,
  listBusinessWriters,
  listProfessionalBids,
  pendingSteps,
  updateBid,
  type BidRow,
} from './queries.ts';

/** The bid's terms as columns, its total in US cents (400 naming `currency` without a rate). */
async function termsOf(tx: Tx, job: JobRow, input: SaveBid) {
  const questions = job.screeningQuestions;
  const errors: { path: string; message: string }[] = [];
  if (input.answers.length > questions.length) {
    errors.push({
      path: 'body.answers',
      message: `This job asks ${questions.length} screening question${questions.length === 1 ? '' : 's'}`,
    });
  }
  questions.forEach((_, i) => {
    if (!input.answers[i])
      errors.push({ path: `body.answers.${i}`, message: 'Answer this question' });
  });
  if (errors.length > 0) throw badRequest('Answer every screening question of the job.', errors);

  const fixed = input.termsType === 'fixed';
  const terms = {
    termsType: input.termsType,
    currency: input.currency,
    amount: fixed ? input.amount : null,
    hourlyRate: fixed ? null : input.hourlyRate,
    estimatedHours: fixed ? null : input.estimatedHours,
    durationDays: input.durationDays,
    coverLetter: input.coverLetter,
    milestones: fixed ? input.milestones : [],
    answers: questions.map((question, i) => ({ question, answer: input.answers[i] ?? '' })),
  };
  // Kept in USD as the jobs keep budgets, so the business compares bids in any currency.
  const rates = input.currency === 'USD' ? {} : await ratesPerUsd(tx);
  const usd = convert(bidTotal(terms), 'USD', rates);
  if (!usd) {
    throw badRequest(
      `There is no exchange rate for ${input.currency} yet; bid in another currency.`,
      [{ path: 'body.currency', message: 'No exchange rate for this currency' }],
    );
  }
  return { ...terms, totalUsd: usd.amount };
}

/** What waits on the professional for one live bid, read from the other hiring parts' tables. */
export function nextStepsFor(
  bid: Pick<BidRow, 'jobId' | 'status'>,
  pending: Awaited<ReturnType<typeof pendingSteps>>,
): NextStep[] {
  if (bid.status !== 'submitted' && bid.status !== 'shortlisted' && bid.status !== 'awarded')
    return [];
  const steps: NextStep[] = [];
  const onJob = <T extends { jobId: string }>(rows: T[]) =>
    rows.filter((r) => r.jobId === bid.jobId);
  const ndaWaiting = onJob(pending.ndas).length > 0;
  if (ndaWaiting)
    steps.push({ kind: 'sign_nda', label: 'Sign the NDA', href: `/app/jobs/${bid.jobId}/nda` });
  else if (bid.status === 'shortlisted' || bid.status === 'awarded')
    steps.push({
      kind: 'read_spec',
      label: 'Read the full specification',
      href: `/app/jobs/${bid.jobId}/spec`,
    });
  for (const t of onJob(pending.trials))
    steps.push({ kind: 'trial', label: `Trial: ${t.title}`, href: `/app/trials/${t.trialId}` });
  for (const i of onJob(pending.interviews))
    steps.push({
      kind: 'interview',
      label: i.status === 'proposed' ? 'Pick an interview time' : 'Interview booked',
      href: `/app/interviews/${i.interviewId}`,
    });
  for (const o of onJob(pending.offers))
    steps.push({
      kind: 'offer',
      label: 'Answer the contract offer',
      href: `/app/contracts/${o.contractId}`,
    });
  return steps;
}

export function createBidService({
  db,
  clock,
  mode,
  notify,
}: {
  db: Db;
  clock: Clock;
  mode: Mode;
  notify: Notify;
}) {
  async function present(tx: Tx, bidId: string): Promise<Bid> {
    const row = await findBid(tx, bidId);
    if (!row) throw notFound('Bid');
    return presentBid(row.bid, row.job, await listBidAttachments(tx, [bidId]));
  }

  return {
    /**
     * Sends a bid. A second live bid on the job is a 409 naming the first; a withdrawn bid does
     * not count. The business's owners and managers are told.
     */
    async create({ userId, jobId }: ReaderScope & UserScope, input: SaveBid): Promise<Bid> {
      return db.transaction(async (tx) => {
        const job = await authorizeBidding(tx, jobId, userId, mode);
        const terms = await termsOf(tx, job, input);
        const now = clock.now();
        const row = await insertBid(tx, {
          id: newId(),
          jobId,
          professionalId: userId,
          status: 'submitted',
          ...terms,
          createdAt: now,
          updatedAt: now,
        });
        if (!row) {
          const existing = await findLiveBid(tx, jobId, userId);
          throw conflict(
            `You already have a bid on this job (bid ${existing?.id ?? 'unknown'}); edit it instead, or withdraw it to send a new one.`,
          );
        }
        const professional = await findUser(tx, userId);
        await notify(
          tx,
          (await listBusinessWriters(tx, job.businessId)).map((id) => ({ userId: id })),
          'bid.submitted',
          {
            businessId: job.businessId,
            jobId,
            jobTitle: job.title,
            professionalName: professional?.name ?? 'A professional',
          },
        );
        return present(tx, row.id);
      });
    },

    async get(scope: BidScope): Promise<Bid> {
      await authorizeOwnBid(db, scope);
      return present(db, scope.bidId);
    },

    /** Replaces the bid's terms while it is `submitted`; once the business acted, it is frozen. */
    async update(scope: BidScope, input: SaveBid): Promise<Bid> {
      return db.transaction(async (tx) => {
        const { bid } = await authorizeOwnBid(tx, scope, { forUpdate: true });
        if (bid.status !== 'submitted') throw conflict(frozenReason(bid.status));
        const job = await authorizeBrief(tx, bid.jobId, scope.userId, mode);
        if (job.status !== 'open')
          throw conflict('This job no longer takes bids, so its bids cannot change.');
        const terms = await termsOf(tx, job, input);
        await updateBid(tx, bid.id, { ...terms, updatedAt: clock.now() });
        return present(tx, bid.id);
      });
    },

    /** Withdraws the bid: any time before the award (a bid already decided on stays as it is). */
    async withdraw(scope: BidScope): Promise<Bid> {
      return db.transaction(async (tx) => {
        const { bid } = await authorizeOwnBid(tx, scope, { forUpdate: true });
        switch (bid.status) {
          case 'submitted':
          case 'shortlisted':
            break;
          case 'awarded':
            throw conflict(
              'This bid was awarded: answer the contract offer (accept or decline) instead.',
            );
          case 'withdrawn':
            throw conflict('This bid is already withdrawn.');
          case 'declined':
          case 'not_selected':
            throw conflict('The business has already decided on this bid.');
          default:
            return bid.status satisfies never;
        }
        const now = clock.now();
        await updateBid(tx, bid.id, { status: 'withdrawn', withdrawnAt: now, updatedAt: now });
        return present(tx, bid.id);
      });
    },

    /** The professional's bids with what waits on them next (the hub). */
    async mine({ userId }: UserScope): Promise<{ items: HubBid[] }> {
      const rows = await listProfessionalBids(db, userId);
      const live = rows.filter((r) => r.bid.status !== 'withdrawn').map((r) => r.bid.jobId);
      const pending = await pendingSteps(db, userId, [...new Set(live)]);
      return {
        items: rows.map((r) => presentHubBid(r.bid, r.job, nextStepsFor(r.bid, pending))),
      };
    },

    /** What the caller may do on a job's page (404 when they may not read the job). */
    async viewer({ userId, jobId }: ReaderScope & UserScope): Promise<JobViewer> {
      const job = await authorizeBrief(db, jobId, userId, mode);
      const member = (await findRole(db, job.businessId, userId)) !== null;
      const [bid, saved, invitation, professional] = await Promise.all([
        findLiveBid(db, jobId, userId),
        isSaved(db, userId, jobId),
        invitationState(db, jobId, userId),
        isProfessional(db, userId),
      ]);
      return {
        bid: bid ? { id: bid.id, status: bid.status, total: bidTotal(bid) } : null,
        saved,
        invitation,
        memberOf: member ? { businessId: job.businessId } : null,
        canBid: !member && professional && job.status === 'open' && !bid,
        isProfessional: professional,
      };
    },
  };
}

/** Why a bid can no longer be edited, in the professional's words. */
function frozenReason(status: BidRow['status']): string {
  switch (status) {
    case 'shortlisted':
      return 'You were shortlisted: your bid is now fixed so the business can compare it. Withdraw it if you cannot keep to it.';
    case 'awarded':
      return 'This bid was awarded; its terms are in the contract offer.';
    case 'withdrawn':
      return 'This bid is withdrawn; send a new bid instead.';
    case 'declined':
    case 'not_selected':
      return 'The business has decided on this bid; it can no longer change.';
    case 'submitted':
      return 'This bid can still be edited.';
    default:
      return status satisfies never;
  }
}
