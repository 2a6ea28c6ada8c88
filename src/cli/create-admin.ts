import { eq } from 'drizzle-orm';
import type { Db } from '../server/db/client.ts';
import { users } from '../server/db/schema/index.ts';
import type { Config } from '../server/env.ts';
import { createVerifiedUser } from '../server/lib/users.ts';

/** Makes `email` an admin: creates the account if it does not exist, else promotes it. */
export async function createAdmin(
  db: Db,
  config: Config,
  { email, name, password }: { email: string; name?: string; password: string },
): Promise<{ created: boolean }> {
  const address = email.trim().toLowerCase();
  const [existing] = await db
    .select({ id: users.id, emailVerified: users.emailVerified })
    .from(users)
    .where(eq(users.email, address));
  if (existing) {
    // Anyone can sign up with any address; only its verified owner may be made an admin.
    if (!existing.emailVerified) {
      throw new Error(
        `${address} has an account whose address is not verified. Verify it (or reset its password from that mailbox) before making it an admin.`,
      );
    }
    await db.update(users).set({ isAdmin: true }).where(eq(users.id, existing.id));
    return { created: false };
  }
  if (password.length < 8) throw new Error('The password needs at least 8 characters.');
  const id = await createVerifiedUser(db, config, {
    email: address,
    name: name ?? 'Admin',
    password,
  });
  await db.update(users).set({ isAdmin: true }).where(eq(users.id, id));
  return { created: true };
}
