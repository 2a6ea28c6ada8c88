/**
 * The shortlist journey's data, written into the e2e server's database (attached through
 * DATA_DIR) before the journey: an owner who signs in with a password, a published job with five
 * skills and a budget, and six professionals' bids — built here because the bid form is another
 * part's work. Prints `{ email, password, businessId, jobId }` as JSON.
 *
 * Run: `DATA_DIR=… npx tsx e2e/seed-shortlist.ts <owner e-mail> <password>`.
 */
import { SpecSchema } from '../src/core/contracts/jobs.ts';
import { skillSlug } from '../src/core/jobs.ts';
import { openDatabase } from '../src/server/db/open.ts';
import { bids, jobs, professionalProfiles } from '../src/server/db/schema/index.ts';
import { loadConfig } from '../src/server/env.ts';
import { createBusinessService } from '../src/server/features/accounts/businesses.ts';
import { systemClock } from '../src/server/lib/clock.ts';
import { newId } from '../src/server/lib/ids.ts';
import { createVerifiedUser } from '../src/server/lib/users.ts';

const [email, password] = process.argv.slice(2);
if (!email || !password) throw new Error('usage: seed-shortlist.ts <email> <password>');
const config = loadConfig(process.env);
const database = await openDatabase(config, { attach: true });
const { db } = database;
try {
  const ownerId = await createVerifiedUser(db, config, {
    email,
    name: 'Olga Owner',
    password,
    timeZone: 'Europe/Lisbon',
  });
  const business = await createBusinessService({ db, clock: systemClock }).create(
    { userId: ownerId },
    { name: `Crumb & Co ${Date.now().toString(36)}`, timeZone: 'Europe/Lisbon', currency: 'USD' },
  );
  const skills = ['Bookkeeping', 'Xero', 'VAT returns', 'Payroll', 'Excel'];
  const jobId = newId();
  await db.insert(jobs).values({
    id: jobId,
    businessId: business.id,
    status: 'open',
    visibility: 'public',
    title: 'Monthly bookkeeping for two bakeries',
    summary: 'Keep the books of our two shops every month.',
    skills,
    skillSlugs: skills.map(skillSlug),
    budgetType: 'fixed',
    budgetCurrency: 'USD',
    budgetMin: 80_000,
    budgetMax: 100_000,
    budgetUsd: 100_000,
    spec: SpecSchema.parse({}),
    specVersion: 1,
    publishedAt: new Date(),
  });
  // Each differs in what the weights weigh: price, rating, experience, skills.
  const pros = [
    { name: 'Ana Cheap', amount: 50_000, years: 1, rating: null, skills: 2 },
    { name: 'Bruno Rated', amount: 120_000, years: 6, rating: 4.9, skills: 3 },
    { name: 'Carla Veteran', amount: 130_000, years: 18, rating: 4.2, skills: 5 },
    { name: 'Dev Middle', amount: 90_000, years: 5, rating: 3.8, skills: 3 },
    { name: 'Eli Newcomer', amount: 85_000, years: 2, rating: null, skills: 4 },
    { name: 'Farah Pricey', amount: 145_000, years: 9, rating: 4.6, skills: 4 },
  ];
  const started = Date.now() - pros.length * 60_000;
  for (const [i, p] of pros.entries()) {
    const id = await createVerifiedUser(db, config, {
      email: `${p.name.toLowerCase().replace(/\W+/g, '-')}-${Date.now().toString(36)}@e2e.example`,
      name: p.name,
      password,
    });
    await db.insert(professionalProfiles).values({
      userId: id,
      headline: 'Bookkeeper for small businesses',
      skillSlugs: skills.slice(0, p.skills).map(skillSlug),
      yearsExperience: p.years,
      ratingAvg: p.rating,
      reviewCount: p.rating === null ? 0 : 12,
      workStartUtc: 540,
      workEndUtc: 1020,
    });
    await db.insert(bids).values({
      id: newId(),
      jobId,
      professionalId: id,
      termsType: 'fixed',
      currency: 'USD',
      amount: p.amount,
      totalUsd: p.amount,
      durationDays: 30,
      coverLetter: `${p.name}: I would keep your books every month.`,
      milestones: [{ title: 'First month closed', amount: p.amount, dueDate: null }],
      createdAt: new Date(started + i * 60_000),
    });
  }
  console.log(JSON.stringify({ businessId: business.id, jobId }));
} finally {
  await database.shutdown();
}
