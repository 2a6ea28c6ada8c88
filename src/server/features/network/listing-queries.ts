/** SQL of business listings: the owner's row, the public read, the admin's review queue. */
import { and, asc, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import type { ListingStatus, SaveListing } from '../../../core/contracts/network.ts';
import type { Tx } from '../../db/client.ts';
import { businessListings, professionalProfiles, users } from '../../db/schema/index.ts';

export type ListingRow = typeof businessListings.$inferSelect;
export type ListingWithOwner = { listing: ListingRow; ownerName: string };

/**
 * The listing's full-text document: name (weight A), services (B), description (C), `english`
 * configuration like the board's, so the directory matches stemmed words.
 */
function listingDocument(input: Pick<SaveListing, 'name' | 'services' | 'description'>): SQL {
  return sql`setweight(to_tsvector('english', ${input.name}), 'A') || setweight(to_tsvector('english', ${input.services.join(' ')}), 'B') || setweight(to_tsvector('english', ${input.description}), 'C')`;
}

const withOwner = { listing: businessListings, ownerName: users.name };

export async function hasProfessionalProfile(tx: Tx, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ userId: professionalProfiles.userId })
    .from(professionalProfiles)
    .where(eq(professionalProfiles.userId, userId));
  return row !== undefined;
}

export async function findListingOf(
  tx: Tx,
  userId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ListingWithOwner | null> {
  const query = tx
    .select(withOwner)
    .from(businessListings)
    .innerJoin(users, eq(users.id, businessListings.userId))
    .where(eq(businessListings.userId, userId));
  const [row] = options.forUpdate
    ? await query.for('update', { of: businessListings })
    : await query;
  return row ?? null;
}

export async function findListing(
  tx: Tx,
  listingId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ListingWithOwner | null> {
  const query = tx
    .select(withOwner)
    .from(businessListings)
    .innerJoin(users, eq(users.id, businessListings.userId))
    .where(eq(businessListings.id, listingId));
  const [row] = options.forUpdate
    ? await query.for('update', { of: businessListings })
    : await query;
  return row ?? null;
}

/** Creates the caller's listing, or replaces its content; either way it waits for review again. */
export async function upsertListing(
  tx: Tx,
  values: { id: string; userId: string; now: Date } & SaveListing,
): Promise<void> {
  const { id, userId, now, ...content } = values;
  const fields = {
    ...content,
    status: 'pending' as const,
    rejectionReason: null,
    reviewedBy: null,
    reviewedAt: null,
    search: listingDocument(content),
    updatedAt: now,
  };
  await tx
    .insert(businessListings)
    .values({ id, userId, createdAt: now, ...fields })
    .onConflictDoUpdate({ target: businessListings.userId, set: fields });
}

export async function deleteListingOf(tx: Tx, userId: string): Promise<boolean> {
  const rows = await tx
    .delete(businessListings)
    .where(eq(businessListings.userId, userId))
    .returning({ id: businessListings.id });
  return rows.length > 0;
}

export async function setListingReview(
  tx: Tx,
  listingId: string,
  review: { status: ListingStatus; rejectionReason: string | null; reviewedBy: string; now: Date },
) {
  await tx
    .update(businessListings)
    .set({
      status: review.status,
      rejectionReason: review.rejectionReason,
      reviewedBy: review.reviewedBy,
      reviewedAt: review.now,
    })
    .where(eq(businessListings.id, listingId));
}

/** The review queue in one state, oldest submission first; `after` is the last row of the previous page. */
export function listListingsByStatus(
  tx: Tx,
  options: { status: ListingStatus; limit: number; after?: { createdAt: string; id: string } },
): Promise<ListingWithOwner[]> {
  const { status, limit, after } = options;
  return tx
    .select(withOwner)
    .from(businessListings)
    .innerJoin(users, eq(users.id, businessListings.userId))
    .where(
      and(
        eq(businessListings.status, status),
        after
          ? or(
              gt(businessListings.createdAt, new Date(after.createdAt)),
              and(
                eq(businessListings.createdAt, new Date(after.createdAt)),
                gt(businessListings.id, after.id),
              ),
            )
          : undefined,
      ),
    )
    .orderBy(asc(businessListings.createdAt), asc(businessListings.id))
    .limit(limit + 1);
}
