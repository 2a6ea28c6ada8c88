import { count } from 'drizzle-orm';
import type { BusinessRole } from '../core/roles.ts';
import type { Database, Db } from '../server/db/client.ts';
import { businessMembers, professionalProfiles, users } from '../server/db/schema/index.ts';
import type { Config } from '../server/env.ts';
import { addDays, todayIn } from '../core/audit.ts';
import type { Frequency, Nature } from '../core/audit.ts';
import { createBusinessService } from '../server/features/accounts/businesses.ts';
import { createAuditService } from '../server/features/audit/audits.ts';
import { createEntryService } from '../server/features/audit/entries.ts';
import { createTaskService } from '../server/features/audit/tasks.ts';
import { systemClock } from '../server/lib/clock.ts';
import { createVerifiedUser } from '../server/lib/users.ts';
import { demoJobs, type DemoBusiness } from './demo-jobs.ts';
import { demoProfiles } from './demo-profiles.ts';
import { demoNetwork } from './demo-network.ts';
import { demoPool } from './demo-pool.ts';
import { demoHiring } from './demo-hiring.ts';
import { demoTrials } from './demo-trials.ts';
import { demoWork } from './demo-work.ts';
import { createQueue } from '../server/lib/queue.ts';

export const DEMO_PASSWORD = 'handoff-demo-2026';

/** The brand designer the bakery invites to its invite-only packaging job. */
const AISHA = 'aisha@pro.example';

interface DemoPerson {
  name: string;
  email: string;
  timeZone: string;
  currency: string;
}

const businesses: {
  name: string;
  timeZone: string;
  currency: string;
  team: (DemoPerson & { role: BusinessRole })[];
}[] = [
  {
    name: 'Crumb & Co. Bakery',
    timeZone: 'Europe/Lisbon',
    currency: 'EUR',
    team: [
      {
        name: 'Maria Santos',
        email: 'maria@crumb.example',
        timeZone: 'Europe/Lisbon',
        currency: 'EUR',
        role: 'owner',
      },
      {
        name: 'Tomás Ferreira',
        email: 'tomas@crumb.example',
        timeZone: 'Europe/Lisbon',
        currency: 'EUR',
        role: 'manager',
      },
      {
        name: 'Inês Costa',
        email: 'ines@crumb.example',
        timeZone: 'Europe/Lisbon',
        currency: 'EUR',
        role: 'viewer',
      },
    ],
  },
  {
    name: 'Northwind Outfitters',
    timeZone: 'America/Chicago',
    currency: 'USD',
    team: [
      {
        name: 'Dana Brooks',
        email: 'dana@northwind.example',
        timeZone: 'America/Chicago',
        currency: 'USD',
        role: 'owner',
      },
      {
        name: 'Lee Park',
        email: 'lee@northwind.example',
        timeZone: 'America/Chicago',
        currency: 'USD',
        role: 'manager',
      },
    ],
  },
  {
    name: 'Kestrel Consulting',
    timeZone: 'Europe/London',
    currency: 'GBP',
    team: [
      {
        name: 'Priya Shah',
        email: 'priya@kestrel.example',
        timeZone: 'Europe/London',
        currency: 'GBP',
        role: 'owner',
      },
    ],
  },
];

const professionals: (DemoPerson & { headline: string; bio: string })[] = [
  {
    name: 'Aisha Bello',
    email: AISHA,
    timeZone: 'Africa/Lagos',
    currency: 'USD',
    headline: 'Brand and logo designer',
    bio: 'Eight years of identities for food and retail brands; fast first drafts, three revision rounds.',
  },
  {
    name: 'Mateo Ruiz',
    email: 'mateo@pro.example',
    timeZone: 'America/Argentina/Buenos_Aires',
    currency: 'USD',
    headline: 'Shopify and WooCommerce developer',
    bio: 'Store set-ups, payment and shipping integrations, speed fixes. Overlaps US mornings.',
  },
  {
    name: 'Yuki Tanaka',
    email: 'yuki@pro.example',
    timeZone: 'Asia/Tokyo',
    currency: 'JPY',
    headline: 'Bookkeeper for small online shops',
    bio: 'Monthly reconciliations in Xero and QuickBooks, VAT and sales-tax summaries.',
  },
  {
    name: 'Olena Kovalenko',
    email: 'olena@pro.example',
    timeZone: 'Europe/Kyiv',
    currency: 'EUR',
    headline: 'Copywriter, English and Ukrainian',
    bio: 'Product pages, newsletters and About pages that sound like you, not like a template.',
  },
];

