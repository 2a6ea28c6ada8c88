/**
 * What the business does with one bid: shortlist it (up to the job's cap), take it off the
 * shortlist, decline it with a message, hide or show it in its own list. Each runs in one
 * transaction that locks the bid (and, to shortlist, the job: two shortlists at once are
 * counted one after the other, so the cap holds).
 */
import type { BidState } from '../../../core/contracts/shortlist.ts';
import type { BidStatus } from '../../../core/hiring.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import type { Notify } from '../notifications/notify.ts';
import { onShortlisted } from './on-shortlisted.ts';
import { authorizeShortlist, type BidScope } from './policy.ts';
import { presentBidState } from './present.ts';
import { countShortlisted, findJobBidForUpdate, updateBid } from './queries.ts';
import { capOf } from './shortlist.ts';

/** Why a bid in this status cannot be shortlisted or declined, in the owner's words. */
function closedBecause(status: BidStatus): string | null {
  switch (status) {
    case 'submitted':
    case 'shortlisted':
      return null;
    case 'withdrawn':
      return 'The professional withdrew this bid.';
    case 'declined':
      return 'This bid was declined; the professional has been told.';
    case 'awarded':
      return 'This bid was awarded: its contract offer decides it now.';
    case 'not_selected':
      return 'Another bid was chosen for this job.';
    default:
      return status satisfies never;
  }
}

export function createShortlistActions({
  db,
  clock,
  notify,
}: {
  db: Db;
  clock: Clock;
  notify: Notify;
}) {
  async function lockedBid(tx: Parameters<Parameters<Db['transaction']>[0]>[0], scope: BidScope) {
    const bid = await findJobBidForUpdate(tx, scope.jobId, scope.bidId);
    if (!bid) throw notFound('Bid');
    return bid;
  }

  return {
    async shortlist(scope: BidScope): Promise<BidState> {
      return db.transaction(async (tx) => {
        const job = await authorizeShortlist(tx, scope, 'bids.manage', { forUpdate: true });
        const bid = await lockedBid(tx, scope);
        if (bid.status === 'shortlisted') return presentBidState(bid);
        const refusal = closedBecause(bid.status);
        if (refusal) throw conflict(`${refusal} It cannot be shortlisted.`);
        const cap = await capOf(tx, job.id);
        if ((await countShortlisted(tx, job.id)) >= cap)
          throw conflict(
            `The shortlist is full: it holds ${cap} bids. Take a bid off the shortlist or raise the cap (up to 5) in the shortlist settings.`,
          );
        const updated = await updateBid(tx, bid.id, {
          status: 'shortlisted',
          shortlistedAt: clock.now(),
          hiddenAt: null,
          updatedAt: clock.now(),
        });
        await onShortlisted(tx, { notify, clock }, { job, bid: updated, actorId: scope.userId });
        return presentBidState(updated);
      });
    },

    /**
     * Takes a bid off the shortlist (back to submitted), to undo a mistake or make room. The
     * professional is not told: nothing was decided against them, and their bid stays open.
     */
    async unshortlist(scope: BidScope): Promise<BidState> {
      return db.transaction(async (tx) => {
        await authorizeShortlist(tx, scope, 'bids.manage');
        const bid = await lockedBid(tx, scope);
        if (bid.status === 'submitted') return presentBidState(bid);
        if (bid.status !== 'shortlisted')
          throw conflict(`${closedBecause(bid.status) ?? ''} It is not on the shortlist.`.trim());
        const updated = await updateBid(tx, bid.id, {
          status: 'submitted',
          shortlistedAt: null,
          updatedAt: clock.now(),
        });
        return presentBidState(updated);
      });
    },

    async decline(scope: BidScope, message: string): Promise<BidState> {
      return db.transaction(async (tx) => {
        const job = await authorizeShortlist(tx, scope, 'bids.manage');
        const bid = await lockedBid(tx, scope);
        const refusal = closedBecause(bid.status);
        if (refusal) throw conflict(`${refusal} It cannot be declined.`);
        const updated = await updateBid(tx, bid.id, {
          status: 'declined',
          declinedAt: clock.now(),
          declineMessage: message,
          shortlistedAt: null,
          updatedAt: clock.now(),
        });
        await notify(tx, [{ userId: bid.professionalId }], 'bid.declined', {
          jobId: job.id,
          jobTitle: job.title,
          message,
        });
        return presentBidState(updated);
      });
    },

    /** Hiding is the business's own filing: the professional never knows. */
    async setHidden(scope: BidScope, hidden: boolean): Promise<BidState> {
      return db.transaction(async (tx) => {
        await authorizeShortlist(tx, scope, 'bids.manage');
        const bid = await lockedBid(tx, scope);
        if (hidden && bid.status === 'shortlisted')
          throw conflict('A shortlisted bid cannot be hidden: take it off the shortlist first.');
        const updated = await updateBid(tx, bid.id, {
          hiddenAt: hidden ? (bid.hiddenAt ?? clock.now()) : null,
        });
        return presentBidState(updated);
      });
    },
  };
}
