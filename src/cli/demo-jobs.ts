/**
 * The demo's jobs, made through the same services as the API so that checker scores, the board's
 * search document, specification versions and skills are what the app itself would store.
 */
import { addDays, todayIn } from '../core/audit.ts';
import {
  CreateJobSchema,
  UpdateJobSchema,
  type BriefInput,
  type BusinessJob,
  type CreateJob,
  type SpecInput,
} from '../core/contracts/jobs.ts';
import type { Visibility } from '../core/jobs.ts';
import type { Db } from '../server/db/client.ts';
import type { Config } from '../server/env.ts';
import { createJobInvitationService } from '../server/features/jobs/invitations.ts';
import { createJobService } from '../server/features/jobs/jobs.ts';
import { createLifecycleService } from '../server/features/jobs/lifecycle.ts';
import { systemClock } from '../server/lib/clock.ts';
import { createNotifier } from '../server/features/notifications/index.ts';
import { createMailer } from '../server/lib/mail.ts';

export interface DemoBusiness {
  name: string;
  ownerId: string;
  businessId: string;
  timeZone: string;
}

/** Online pre-orders for the bakery: published, then its specification changed once (v1 → v2). */
const PRE_ORDERS_BRIEF = {
  title: 'Online pre-orders for celebration cakes on our bakery website',
  summary:
    'We are a family bakery in Lisbon with two shops. Customers order birthday and wedding cakes by phone today, which ties up our staff at the counter. We want them to choose a cake, a size, a pick-up shop and a date on our WordPress website and pay a deposit online. We will give admin access to a staging copy of the site and to our Stripe account.',
  category: 'web-development',
  skills: ['WordPress', 'WooCommerce', 'API integration'],
  budget: { type: 'fixed', currency: 'EUR', min: 120000, max: 200000 },
} satisfies BriefInput;

const PRE_ORDERS_SPEC = {
  description:
    '## Today\nAbout 40 cake orders a month come in by phone and are written in a paper book at each shop.\n\n## What we want\nA pre-order page on our WordPress site: the customer picks a cake from our 12 celebration cakes, a size, a message for the top, a shop and a pick-up date, and pays a 30% deposit by card.',
  deliverables: [
    { id: 'd1', text: 'Pre-order page on the staging site' },
    { id: 'd2', text: 'Pre-order page on the live site' },
    { id: 'd3', text: 'Order list for each shop' },
  ],
  acceptanceCriteria: [
    {
      id: 'a1',
      text: 'A test customer places and pays a pre-order on staging in Chrome, Safari and Firefox, on a computer and on a phone',
      deliverableId: 'd1',
    },
    {
      id: 'a2',
      text: 'Pick-up dates less than 48 hours ahead cannot be chosen',
      deliverableId: 'd1',
    },
    {
      id: 'a3',
      text: 'Each paid pre-order appears in the live WooCommerce orders within 1 minute',
      deliverableId: 'd2',
    },
    {
      id: 'a4',
      text: 'Each shop prints its orders for the next 3 days as one A4 list, sorted by pick-up time',
      deliverableId: 'd3',
    },
  ],
  requirements: [
    {
      id: 'r1',
      text: 'Card payments go through our Stripe account; no card data is stored on our server',
      priority: 'must',
      deliverableId: 'd2',
    },
    {
      id: 'r2',
      text: 'The page is in Portuguese and English',
      priority: 'should',
      deliverableId: 'd1',
    },
    {
      id: 'r3',
      text: 'A reminder e-mail to the customer the day before pick-up',
      priority: 'could',
      deliverableId: 'd2',
    },
  ],
  successDefinition:
    'At least half of our cake orders arrive through the website within two months, and nobody at the counter writes an order in the book.',
  constraints: 'Keep our current theme and hosting. No plugin costing over 100 EUR a year.',
} satisfies SpecInput;

/** What the bakery changed after publishing: 72 hours’ notice, and a cap of 8 cakes a day. */
const PRE_ORDERS_SPEC_V2 = {
  ...PRE_ORDERS_SPEC,
  acceptanceCriteria: PRE_ORDERS_SPEC.acceptanceCriteria.map((c) =>
    c.id === 'a2'
      ? {
          ...c,
          text: 'Pick-up dates less than 72 hours ahead, or days that already have 8 cake orders, cannot be chosen',
        }
      : c,
  ),
  constraints: `${PRE_ORDERS_SPEC.constraints} Our ovens bake at most 8 celebration cakes a day.`,
} satisfies SpecInput;

/** A first draft as people write them: the checker has plenty to say. */
const VAGUE_DRAFT = {
  brief: {
    title: 'Marketing help',
    summary: 'We need someone to make our social media better and more engaging, ASAP.',
    category: 'social-media',
  },
  spec: {
    description: 'Some nice posts and maybe a few reels, etc. Should be easy for an expert.',
    deliverables: [{ id: 'd1', text: 'Posts' }],
    successDefinition: 'More followers.',
  },
} satisfies { brief: BriefInput; spec: SpecInput };

