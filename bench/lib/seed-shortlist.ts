/**
 * The shortlist benchmark's data: one published job in a business the bench user manages, with
 * BENCH_BIDS (500) bids from as many professionals with profiles — varied skills, years,
 * ratings (a third are new), working hours, résumé positions and certifications, fixed and
 * hourly terms — from a seeded PRNG, so every run scores the same bids. Made once; a later run
 * finds the job by its title.
 */
import { and, eq, sql } from 'drizzle-orm';
import { SpecSchema } from '../../src/core/contracts/jobs.ts';
import { skillSlug } from '../../src/core/jobs.ts';
import type { Db } from '../../src/server/db/client.ts';
import {
  bids,
  businessMembers,
  jobs,
  professionalProfiles,
  profileCertifications,
  profileExperience,
  users,
} from '../../src/server/db/schema/index.ts';
import { newId } from '../../src/server/lib/ids.ts';
import { BENCH_EMAIL } from './seed-data.ts';

export const SHORTLIST_JOB_TITLE = 'Bench: bookkeeping with 500 bids';
const SKILLS = ['Bookkeeping', 'Xero', 'VAT returns', 'Payroll', 'Excel', 'QuickBooks', 'Sage'];
const JOB_SKILLS = SKILLS.slice(0, 5);

/** mulberry32: small, seeded, good enough to vary bench data. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedShortlist(
  db: Db,
  { count, log }: { count: number; log: (m: string) => void },
): Promise<{ businessId: string; jobId: string; userId: string; created: boolean; ms: number }> {
  const started = Date.now();
  const [bench] = await db
    .select({ userId: users.id, businessId: businessMembers.businessId })
    .from(users)
    .innerJoin(businessMembers, eq(businessMembers.userId, users.id))
    .where(and(eq(users.email, BENCH_EMAIL), eq(businessMembers.role, 'manager')))
    .limit(1);
  if (!bench) throw new Error('The bench user manages no business; seed the bench data first.');
  const [existing] = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.businessId, bench.businessId), eq(jobs.title, SHORTLIST_JOB_TITLE)));
  if (existing) {
    const [n] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(bids)
      .where(eq(bids.jobId, existing.id));
    if ((n?.n ?? 0) !== count)
      throw new Error(`The bench job has ${n?.n} bids, not ${count}; use a fresh DATA_DIR.`);
    return { ...bench, jobId: existing.id, created: false, ms: Date.now() - started };
  }

  const random = prng(20261205);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const jobId = newId();
  const now = new Date();
  const userRows: (typeof users.$inferInsert)[] = [];
  const profileRows: (typeof professionalProfiles.$inferInsert)[] = [];
  const experienceRows: (typeof profileExperience.$inferInsert)[] = [];
  const certificationRows: (typeof profileCertifications.$inferInsert)[] = [];
  const bidRows: (typeof bids.$inferInsert)[] = [];
  for (let i = 0; i < count; i++) {
    const id = newId();
    const skills = SKILLS.filter(() => random() < 0.55);
    const start = Math.floor(random() * 24) * 60;
    const rated = random() > 0.33;
    userRows.push({
      id,
      email: `shortlist-bench-${i}@bench.example`,
      name: `Bidder ${i}`,
      emailVerified: true,
    });
    profileRows.push({
      userId: id,
      slug: `shortlist-bidder-${i}`,
      headline: `${pick(['Bookkeeper', 'Accountant', 'Payroll specialist'])} for small businesses`,
      skillSlugs: skills.map(skillSlug),
      yearsExperience: Math.floor(random() * 20),
      ratingAvg: rated ? Math.round((2.5 + random() * 2.5) * 10) / 10 : null,
      reviewCount: rated ? 1 + Math.floor(random() * 40) : 0,
      completedJobs: rated ? Math.floor(random() * 30) : 0,
      workStartUtc: start,
      workEndUtc: (start + 480) % 1440,
      country: pick(['PT', 'ES', 'BR', 'IN', 'US', 'PL']),
    });
    for (let r = 0; r < 1 + Math.floor(random() * 4); r++)
      experienceRows.push({
        id: newId(),
        userId: id,
        company: `Firm ${Math.floor(random() * 200)}`,
        role: pick(['Bookkeeper', 'Accountant', 'Controller']),
        startMonth: `${2010 + r * 3}-01-01`,
        endMonth: r === 0 ? null : `${2012 + r * 3}-06-01`,
        sort: r,
      });
    if (random() < 0.5)
      certificationRows.push({
        id: newId(),
        userId: id,
        name: 'Xero Advisor',
        issuer: 'Xero',
        year: 2020,
      });
    const hourly = random() < 0.3;
    const amount = hourly
      ? 3000 + Math.floor(random() * 6000)
      : 50_000 + Math.floor(random() * 100_000);
    const hours = 10 + Math.floor(random() * 30);
    bidRows.push({
      id: newId(),
      jobId,
      professionalId: id,
      status: 'submitted',
      termsType: hourly ? 'hourly' : 'fixed',
      currency: 'USD',
      amount: hourly ? null : amount,
      hourlyRate: hourly ? amount : null,
      estimatedHours: hourly ? hours : null,
      totalUsd: hourly ? amount * hours : amount,
      durationDays: 7 + Math.floor(random() * 30),
      coverLetter: 'I keep books for small businesses and would like to keep yours.',
      createdAt: new Date(now.getTime() - (count - i) * 60_000),
      updatedAt: now,
    });
  }
  const chunked = async <T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
  };
  await db.transaction(async (tx) => {
    await tx.insert(jobs).values({
      id: jobId,
      businessId: bench.businessId,
      status: 'open',
      visibility: 'public',
      title: SHORTLIST_JOB_TITLE,
      summary: 'Monthly bookkeeping for a bakery with two shops.',
      skills: JOB_SKILLS,
      skillSlugs: JOB_SKILLS.map(skillSlug),
      budgetType: 'fixed',
      budgetCurrency: 'USD',
      budgetMin: 80_000,
      budgetMax: 100_000,
      budgetUsd: 100_000,
      spec: SpecSchema.parse({}),
      specVersion: 1,
      publishedAt: now,
    });
    await chunked(userRows, (c) => tx.insert(users).values(c));
    await chunked(profileRows, (c) => tx.insert(professionalProfiles).values(c));
    await chunked(experienceRows, (c) => tx.insert(profileExperience).values(c));
    await chunked(certificationRows, (c) => tx.insert(profileCertifications).values(c));
    await chunked(bidRows, (c) => tx.insert(bids).values(c));
  });
  log(`Seeded a job with ${count} bids in ${Date.now() - started} ms.`);
  return { ...bench, jobId, created: true, ms: Date.now() - started };
}
