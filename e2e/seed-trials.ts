/**
 * Data the trials journey starts from, written into the running e2e server's database (the
 * bids API is another part's work): `setup` makes an owner with a business and an open job,
 * and two professionals whose bids are shortlisted, and prints their addresses and ids as JSON;
 * `expire <trialId>` moves a trial's deadline into the past, standing for the time passing (the
 * server's clock is the real one, and the journey does not wait).
 *
 * Run with `node --import tsx e2e/seed-trials.ts …` and DATA_DIR set to the server's.
 */
import { eq } from 'drizzle-orm';
import { openDatabase } from '../src/server/db/open.ts';
import { professionalProfiles, trials } from '../src/server/db/schema/index.ts';
import { loadConfig } from '../src/server/env.ts';
import { createBusinessService } from '../src/server/features/accounts/businesses.ts';
import { systemClock } from '../src/server/lib/clock.ts';
import { createVerifiedUser } from '../src/server/lib/users.ts';
import { buildBid } from '../test/bid-factories.ts';
import type { TestContext } from '../test/harness.ts';
import { buildJob } from '../test/job-factories.ts';

const [command, arg, password = 'a-long-enough-password'] = process.argv.slice(2);
const config = loadConfig();
const database = await openDatabase(config, { attach: true });
const { db } = database;
// The factories read only `db` and `clock` from a test context.
const ctx = { db, clock: systemClock } as unknown as TestContext;

try {
  if (command === 'setup') {
    const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
    const email = (who: string) => `trials-${who}-${tag}@e2e.example`;
    const ownerId = await createVerifiedUser(db, config, {
      email: email('owner'),
      name: 'Olivia Owner',
      password,
      timeZone: 'Europe/Lisbon',
      currency: 'EUR',
    });
    const business = await createBusinessService({ db, clock: systemClock }).create(
      { userId: ownerId },
      { name: 'Trial Bakery', timeZone: 'Europe/Lisbon', currency: 'EUR' },
    );
    const job = await buildJob(ctx, {
      businessId: business.id,
      createdBy: ownerId,
      brief: { title: 'A logo for a bakery' },
    });
    const pros = [];
    for (const [who, name, zone] of [
      ['ana', 'Ana Pro', 'America/New_York'],
      ['bo', 'Bo Pro', 'Asia/Kolkata'],
    ] as const) {
      const id = await createVerifiedUser(db, config, {
        email: email(who),
        name,
        password,
        timeZone: zone,
      });
      await db.insert(professionalProfiles).values({ userId: id });
      await buildBid(ctx, { jobId: job.id, professionalId: id, status: 'shortlisted' });
      pros.push({ email: email(who), name });
    }
    console.log(
      JSON.stringify({ businessId: business.id, jobId: job.id, owner: email('owner'), pros }),
    );
  } else if (command === 'expire' && arg) {
    await db
      .update(trials)
      .set({ deadline: new Date(Date.now() - 60_000) })
      .where(eq(trials.id, arg));
  } else {
    console.error('usage: seed-trials.ts setup | expire <trialId>');
    process.exitCode = 2;
  }
} finally {
  await database.shutdown();
}
