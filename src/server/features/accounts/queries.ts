/** Drizzle queries of the accounts feature. Business-owned rows are always read by business id. */
import { and, asc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { BusinessRole } from '../../../core/roles.ts';
import type { Db, Tx } from '../../db/client.ts';
import {
  apiTokens,
  businessInvitations,
  businessMembers,
  businesses,
  professionalProfiles,
  users,
} from '../../db/schema/index.ts';

export async function findUser(tx: Tx, userId: string) {
  const [row] = await tx.select().from(users).where(eq(users.id, userId));
  return row ?? null;
}

export async function findUserByEmail(tx: Tx, email: string) {
  const [row] = await tx.select().from(users).where(eq(users.email, email.toLowerCase()));
  return row ?? null;
}

export async function findRole(
  tx: Tx,
  businessId: string,
  userId: string,
): Promise<BusinessRole | null> {
  const [row] = await tx
    .select({ role: businessMembers.role })
    .from(businessMembers)
    .where(and(eq(businessMembers.businessId, businessId), eq(businessMembers.userId, userId)));
  return row?.role ?? null;
}

export async function findBusiness(tx: Tx, businessId: string) {
  const [row] = await tx.select().from(businesses).where(eq(businesses.id, businessId));
  return row ?? null;
}

export function listMembers(tx: Tx, businessId: string) {
  return tx
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: businessMembers.role,
      joinedAt: businessMembers.createdAt,
    })
    .from(businessMembers)
    .innerJoin(users, eq(users.id, businessMembers.userId))
    .where(eq(businessMembers.businessId, businessId))
    .orderBy(asc(businessMembers.createdAt));
}

/**
 * Locks every membership row of the business for the rest of the transaction, so that two
 * owners demoting each other at once cannot both succeed and leave no owner.
 */
export async function lockMembers(tx: Tx, businessId: string) {
  return tx
    .select({ userId: businessMembers.userId, role: businessMembers.role })
    .from(businessMembers)
    .where(eq(businessMembers.businessId, businessId))
    .for('update');
}

export function listOpenInvitations(tx: Tx, businessId: string, now: Date) {
  return tx
    .select({
      id: businessInvitations.id,
      email: businessInvitations.email,
      role: businessInvitations.role,
      invitedByName: users.name,
      createdAt: businessInvitations.createdAt,
      expiresAt: businessInvitations.expiresAt,
    })
    .from(businessInvitations)
    .innerJoin(users, eq(users.id, businessInvitations.invitedBy))
    .where(
      and(
        eq(businessInvitations.businessId, businessId),
        isNull(businessInvitations.acceptedAt),
        isNull(businessInvitations.revokedAt),
        gt(businessInvitations.expiresAt, now),
      ),
    )
    .orderBy(asc(businessInvitations.createdAt));
}

export async function findInvitationByTokenHash(tx: Tx, tokenHash: string, forUpdate = false) {
  const query = tx
    .select({
      invitation: businessInvitations,
      businessName: businesses.name,
      invitedByName: users.name,
    })
    .from(businessInvitations)
    .innerJoin(businesses, eq(businesses.id, businessInvitations.businessId))
    .innerJoin(users, eq(users.id, businessInvitations.invitedBy))
    .where(eq(businessInvitations.tokenHash, tokenHash));
  const [row] = forUpdate ? await query.for('update', { of: businessInvitations }) : await query;
  return row ?? null;
}

/** Closes any open invitation for this address, so that inviting again sends a fresh link. */
export function revokeOpenInvitationsFor(tx: Tx, businessId: string, email: string, now: Date) {
  return tx
    .update(businessInvitations)
    .set({ revokedAt: now })
    .where(
      and(
        eq(businessInvitations.businessId, businessId),
        eq(businessInvitations.email, email),
        isNull(businessInvitations.acceptedAt),
        isNull(businessInvitations.revokedAt),
      ),
    );
}

export async function revokeInvitation(
  tx: Tx,
  businessId: string,
  invitationId: string,
  now: Date,
) {
  const rows = await tx
    .update(businessInvitations)
    .set({ revokedAt: now })
    .where(
      and(
        eq(businessInvitations.id, invitationId),
        eq(businessInvitations.businessId, businessId),
        isNull(businessInvitations.acceptedAt),
        isNull(businessInvitations.revokedAt),
      ),
    )
    .returning({ id: businessInvitations.id });
  return rows.length > 0;
}

export function listApiTokens(tx: Tx, userId: string, now: Date) {
  return tx
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      scope: apiTokens.scope,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.userId, userId),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    )
    .orderBy(asc(apiTokens.createdAt));
}

export async function revokeApiToken(tx: Tx, userId: string, tokenId: string, now: Date) {
  const rows = await tx
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(
      and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)),
    )
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

export function touchApiToken(tx: Tx, tokenId: string, now: Date) {
  return tx.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, tokenId));
}

