import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { idempotencyKeys } from '../db/schema/index.ts';

export interface KeyClaim {
  userId: string;
  key: string;
  request: string;
  fingerprint: string;
  now: Date;
  expiresAt: Date;
  /** A row still without an answer created before this was left by a process that died. */
  abandonedBefore: Date;
}

/**
 * Takes the key for this request in one statement, so two requests racing with one key cannot
 * both win: a new key is inserted; an expired or abandoned one is taken over; any other is left
 * as it is. Returns whether this request now owns the key. Expired keys of the same caller are
 * removed on the way, which keeps the table to a day of each active caller's requests.
 */
export async function claimKey(db: Db, c: KeyClaim): Promise<boolean> {
  await db
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, c.userId), lte(idempotencyKeys.expiresAt, c.now)));
  const fresh = {
    request: c.request,
    fingerprint: c.fingerprint,
    status: null,
    contentType: null,
    body: null,
    createdAt: c.now,
    expiresAt: c.expiresAt,
  };
  const rows = await db
    .insert(idempotencyKeys)
    .values({ userId: c.userId, key: c.key, ...fresh })
    .onConflictDoUpdate({
      target: [idempotencyKeys.userId, idempotencyKeys.key],
      set: fresh,
      setWhere: or(
        lte(idempotencyKeys.expiresAt, c.now),
        and(isNull(idempotencyKeys.status), lte(idempotencyKeys.createdAt, c.abandonedBefore)),
      ),
    })
    .returning({ one: sql<number>`1` });
  return rows.length === 1;
}

export async function findKey(db: Db, userId: string, key: string) {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
  return row;
}

export async function saveAnswer(
  db: Db,
  userId: string,
  key: string,
  answer: { status: number; contentType: string | null; body: string },
) {
  await db
    .update(idempotencyKeys)
    .set(answer)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
}

/** Frees a key whose request got no answer worth replaying (a 5xx, a lost connection). */
export async function releaseKey(db: Db, userId: string, key: string) {
  await db
    .delete(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.userId, userId),
        eq(idempotencyKeys.key, key),
        isNull(idempotencyKeys.status),
      ),
    );
}
