/**
 * Who may read a profile. The professional edits only their own (every write route acts on the
 * caller's own profile, `/me/profile`); an admin may hide one for moderation. Reading: the owner
 * and admins always (a preview of a hidden profile); anyone else only a public, unmoderated
 * profile — on a marketplace anyone at all, in a private workspace only signed-in members of a
 * business. Everything else is a 404, so a hidden profile's existence does not leak.
 */
import type { Tx } from '../../db/client.ts';
import type { Config } from '../../env.ts';
import type { Caller } from '../../lib/caller.ts';
import { isBusinessMember, type ProfileRow } from './queries.ts';

/** Whether an anonymous visitor may read the profile (the sitemap, head tags, caching). */
export function isPublicProfile(p: ProfileRow, mode: Config['mode']): boolean {
  return mode === 'marketplace' && isListed(p);
}

/** Public and not hidden by an admin. */
export function isListed(p: ProfileRow): boolean {
  return p.visibility === 'public' && p.moderatedAt === null && p.slug !== null;
}

export async function mayReadProfile(
  tx: Tx,
  p: ProfileRow,
  caller: Pick<Caller, 'userId' | 'isAdmin'> | null,
  mode: Config['mode'],
): Promise<boolean> {
  if (caller && (caller.userId === p.userId || caller.isAdmin)) return true;
  if (!isListed(p)) return false;
  if (mode === 'marketplace') return true;
  return caller !== null && (await isBusinessMember(tx, caller.userId));
}
