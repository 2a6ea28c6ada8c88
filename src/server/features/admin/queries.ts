import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { mailMessages } from '../../db/schema/index.ts';

/** Newest first; ids are UUIDv7, so id order is time order and the last id is the cursor. */
export function listMail(
  tx: Tx,
  { cursor, limit, to }: { cursor?: string; limit: number; to?: string },
) {
  const where: SQL[] = [];
  if (cursor) where.push(lt(mailMessages.id, cursor));
  if (to) where.push(eq(mailMessages.to, to.toLowerCase()));
  return tx
    .select()
    .from(mailMessages)
    .where(and(...where))
    .orderBy(desc(mailMessages.id))
    .limit(limit + 1);
}