const TINS_BRIEF = {
  title: 'Illustrated packaging for our gift biscuit tins',
  summary:
    'We sell butter biscuits in round gift tins, about 600 tins a year. We want a new illustration that wraps around the tin and its lid, in the style of our shop: warm, hand-drawn, a little old-fashioned. We will send the printer’s template, photos of our shops and the biscuits, and our logo files.',
  category: 'design',
  skills: ['Packaging design', 'Illustration', 'Adobe Illustrator'],
  budget: { type: 'fixed', currency: 'EUR', min: 60000, max: 90000 },
} satisfies BriefInput;

const TINS_SPEC = {
  description:
    'The tin is 20 cm across and 8 cm high; the printer’s template shows the wrap and the lid. The printer needs the final files by the deadline in the brief.',
  deliverables: [
    { id: 'd1', text: 'Two pencil sketches of the wrap and the lid' },
    { id: 'd2', text: 'Print-ready artwork' },
  ],
  acceptanceCriteria: [
    {
      id: 'a1',
      text: 'Two different sketches delivered as one PDF within 10 days of the start',
      deliverableId: 'd1',
    },
    {
      id: 'a2',
      text: 'Artwork delivered as PDF/X-1a in CMYK with 3 mm bleed, on the printer’s template, and accepted by the printer’s file check',
      deliverableId: 'd2',
    },
  ],
  requirements: [
    {
      id: 'r1',
      text: 'Original illustration; copyright passes to us on payment',
      priority: 'must',
      deliverableId: 'd2',
    },
    {
      id: 'r2',
      text: 'Our logo appears on the lid at least 6 cm wide',
      priority: 'must',
      deliverableId: 'd2',
    },
    {
      id: 'r3',
      text: 'One round of changes on the chosen sketch',
      priority: 'should',
      deliverableId: 'd1',
    },
  ],
  successDefinition:
    'The printer prints 600 tins from the files with no changes, and they are on our shelves within 6 weeks of the deadline.',
  constraints: 'At most 4 printed colours plus gold foil. No stock illustrations.',
} satisfies SpecInput;

/** Northwind's jobs, so the board shows more than one business, currency and kind of work. */
const NORTHWIND_JOBS: { brief: BriefInput; spec: SpecInput; days: number }[] = [
  {
    days: 21,
    brief: {
      title: 'Speed up the product pages of our Shopify store',
      summary:
        'Northwind Outfitters sells outdoor clothing and camping gear on Shopify. Our product pages take over 5 seconds to load on phones and we lose customers at checkout. We want a developer to find what slows the store down and fix it without changing how it looks. We will give staff access to the store and our Google Analytics.',
      category: 'web-development',
      skills: ['Shopify', 'JavaScript', 'Google Analytics'],
      budget: { type: 'fixed', currency: 'USD', min: 150000, max: 250000 },
    },
    spec: {
      description:
        'The store has 420 products, a theme from 2022 and 14 apps installed. We suspect the apps and the image sizes.',
      deliverables: [
        { id: 'd1', text: 'Written audit of what slows the store down' },
        { id: 'd2', text: 'Fixes applied to the live store' },
      ],
      acceptanceCriteria: [
        {
          id: 'a1',
          text: 'The audit lists each cause with its measured cost in seconds, as a PDF of at most 5 pages',
          deliverableId: 'd1',
        },
        {
          id: 'a2',
          text: 'Product pages score at least 70 for mobile performance in PageSpeed Insights',
          deliverableId: 'd2',
        },
      ],
      requirements: [
        {
          id: 'r1',
          text: 'No change to the store’s look that a customer would notice',
          priority: 'must',
          deliverableId: 'd2',
        },
        {
          id: 'r2',
          text: 'Apps are removed only with our approval',
          priority: 'should',
          deliverableId: 'd2',
        },
      ],
      successDefinition:
        'Product pages load in under 2.5 seconds on a phone, and at least 10% more visitors who add to the cart complete checkout in the month after.',
      constraints: 'Work on a duplicate theme first; publish only after we approve it.',
    },
  },
  {
    days: 30,
    brief: {
      title: 'Product descriptions for 40 hiking backpacks',
      summary:
        'We are adding 40 hiking backpacks to our online store and need a description for each: what it is for, how it fits, what it holds and how it differs from the others. We will send the maker’s spec sheets, photos, and three descriptions we already like as examples of our tone.',
      category: 'writing',
      skills: ['Copywriting', 'SEO writing'],
      budget: { type: 'fixed', currency: 'USD', min: 60000, max: 100000 },
    },
    spec: {
      description:
        'Each backpack has a spec sheet from the maker (volume, weight, back length, materials). Our readers are weekend hikers, not experts.',
      deliverables: [
        { id: 'd1', text: 'Descriptions for the 40 backpacks' },
        { id: 'd2', text: 'Search titles and meta descriptions' },
      ],
      acceptanceCriteria: [
        {
          id: 'a1',
          text: 'Each description has 120 to 200 words and a list of 5 key facts, in one Google Sheet',
          deliverableId: 'd1',
        },
        {
          id: 'a2',
          text: 'Each product has a title of at most 60 characters and a meta description of at most 155',
          deliverableId: 'd2',
        },
      ],
      requirements: [
        {
          id: 'r1',
          text: 'Every figure matches the maker’s spec sheet',
          priority: 'must',
          deliverableId: 'd1',
        },
        {
          id: 'r2',
          text: 'Written in American English',
          priority: 'should',
          deliverableId: 'd1',
        },
      ],
      successDefinition:
        'All 40 backpacks go live with their descriptions, and we change no more than 2 of them after review.',
      constraints: 'No claims about waterproofing beyond what the maker states.',
    },
  },
];

