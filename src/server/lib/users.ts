import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Config } from '../env.ts';
import { users } from '../db/schema/index.ts';
import { createAuth } from './auth.ts';

/**
 * Creates a person with an e-mail + password account through better-auth (so the password is
 * hashed exactly as sign-up does), already verified. For the CLI and the demo, not for the API.
 */
export async function createVerifiedUser(
  db: Db,
  config: Config,
  input: { email: string; name: string; password: string; timeZone?: string; currency?: string },
): Promise<string> {
  const auth = createAuth({
    db,
    // Already verified below: the sign-up's verification e-mail is not sent at all.
    mailer: { smtpConfigured: false },
    notify: async () => {},
    baseUrl: config.baseUrl,
    secret: config.authSecret,
    rateLimit: false,
  });
  const result = await auth.api.signUpEmail({
    body: { email: input.email, name: input.name, password: input.password },
  });
  await db
    .update(users)
    .set({
      emailVerified: true,
      timeZone: input.timeZone ?? 'UTC',
      currency: input.currency ?? 'USD',
    })
    .where(eq(users.id, result.user.id));
  return result.user.id;
}