/**
 * Fills an empty database with believable businesses, teams, professionals, an audit and jobs;
 * prints how to sign in.
 */
export async function runDemo(
  { db, pool }: Pick<Database, 'db' | 'pool'>,
  config: Config,
): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0) {
    console.error(
      'The database already has accounts; the demo only fills an empty one. Use a fresh DATA_DIR.',
    );
    return 1;
  }
  const service = createBusinessService({ db, clock: systemClock });
  const lines: string[] = [];
  const made: DemoBusiness[] = [];
  for (const [index, b] of businesses.entries()) {
    const [owner, ...rest] = b.team;
    if (!owner) continue;
    const ownerId = await createVerifiedUser(db, config, { ...owner, password: DEMO_PASSWORD });
    const business = await service.create(
      { userId: ownerId },
      {
        name: b.name,
        timeZone: b.timeZone,
        currency: b.currency,
      },
    );
    made.push({ name: b.name, ownerId, businessId: business.id, timeZone: b.timeZone });
    if (index === 0) await demoAudit(db, ownerId, business.id, b.timeZone);
    lines.push(
      `  ${owner.email.padEnd(26)} owner of ${b.name}${index === 0 ? ' (with a week of an operations audit)' : ''}`,
    );
    for (const member of rest) {
      const id = await createVerifiedUser(db, config, { ...member, password: DEMO_PASSWORD });
      await db
        .insert(businessMembers)
        .values({ businessId: business.id, userId: id, role: member.role });
      lines.push(`  ${member.email.padEnd(26)} ${member.role} at ${b.name}`);
    }
  }
  const professionalIds: string[] = [];
  for (const p of professionals) {
    const id = await createVerifiedUser(db, config, { ...p, password: DEMO_PASSWORD });
    professionalIds.push(id);
    await db.insert(professionalProfiles).values({ userId: id, headline: p.headline, bio: p.bio });
    lines.push(`  ${p.email.padEnd(26)} professional — ${p.headline}`);
  }
  await demoProfiles(db, config);
  const [bakery, northwind] = made;
  const jobLines =
    bakery && northwind ? await demoJobs(db, config, { bakery, northwind, invitee: AISHA }) : [];
  // Talent — pool: a contact invited from another site, notes and a saved list.
  const poolLines =
    bakery && professionalIds[0]
      ? await demoPool(db, config, { bakery, professionalId: professionalIds[0] })
      : [];
  console.log(
    `Demo data is in. Sign in at ${config.baseUrl} with any of these (password: ${DEMO_PASSWORD}):\n`,
  );
  console.log(lines.join('\n'));
  console.log(`\nJobs (the public ones are on the board at ${config.baseUrl}/jobs):\n`);
  console.log(jobLines.join('\n'));
  // Talent — network: a listing to review, two connected businesses, a recommendation.
  const networkLines =
    bakery && northwind
      ? await demoNetwork(db, config, {
          asker: bakery,
          colleague: northwind,
          colleagueEmail: businesses[1]?.team[0]?.email ?? '',
          agencyEmail: 'mateo@pro.example',
          recommendedEmail: AISHA,
        })
      : [];
  console.log(`\nWord of mouth:\n\n${networkLines.join('\n')}`);
  console.log(`\nTalent:\n\n${poolLines.join('\n')}`);
  // Hiring — bids: a bakery job with eight bids to shortlist.
  if (bakery)
    console.log(
      `\nBids:\n\n${(await demoHiring(db, config, { bakery, password: DEMO_PASSWORD })).join('\n')}`,
    );
  // Hiring — trials: after the bids, and only once some are shortlisted.
  const trialLines = bakery ? await demoTrials(db, config, { bakery }) : [];
  console.log(`\nTrials:\n\n${trialLines.join('\n')}`);
  // Work — the contract workspace: two running contracts of the bakery, with three weeks of history.
  const [, mateoId, , olenaId] = professionalIds;
  if (bakery && mateoId && olenaId) {
    // Reminders go in as queue jobs (only added here, never run): the server's worker runs them.
    const queue = createQueue({ pool, clock: systemClock });
    const work = await demoWork(db, config, queue, {
      bakery: { ...bakery, currency: businesses[0]?.currency ?? 'EUR' },
      hourly: { id: mateoId, email: 'mateo@pro.example' },
      fixed: { id: olenaId, email: 'olena@pro.example' },
    });
    console.log(
      `\nContracts (sign in as ${businesses[0]?.team[0]?.email ?? 'the owner'}):\n\n${work.lines.join('\n')}`,
    );
  }
  console.log(
    '\nAn admin is not part of the demo: make one with `npx handoff create-admin --email you@example.com`.',
  );
  return 0;
}

