/** Reading what Handoff e-mailed, from the `mail_messages` table (the dev mailbox). */
import { desc, eq } from 'drizzle-orm';
import { mailMessages } from '../src/server/db/schema/index.ts';
import type { TestContext } from './harness.ts';

/** Every message recorded for an address, newest first. */
export function mailTo(ctx: TestContext, to: string) {
  return ctx.db
    .select()
    .from(mailMessages)
    .where(eq(mailMessages.to, to))
    .orderBy(desc(mailMessages.id));
}

export async function lastMailTo(ctx: TestContext, to: string) {
  const [message] = await mailTo(ctx, to);
  if (!message) throw new Error(`No e-mail was sent to ${to}`);
  return message;
}

/** The first URL in `text` that starts with `prefix`; fails the test when there is none. */
export function linkIn(text: string, prefix: string): URL {
  const found = text.split(/\s+/).find((word) => word.startsWith(prefix));
  if (!found) throw new Error(`No link starting with ${prefix} in:\n${text}`);
  return new URL(found);
}