/**
 * The queries every authenticated request runs (who is calling, and GET /me), prepared once
 * per database handle: building a Drizzle query costs more CPU than Postgres spends answering
 * it, and these run on every request (bench/results, foundation scenario).
 */
function prepareHotQueries(db: Db) {
  const userId = sql.placeholder('userId');
  return {
    callerByTokenHash: db
      .select({
        tokenId: apiTokens.id,
        userId: users.id,
        isAdmin: users.isAdmin,
        scope: apiTokens.scope,
        expiresAt: apiTokens.expiresAt,
        lastUsedAt: apiTokens.lastUsedAt,
      })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(
        and(eq(apiTokens.tokenHash, sql.placeholder('tokenHash')), isNull(apiTokens.revokedAt)),
      )
      .prepare('caller_by_token_hash'),
    user: db.select().from(users).where(eq(users.id, userId)).prepare('user_by_id'),
    memberships: db
      .select({
        businessId: businesses.id,
        businessName: businesses.name,
        role: businessMembers.role,
      })
      .from(businessMembers)
      .innerJoin(businesses, eq(businesses.id, businessMembers.businessId))
      .where(eq(businessMembers.userId, userId))
      .orderBy(asc(businesses.name))
      .prepare('memberships_of_user'),
    profile: db
      .select()
      .from(professionalProfiles)
      .where(eq(professionalProfiles.userId, userId))
      .prepare('profile_of_user'),
  };
}

const hotQueries = new WeakMap<Db, ReturnType<typeof prepareHotQueries>>();
function hot(db: Db) {
  let queries = hotQueries.get(db);
  if (!queries) {
    queries = prepareHotQueries(db);
    hotQueries.set(db, queries);
  }
  return queries;
}

/** The caller named by an API token, or null for an unknown or revoked token. */
export async function findCallerByTokenHash(db: Db, tokenHash: string) {
  const [row] = await hot(db).callerByTokenHash.execute({ tokenHash });
  return row ?? null;
}

/** Everything GET /me shows: the person, their memberships, their professional profile. */
export async function readMe(db: Db, userId: string) {
  const q = hot(db);
  const [users_, memberships, profiles] = await Promise.all([
    q.user.execute({ userId }),
    q.memberships.execute({ userId }),
    q.profile.execute({ userId }),
  ]);
  return { user: users_[0] ?? null, memberships, profile: profiles[0] ?? null };
}

type NewBusiness = typeof businesses.$inferInsert;

export async function insertBusiness(tx: Tx, values: NewBusiness) {
  const [row] = await tx.insert(businesses).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateBusiness(
  tx: Tx,
  businessId: string,
  changes: Partial<Omit<NewBusiness, 'id'>>,
) {
  const [row] = await tx
    .update(businesses)
    .set(changes)
    .where(eq(businesses.id, businessId))
    .returning();
  return row ?? null;
}

/** Locks the business row: concurrent invitations to one address take turns. */
export async function lockBusiness(tx: Tx, businessId: string) {
  await tx
    .select({ id: businesses.id })
    .from(businesses)
    .where(eq(businesses.id, businessId))
    .for('update');
}

export async function insertMember(tx: Tx, values: typeof businessMembers.$inferInsert) {
  await tx.insert(businessMembers).values(values);
}

/** Changes a member's role, or removes them from the business (`role` null). */
export async function setMemberRole(
  tx: Tx,
  businessId: string,
  userId: string,
  role: BusinessRole | null,
) {
  const where = and(eq(businessMembers.businessId, businessId), eq(businessMembers.userId, userId));
  if (role) await tx.update(businessMembers).set({ role }).where(where);
  else await tx.delete(businessMembers).where(where);
}

export async function insertInvitation(tx: Tx, values: typeof businessInvitations.$inferInsert) {
  const [row] = await tx.insert(businessInvitations).values(values).returning();
  return row;
}

export async function markInvitationAccepted(tx: Tx, invitationId: string, at: Date) {
  await tx
    .update(businessInvitations)
    .set({ acceptedAt: at })
    .where(eq(businessInvitations.id, invitationId));
}

export async function updateUser(
  tx: Tx,
  userId: string,
  changes: Partial<
    Pick<
      typeof users.$inferInsert,
      'name' | 'timeZone' | 'currency' | 'emailVerified' | 'updatedAt'
    >
  >,
) {
  await tx.update(users).set(changes).where(eq(users.id, userId));
}

/** Starts the person's professional profile; false when they already had one. */
export async function insertProfessionalProfile(tx: Tx, userId: string): Promise<boolean> {
  const inserted = await tx
    .insert(professionalProfiles)
    .values({ userId })
    .onConflictDoNothing()
    .returning({ userId: professionalProfiles.userId });
  return inserted.length > 0;
}

export async function insertApiToken(tx: Tx, values: typeof apiTokens.$inferInsert) {
  const [row] = await tx.insert(apiTokens).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}