/**
 * The bakery gets a job from the logo template (well specified), a published job whose
 * specification changed once (two versions and a diff), a vague draft the checker picks
 * apart, and an invite-only job with `invitee` invited; Northwind gets two public jobs.
 * In a private workspace every job is invite-only.
 */
export async function demoJobs(
  db: Db,
  config: Config,
  {
    bakery,
    northwind,
    invitee,
  }: { bakery: DemoBusiness; northwind: DemoBusiness; invitee: string },
): Promise<string[]> {
  const clock = systemClock;
  const jobService = createJobService({ db, clock, config });
  const lifecycle = createLifecycleService({ db, clock, mode: config.mode });
  // Demo addresses are never deliverable: the invitation goes to the dev mailbox, even with SMTP.
  const mailer = createMailer({ db, from: config.mailFrom });
  const invitations = createJobInvitationService({
    db,
    clock,
    mailer,
    baseUrl: config.baseUrl,
    notify: createNotifier({ mailer, baseUrl: config.baseUrl, clock }),
  });
  const open: Visibility = config.mode === 'workspace' ? 'invite-only' : 'public';
  const inDays = (b: DemoBusiness, days: number) => addDays(todayIn(b.timeZone, clock.now()), days);
  // Parsed as the API parses a request body, so the demo's jobs are ones the API would accept.
  const create = (b: DemoBusiness, body: CreateJob) =>
    jobService.create({ userId: b.ownerId, businessId: b.businessId }, CreateJobSchema.parse(body));
  const lines: string[] = [];
  const note = (job: BusinessJob, ...more: string[]) => {
    const facts = [
      job.status === 'open' ? job.visibility : job.status,
      `checker score ${job.check.score}`,
      (job.specVersion ?? 0) > 1 ? `specification v${job.specVersion}` : null,
      ...more,
    ];
    lines.push(`    ${job.brief.title} (${facts.filter(Boolean).join(', ')})`);
  };

  const { ownerId: maria, businessId: crumb } = bakery;
  lines.push(`  ${bakery.name}:`);
  const logo = await create(bakery, {
    templateSlug: 'logo-design',
    brief: {
      title: 'Logo for Crumb & Co., a family bakery in Lisbon',
      budget: { type: 'fixed', currency: 'EUR', min: 40000, max: 70000 },
      deadline: inDays(bakery, 45),
    },
  });
  note(
    await lifecycle.publish(
      { userId: maria, businessId: crumb, jobId: logo.id },
      { visibility: open },
    ),
  );

  const preOrders = await create(bakery, {
    brief: { ...PRE_ORDERS_BRIEF, deadline: inDays(bakery, 60) },
    spec: PRE_ORDERS_SPEC,
  });
  await lifecycle.publish(
    { userId: maria, businessId: crumb, jobId: preOrders.id },
    { visibility: open },
  );
  note(
    await jobService.update(
      { userId: maria, businessId: crumb, jobId: preOrders.id },
      UpdateJobSchema.parse({ spec: PRE_ORDERS_SPEC_V2 }),
    ),
  );

  note(await create(bakery, VAGUE_DRAFT));

  const tins = await create(bakery, {
    brief: { ...TINS_BRIEF, deadline: inDays(bakery, 50) },
    spec: TINS_SPEC,
  });
  const invited = await lifecycle.publish(
    { userId: maria, businessId: crumb, jobId: tins.id },
    {
      visibility: 'invite-only',
      ndaRequired: true,
    },
  );
  await invitations.invite({ userId: maria, businessId: crumb, jobId: tins.id }, invitee);
  note(invited, `${invitee} invited`);

  lines.push(`  ${northwind.name}:`);
  for (const { brief, spec, days } of NORTHWIND_JOBS) {
    const job = await create(northwind, {
      brief: { ...brief, deadline: inDays(northwind, days) },
      spec,
    });
    note(
      await lifecycle.publish(
        { userId: northwind.ownerId, businessId: northwind.businessId, jobId: job.id },
        {
          visibility: open,
        },
      ),
    );
  }
  return lines;
}
