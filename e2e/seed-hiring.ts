/**
 * Data the hiring journey starts from, written into the running e2e server's database (the bid
 * form is another part's work): `setup` makes an owner whose business (Europe/Lisbon) has an
 * open job requiring an NDA, with a specification, and three professionals' submitted bids (one
 * professional in America/New_York), and prints their addresses and ids as JSON; `interview
 * <bidId>` prints the bid's interview id and its iCalendar UID (which no API shows).
 *
 * Run with `node --import tsx e2e/seed-hiring.ts …` and DATA_DIR set to the server's.
 */
import { eq } from 'drizzle-orm';
import { openDatabase } from '../src/server/db/open.ts';
import { interviews, jobs, professionalProfiles } from '../src/server/db/schema/index.ts';
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
    const email = (who: string) => `hiring-${who}-${tag}@e2e.example`;
    const ownerId = await createVerifiedUser(db, config, {
      email: email('owner'),
      name: 'Omar Owner',
      password,
      timeZone: 'Europe/Lisbon',
    });
    const business = await createBusinessService({ db, clock: systemClock }).create(
      { userId: ownerId },
      { name: 'Secret Recipes Ltd', timeZone: 'Europe/Lisbon', currency: 'USD' },
    );
    const job = await buildJob(ctx, {
      businessId: business.id,
      createdBy: ownerId,
      brief: { title: 'Digitise our recipe book' },
      spec: { description: 'Type up the **forty family recipes** in the blue binder.' },
    });
    await db.update(jobs).set({ ndaRequired: true }).where(eq(jobs.id, job.id));
    const pros = [];
    for (const [who, name, zone] of [
      ['ana', 'Ana Pro', 'America/New_York'],
      ['bo', 'Bo Pro', 'Asia/Kolkata'],
      ['cy', 'Cy Pro', 'UTC'],
    ] as const) {
      const id = await createVerifiedUser(db, config, {
        email: email(who),
        name,
        password,
        timeZone: zone,
      });
      await db.insert(professionalProfiles).values({ userId: id });
      const bid = await buildBid(ctx, {
        jobId: job.id,
        professionalId: id,
        amount: 60_000,
        milestones: [{ title: 'All forty recipes typed', amount: 60_000, dueDate: null }],
      });
      pros.push({ email: email(who), name, bidId: bid.id });
    }
    console.log(
      JSON.stringify({ businessId: business.id, jobId: job.id, owner: email('owner'), pros }),
    );
  } else if (command === 'interview' && arg) {
    const [row] = await db
      .select({ id: interviews.id, icalUid: interviews.icalUid })
      .from(interviews)
      .where(eq(interviews.bidId, arg));
    console.log(JSON.stringify(row ?? null));
  } else {
    console.error('usage: seed-hiring.ts setup | interview <bidId>');
    process.exitCode = 2;
  }
} finally {
  await database.shutdown();
}
