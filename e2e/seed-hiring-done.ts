/**
 * The data of the "Done means" journey (issue 11), written into the running e2e server's
 * database: an owner whose business works in Europe/Lisbon, a published job with five skills, a
 * budget, a specification and an NDA to sign, and eight bids from eight professionals with
 * profiles that differ in what the shortlist weighs (price, rating, years, skills) — the same
 * shape as the demo's bakery job. The first professional works in America/New_York.
 *
 * `setup` prints `{ businessId, jobId, owner, pros: [{ email, name, bidId }] }` as JSON;
 * `interview <bidId>` prints the bid's interview id and iCalendar UID (no page shows the UID).
 * Run with `node --import tsx e2e/seed-hiring-done.ts …` and DATA_DIR set to the server's.
 */
import { eq } from 'drizzle-orm';
import { skillSlug } from '../src/core/jobs.ts';
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

const SKILLS = ['Bookkeeping', 'Xero', 'VAT returns', 'Payroll', 'Excel'];
/** Each differs in what the weights weigh; Ana is cheapest, Bruno best rated. */
const PROS = [
  {
    name: 'Ana Cheap',
    zone: 'America/New_York',
    amount: 50_000,
    years: 2,
    rating: null,
    skills: 3,
  },
  { name: 'Bruno Rated', zone: 'Europe/Berlin', amount: 98_000, years: 8, rating: 4.9, skills: 5 },
  { name: 'Cy Steady', zone: 'UTC', amount: 80_000, years: 6, rating: 4.4, skills: 4 },
  {
    name: 'Dana Veteran',
    zone: 'Europe/Madrid',
    amount: 115_000,
    years: 16,
    rating: 4.6,
    skills: 5,
  },
  { name: 'Eli Newcomer', zone: 'Asia/Kolkata', amount: 70_000, years: 1, rating: null, skills: 2 },
  {
    name: 'Farah Pricey',
    zone: 'Europe/London',
    amount: 140_000,
    years: 10,
    rating: 4.7,
    skills: 4,
  },
  { name: 'Gus Middle', zone: 'America/Chicago', amount: 90_000, years: 5, rating: 3.9, skills: 3 },
  { name: 'Hana Careful', zone: 'Asia/Tokyo', amount: 95_000, years: 7, rating: 4.2, skills: 4 },
] as const;

try {
  if (command === 'setup') {
    const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
    const email = (who: string) => `done-${who}-${tag}@e2e.example`;
    const ownerId = await createVerifiedUser(db, config, {
      email: email('owner'),
      name: 'Olga Owner',
      password,
      timeZone: 'Europe/Lisbon',
    });
    const business = await createBusinessService({ db, clock: systemClock }).create(
      { userId: ownerId },
      { name: 'Crumb & Co Bakeries', timeZone: 'Europe/Lisbon', currency: 'USD' },
    );
    const job = await buildJob(ctx, {
      businessId: business.id,
      createdBy: ownerId,
      brief: {
        title: 'Monthly bookkeeping for two bakeries',
        skills: SKILLS,
        budget: { type: 'fixed', currency: 'USD', min: 80_000, max: 100_000 },
      },
      spec: {
        description: 'The **supplier price list** and our VAT numbers are in the shared drive.',
      },
    });
    await db.update(jobs).set({ ndaRequired: true }).where(eq(jobs.id, job.id));
    const pros = [];
    for (const [i, p] of PROS.entries()) {
      const who = p.name.split(' ')[0]!.toLowerCase();
      const id = await createVerifiedUser(db, config, {
        email: email(who),
        name: p.name,
        password,
        timeZone: p.zone,
      });
      await db.insert(professionalProfiles).values({
        userId: id,
        headline: 'Bookkeeper for small businesses',
        timeZone: p.zone,
        skillSlugs: SKILLS.slice(0, p.skills).map(skillSlug),
        yearsExperience: p.years,
        ratingAvg: p.rating,
        reviewCount: p.rating === null ? 0 : 10 + i,
      });
      const bid = await buildBid(ctx, {
        jobId: job.id,
        professionalId: id,
        amount: p.amount,
        coverLetter: `${p.name}: I would close your books every month and file the VAT returns on time.`,
        milestones: [{ title: 'First month closed', amount: p.amount, dueDate: null }],
      });
      pros.push({ email: email(who), name: p.name, bidId: bid.id });
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
    console.error('usage: seed-hiring-done.ts setup | interview <bidId>');
    process.exitCode = 2;
  }
} finally {
  await database.shutdown();
}
