/**
 * Award: the owner turns a bid into a contract offer. One job holds at most one offer or
 * contract (the partial unique index `contracts_one_per_job`); the job row is locked first, so
 * of two owners awarding at once the second waits, then finds the first's offer (409).
 */
import type { Award, Contract, OfferDraft } from '../../../core/contracts/offers.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { BusinessScope } from '../../lib/scope.ts';
import { authorizeBusiness } from '../accounts/policy.ts';
import { findBusinessJob } from '../jobs/queries.ts';
import type { Notify } from '../notifications/notify.ts';
import { presentOne } from './contracts.ts';
import {
  findContract,
  findHoldingContract,
  findJobBid,
  insertContract,
  listOtherLiveBids,
  updateBid,
} from './queries.ts';

export interface AwardScope extends BusinessScope {
  readonly jobId: string;
  readonly bidId: string;
}

/** Bids still in the running may be awarded. */
const AWARDABLE = ['submitted', 'shortlisted'] as const;

export function createAwardService({
  db,
  clock,
  notify,
}: {
  db: Db;
  clock: Clock;
  notify: Notify;
}) {
  return {
    /** The offer form's starting point: the bid's terms. */
    async draft(scope: AwardScope): Promise<OfferDraft> {
      return db.transaction(async (tx) => {
        await authorizeBusiness(tx, scope.businessId, scope.userId, 'contracts.award');
        const job = await findBusinessJob(tx, scope.businessId, scope.jobId);
        if (!job) throw notFound('Job');
        const found = await findJobBid(tx, job.id, scope.bidId);
        if (!found) throw notFound('Bid');
        const { bid } = found;
        const others = await listOtherLiveBids(tx, job.id, bid.id);
        return {
          bidId: bid.id,
          jobId: job.id,
          jobTitle: job.title,
          professional: { id: bid.professionalId, name: found.professionalName },
          currency: bid.currency,
          termsType: bid.termsType,
          amount: bid.amount,
          milestones:
            bid.termsType === 'fixed' && bid.milestones.length === 0 && bid.amount !== null
              ? [{ title: job.title, amount: bid.amount, dueDate: null }]
              : bid.milestones,
          hourlyRate: bid.hourlyRate,
          weeklyCapHours: job.hoursPerWeek ?? null,
          otherBidders: others.length,
        };
      });
    },

    async award(scope: AwardScope, input: Award): Promise<Contract> {
      return db.transaction(async (tx) => {
        const role = await authorizeBusiness(tx, scope.businessId, scope.userId, 'contracts.award');
        // The job row is the award's lock: a second award waits here for the first to commit.
        const job = await findBusinessJob(tx, scope.businessId, scope.jobId, { forUpdate: true });
        if (!job) throw notFound('Job');
        const found = await findJobBid(tx, job.id, scope.bidId, { forUpdate: true });
        if (!found) throw notFound('Bid');
        const { bid } = found;
        const holding = await findHoldingContract(tx, job.id);
        if (holding)
          throw conflict(
            holding.bidId === bid.id
              ? 'This bid was already awarded; its offer is waiting for an answer.'
              : 'This job already has a contract offer or contract; withdraw the offer first to award another bid.',
          );
        if (job.status !== 'open')
          throw conflict(`The job is ${job.status}; reopen it to award a bid.`);
        if (!(AWARDABLE as readonly string[]).includes(bid.status))
          throw conflict(`This bid is ${bid.status.replace('_', ' ')}; it cannot be awarded.`);
        const now = clock.now();
        const id = newId();
        const hourly = input.termsType === 'hourly';
        await insertContract(tx, {
          id,
          jobId: job.id,
          bidId: bid.id,
          businessId: job.businessId,
          professionalId: bid.professionalId,
          status: 'offered',
          title: job.title,
          termsType: input.termsType,
          currency: bid.currency,
          amount: hourly ? null : input.amount,
          milestones: hourly ? [] : input.milestones,
          hourlyRate: hourly ? input.hourlyRate : null,
          weeklyCapHours: hourly ? input.weeklyCapHours : null,
          startDate: input.startDate,
          offerMessage: input.message,
          otherBiddersMessage: input.otherBiddersMessage,
          offeredBy: scope.userId,
          offeredAt: now,
          createdAt: now,
          updatedAt: now,
        });
        await updateBid(tx, bid.id, { status: 'awarded', updatedAt: now });
        const record = await findContract(tx, id);
        if (!record) throw new Error('contract vanished inside its own transaction');
        await notify(tx, [{ userId: bid.professionalId }], 'contract.offered', {
          contractId: id,
          jobTitle: job.title,
          businessName: record.businessName,
        });
        return presentOne(tx, record, { kind: 'business', role });
      });
    },
  };
}
