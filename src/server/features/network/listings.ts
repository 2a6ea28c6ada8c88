/**
 * Business listings: a professional who represents a firm describes it; an admin approves or
 * rejects it (with a reason) before anyone else may read it. Any save — first or an edit of an
 * approved listing — puts it back in the queue, since an admin approved the words, not the firm.
 */
import type {
  Listing,
  ListingPage,
  ListingStatus,
  OwnListing,
  SaveListing,
} from '../../../core/contracts/network.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Config } from '../../env.ts';
import type { Clock } from '../../lib/clock.ts';
import { badRequest, conflict, forbidden, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { decodeCursor, page } from '../../lib/pagination.ts';
import type { UserScope } from '../../lib/scope.ts';
import { categoryExists } from '../catalog/queries.ts';
import type { Notify } from '../notifications/index.ts';
import {
  deleteListingOf,
  findListing,
  findListingOf,
  hasProfessionalProfile,
  listListingsByStatus,
  setListingReview,
  upsertListing,
} from './listing-queries.ts';
import { ListingCursorSchema, type ListingReader } from './policy.ts';
import { presentListing, presentOwnListing } from './present.ts';

export function createListingService({
  db,
  clock,
  notify,
  mode,
}: {
  db: Db;
  clock: Clock;
  notify: Notify;
  mode: Config['mode'];
}) {
  async function reload(tx: Tx, userId: string) {
    const row = await findListingOf(tx, userId);
    if (!row) throw new Error('listing vanished inside its own transaction');
    return presentOwnListing(row);
  }

  return {
    async mine({ userId }: UserScope): Promise<OwnListing | null> {
      const row = await findListingOf(db, userId);
      return row ? presentOwnListing(row) : null;
    },

    /** Submits or edits the caller's listing; `created` tells the route which status to answer. */
    async save(
      { userId }: UserScope,
      input: SaveListing,
    ): Promise<{ listing: OwnListing; created: boolean }> {
      return db.transaction(async (tx) => {
        if (!(await hasProfessionalProfile(tx, userId)))
          throw forbidden(
            'Start a professional profile first: a listing is a professional’s description of their firm.',
          );
        const unknown: { path: string; message: string }[] = [];
        for (const [i, slug] of input.categorySlugs.entries())
          if (!(await categoryExists(tx, slug)))
            unknown.push({ path: `body.categorySlugs.${i}`, message: 'No such category' });
        if (unknown.length > 0) throw badRequest('Choose categories from the list.', unknown);
        const before = await findListingOf(tx, userId, { forUpdate: true });
        await upsertListing(tx, { id: newId(), userId, now: clock.now(), ...input });
        return { listing: await reload(tx, userId), created: !before };
      });
    },

    async withdraw({ userId }: UserScope): Promise<void> {
      if (!(await deleteListingOf(db, userId))) throw notFound('Listing');
    },

    /**
     * A listing as `reader` may see it: anyone reads an approved listing on a marketplace; its
     * owner and admins read it in any state (with its review state). Everyone else: 404.
     */
    async get(reader: ListingReader, listingId: string): Promise<Listing | OwnListing> {
      const row = await findListing(db, listingId);
      if (!row) throw notFound('Listing');
      const privileged = reader && (reader.isAdmin || reader.userId === row.listing.userId);
      if (privileged) return presentOwnListing(row);
      if (row.listing.status === 'approved' && mode === 'marketplace') return presentListing(row);
      throw notFound('Listing');
    },

    async queue(query: {
      status: ListingStatus;
      limit: number;
      cursor?: string;
    }): Promise<ListingPage> {
      const after = decodeCursor(ListingCursorSchema, query.cursor);
      const rows = await listListingsByStatus(db, {
        status: query.status,
        limit: query.limit,
        after: after ? { createdAt: after.c, id: after.i } : undefined,
      });
      const { items, nextCursor } = page(rows, query.limit, (r) => ({
        c: r.listing.createdAt.toISOString(),
        i: r.listing.id,
      }));
      return { items: items.map(presentOwnListing), nextCursor };
    },

    /** Approves a pending listing and tells its owner. */
    async approve(
      { userId, listingId }: UserScope & { listingId: string },
      input: { updatedAt?: string },
    ): Promise<OwnListing> {
      return review(userId, listingId, input.updatedAt, null);
    },

    /** Rejects a pending (or withdraws approval of an approved) listing, with the reason the owner reads. */
    async reject(
      { userId, listingId }: UserScope & { listingId: string },
      input: { reason: string; updatedAt?: string },
    ): Promise<OwnListing> {
      return review(userId, listingId, input.updatedAt, input.reason);
    },
  };

  async function review(
    adminId: string,
    listingId: string,
    seenUpdatedAt: string | undefined,
    rejectionReason: string | null,
  ): Promise<OwnListing> {
    return db.transaction(async (tx) => {
      // Locked: an edit committing meanwhile is seen, and refused below, not approved unread.
      const row = await findListing(tx, listingId, { forUpdate: true });
      if (!row) throw notFound('Listing');
      const { listing } = row;
      if (seenUpdatedAt && new Date(seenUpdatedAt).getTime() !== listing.updatedAt.getTime())
        throw conflict('The professional changed this listing since you opened it; read it again.');
      const approving = rejectionReason === null;
      if (approving && listing.status !== 'pending')
        throw conflict(`This listing is already ${listing.status}.`);
      if (!approving && listing.status === 'rejected')
        throw conflict('This listing is already rejected.');
      await setListingReview(tx, listingId, {
        status: approving ? 'approved' : 'rejected',
        rejectionReason,
        reviewedBy: adminId,
        now: clock.now(),
      });
      if (approving) {
        await notify(tx, [{ userId: listing.userId }], 'listing.approved', {
          listingId,
          listingName: listing.name,
        });
      } else {
        await notify(tx, [{ userId: listing.userId }], 'listing.rejected', {
          listingId,
          listingName: listing.name,
          reason: rejectionReason,
        });
      }
      return reload(tx, listing.userId);
    });
  }
}
