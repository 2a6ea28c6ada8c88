/**
 * Answers to an offer. Accepting makes the contract active, closes the job and tells every
 * other bidder still in the running (with the owner's word, if any); their interviews still
 * under way are cancelled (with the calendar's cancellation) and their open trials closed. Declining — or the owner
 * withdrawing an unanswered offer — puts the bid back where it was and frees the job for
 * another award (the partial unique index lets a new offer in).
 */
import { publishContractChange } from './live.ts';
import type { Contract, DeclineOffer } from '../../../core/contracts/offers.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { conflict } from '../../lib/errors.ts';
import type { Notify } from '../notifications/notify.ts';
import { closeRivalTrials } from '../trials/on-award.ts';
import {
  authorizeBusinessContract,
  authorizeOfferee,
  type BusinessContractScope,
  type ContractScope,
} from './policy.ts';
import { presentOne } from './contracts.ts';
import {
  closeJob,
  findBid,
  findContract,
  listOtherLiveBids,
  listOwnerIds,
  updateBid,
  updateContract,
  type ContractRecord,
} from './queries.ts';

/** What accepting asks of the interviews feature: its cancel, with the calendar update. */
export interface RivalInterviews {
  cancelRivals(tx: Tx, award: { jobId: string; professionalId: string }): Promise<void>;
}

export function createResponseService({
  db,
  clock,
  notify,
  onActivated,
  interviews,
}: {
  db: Db;
  clock: Clock;
  notify: Notify;
  /** What starts with the contract, in its transaction (the first progress report reminder). */
  onActivated?: (tx: Tx, contract: ContractRecord['contract']) => Promise<void>;
  interviews: RivalInterviews;
}) {
  function requireOffered(record: ContractRecord) {
    if (record.contract.status !== 'offered')
      throw conflict(`This offer was already answered: it is ${record.contract.status}.`);
  }

  async function reload(tx: Tx, contractId: string) {
    const record = await findContract(tx, contractId);
    if (!record) throw new Error('contract vanished inside its own transaction');
    return record;
  }

  /** The awarded bid goes back to where it stood before the award. */
  async function restoreBid(tx: Tx, bidId: string | null, now: Date) {
    if (!bidId) return;
    const bid = await findBid(tx, bidId);
    if (bid?.status !== 'awarded') return;
    await updateBid(tx, bid.id, {
      status: bid.shortlistedAt ? 'shortlisted' : 'submitted',
      updatedAt: now,
    });
  }

  return {
    async accept(scope: ContractScope): Promise<Contract> {
      return db.transaction(async (tx) => {
        const before = await authorizeOfferee(tx, scope);
        requireOffered(before);
        const c = before.contract;
        const now = clock.now();
        await updateContract(tx, c.id, {
          status: 'active',
          respondedAt: now,
          activatedAt: now,
          updatedAt: now,
        });
        await onActivated?.(tx, { ...c, status: 'active', activatedAt: now });
        const others = await listOtherLiveBids(tx, c.jobId, c.bidId);
        for (const other of others)
          await updateBid(tx, other.id, {
            status: 'not_selected',
            declineMessage: c.otherBiddersMessage || null,
            updatedAt: now,
          });
        await closeJob(tx, c.jobId, now);
        // Nobody else is still in the running: their interviews and open trials end with it.
        const award = { jobId: c.jobId, professionalId: c.professionalId };
        await interviews.cancelRivals(tx, award);
        await closeRivalTrials(tx, notify, {
          ...award,
          jobTitle: before.jobTitle,
          businessName: before.businessName,
        });
        await notify(
          tx,
          others.map((o) => ({ userId: o.professionalId })),
          'bid.not-selected',
          {
            jobTitle: before.jobTitle,
            businessName: before.businessName,
            message: c.otherBiddersMessage,
          },
        );
        await notify(
          tx,
          (await listOwnerIds(tx, c.businessId)).map((userId) => ({ userId })),
          'contract.accepted',
          {
            contractId: c.id,
            jobTitle: before.jobTitle,
            professionalName: before.professionalName,
          },
        );
        await publishContractChange(tx, c.id, 'contract');
        return presentOne(tx, await reload(tx, c.id), { kind: 'professional' });
      });
    },

    async decline(scope: ContractScope, input: DeclineOffer): Promise<Contract> {
      return db.transaction(async (tx) => {
        const before = await authorizeOfferee(tx, scope);
        requireOffered(before);
        const c = before.contract;
        const now = clock.now();
        await updateContract(tx, c.id, {
          status: 'declined',
          declineReason: input.reason,
          respondedAt: now,
          updatedAt: now,
        });
        await restoreBid(tx, c.bidId, now);
        await notify(
          tx,
          (await listOwnerIds(tx, c.businessId)).map((userId) => ({ userId })),
          'contract.declined',
          {
            contractId: c.id,
            jobTitle: before.jobTitle,
            professionalName: before.professionalName,
            reason: input.reason,
          },
        );
        await publishContractChange(tx, c.id, 'contract');
        return presentOne(tx, await reload(tx, c.id), { kind: 'professional' });
      });
    },

    async withdraw(scope: BusinessContractScope): Promise<Contract> {
      return db.transaction(async (tx) => {
        const before = await authorizeBusinessContract(tx, scope, 'contracts.award', {
          forUpdate: true,
        });
        requireOffered(before);
        const c = before.contract;
        const now = clock.now();
        await updateContract(tx, c.id, { status: 'withdrawn', respondedAt: now, updatedAt: now });
        await restoreBid(tx, c.bidId, now);
        await notify(tx, [{ userId: c.professionalId }], 'contract.withdrawn', {
          contractId: c.id,
          jobTitle: before.jobTitle,
          businessName: before.businessName,
        });
        await publishContractChange(tx, c.id, 'contract');
        return presentOne(tx, await reload(tx, c.id), { kind: 'business', role: 'owner' });
      });
    },
  };
}
