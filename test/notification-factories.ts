/** Raising notifications for tests through the real `notify`, as a feature would. */
import { createNotifier } from '../src/server/features/notifications/index.ts';
import { createMailer } from '../src/server/lib/mail.ts';
import { newId } from '../src/server/lib/ids.ts';
import type { TestContext } from './harness.ts';

/** Raises `count` job invitations for the person, one transaction each (so, newest last). */
export async function raiseNotifications(ctx: TestContext, userId: string, count = 1) {
  const notify = createNotifier({
    mailer: createMailer({ db: ctx.db, from: ctx.config.mailFrom }),
    baseUrl: ctx.config.baseUrl,
    clock: ctx.clock,
  });
  for (let i = 0; i < count; i++) {
    await ctx.db.transaction((tx) =>
      notify(tx, [{ userId }], 'job.invitation', {
        jobId: newId(),
        jobTitle: `Job number ${i + 1}`,
        businessName: 'Test Bakery',
        inviterName: 'Owner',
        inviteeVerified: true,
      }),
    );
  }
}