/** The bakery owner's first week of an audit: what a week of logging looks like. */
const WEEK: {
  task: string;
  minutes: number[];
  frequency: Frequency;
  dislike: number;
  nature: Nature;
  category: string;
}[] = [
  {
    task: 'Answering customer e-mails',
    minutes: [45, 50, 40, 60, 55, 30, 0],
    frequency: 'daily',
    dislike: 4,
    nature: 'repetitive',
    category: 'customer-support',
  },
  {
    task: 'Posting on Instagram',
    minutes: [30, 0, 25, 0, 35, 40, 0],
    frequency: 'weekly',
    dislike: 3,
    nature: 'specialized-knowledge',
    category: 'social-media',
  },
  {
    task: 'Bookkeeping and receipts',
    minutes: [0, 0, 0, 0, 150, 0, 0],
    frequency: 'weekly',
    dislike: 5,
    nature: 'expertise',
    category: 'bookkeeping',
  },
  {
    task: 'Entering supplier invoices',
    minutes: [20, 25, 0, 30, 0, 20, 0],
    frequency: 'daily',
    dislike: 5,
    nature: 'repetitive',
    category: 'data-entry',
  },
  {
    task: 'Developing new recipes',
    minutes: [90, 0, 120, 0, 0, 60, 0],
    frequency: 'weekly',
    dislike: 1,
    nature: 'core',
    category: 'other',
  },
  {
    task: 'Updating the website menu',
    minutes: [0, 40, 0, 0, 0, 0, 0],
    frequency: 'monthly',
    dislike: 4,
    nature: 'expertise',
    category: 'web-development',
  },
];

async function demoAudit(db: Db, ownerId: string, businessId: string, timeZone: string) {
  const clock = systemClock;
  const start = addDays(todayIn(timeZone, clock.now()), -6);
  const audit = await createAuditService({ db, clock }).start(
    { userId: ownerId, businessId },
    {
      periodStart: start,
      periodDays: 30,
      hourlyValue: 6000,
    },
  );
  const scope = { userId: ownerId, businessId, auditId: audit.id };
  const entries = createEntryService({ db, clock });
  for (const t of WEEK) {
    for (const [day, minutes] of t.minutes.entries()) {
      if (minutes > 0)
        await entries.create(scope, {
          taskName: t.task,
          date: addDays(start, day),
          minutes,
        });
    }
  }
  const tasks = createTaskService({ db });
  for (const task of await tasks.list(scope)) {
    const t = WEEK.find((w) => w.task === task.name);
    if (t)
      await tasks.update(
        { ...scope, taskId: task.id },
        {
          frequency: t.frequency,
          dislike: t.dislike,
          nature: t.nature,
          category: t.category,
        },
      );
  }
}
