/**
 * Hiring — bids (issue 11): a published job of the bakery with eight bids from eight demo
 * professionals — the four of the demo and four more made here with full profiles — varied in
 * price, terms, currency, time zone and experience, so the owner has something to shortlist.
 * Bids go through the bids service as the API sends them (the owner is notified of each).
 */
import { eq, inArray } from 'drizzle-orm';
import { SaveBidSchema, type SaveBidInput } from '../core/contracts/bids.ts';
import { CreateJobSchema } from '../core/contracts/jobs.ts';
import { SaveProfileSchema, type SaveProfileInput } from '../core/contracts/profiles.ts';
import type { Db } from '../server/db/client.ts';
import { professionalProfiles, users } from '../server/db/schema/index.ts';
import type { Config } from '../server/env.ts';
import { createBidService } from '../server/features/bids/bids.ts';
import { createJobInvitationService } from '../server/features/jobs/invitations.ts';
import { createJobService } from '../server/features/jobs/jobs.ts';
import { createLifecycleService } from '../server/features/jobs/lifecycle.ts';
import { createNotifier } from '../server/features/notifications/index.ts';
import { createProfileService } from '../server/features/profiles/profiles.ts';
import { systemClock } from '../server/lib/clock.ts';
import { createFileStore } from '../server/lib/files.ts';
import { createMailer } from '../server/lib/mail.ts';
import { createVerifiedUser } from '../server/lib/users.ts';
import type { DemoBusiness } from './demo-jobs.ts';

const weekdays = [1, 2, 3, 4, 5];

/** A profile's résumé parts, so each added profile is as complete as the demo's others. */
function complete(
  profile: SaveProfileInput,
  work: { company: string; role: string; start: string; school: string; field: string },
): SaveProfileInput {
  return {
    ...profile,
    bio: `${profile.bio ?? ''}\n\nI reply within a working day and send a short written update every Friday.`,
    experience: [
      { company: work.company, role: work.role, start: work.start, end: null, description: '' },
    ],
    education: [{ school: work.school, degree: 'BSc', field: work.field }],
    certifications: [{ name: 'Google UX Design Certificate', issuer: 'Google', year: 2022 }],
    portfolio: [
      {
        title: `${profile.headline}: a recent project`,
        description: 'Built, tested with real customers, and handed over with a short guide.',
      },
    ],
  };
}

/** The four professionals the hiring demo adds to the demo's four. */
const EXTRA: {
  name: string;
  email: string;
  timeZone: string;
  currency: string;
  profile: SaveProfileInput;
}[] = [
  {
    name: 'Lucas Almeida',
    email: 'lucas@pro.example',
    timeZone: 'America/Sao_Paulo',
    currency: 'BRL',
    profile: complete(
      {
        slug: 'lucas-almeida',
        headline: 'WordPress developer for small shops',
        bio: 'Booking and ordering sites on WordPress for cafés, salons and bakeries.',
        skills: [
          { name: 'WordPress', years: 9 },
          { name: 'WooCommerce', years: 6 },
          { name: 'Booking systems', years: 4 },
        ],
        categories: ['web-development'],
        hourlyRate: { amount: 15000, currency: 'BRL' },
        timeZone: 'America/Sao_Paulo',
        workingHours: { days: weekdays, start: '08:00', end: '17:00' },
        languages: [
          { code: 'pt', level: 'native' },
          { code: 'en', level: 'fluent' },
        ],
        country: 'BR',
        availability: { status: 'available' },
      },
      {
        company: 'Café Digital',
        role: 'Developer',
        start: '2016-02',
        school: 'Universidade de São Paulo',
        field: 'Computer science',
      },
    ),
  },
  {
    name: 'Sofia Marques',
    email: 'sofia@pro.example',
    timeZone: 'Europe/Lisbon',
    currency: 'EUR',
    profile: complete(
      {
        slug: 'sofia-marques',
        headline: 'Web developer in Lisbon, Shopify and Squarespace',
        bio: 'Shops and booking pages for Lisbon businesses, in Portuguese and English.',
        skills: [
          { name: 'Shopify', years: 5 },
          { name: 'Squarespace', years: 3 },
          { name: 'Booking systems', years: 3 },
        ],
        categories: ['web-development'],
        hourlyRate: { amount: 5500, currency: 'EUR' },
        timeZone: 'Europe/Lisbon',
        workingHours: { days: weekdays, start: '09:30', end: '18:00' },
        languages: [
          { code: 'pt', level: 'native' },
          { code: 'en', level: 'fluent' },
        ],
        country: 'PT',
        availability: { status: 'limited', hoursPerWeek: 25 },
      },
      {
        company: 'Estúdio Tejo',
        role: 'Web developer',
        start: '2019-09',
        school: 'Universidade de Lisboa',
        field: 'Informatics',
      },
    ),
  },
  {
    name: 'Arjun Mehta',
    email: 'arjun@pro.example',
    timeZone: 'Asia/Kolkata',
    currency: 'INR',
    profile: complete(
      {
        slug: 'arjun-mehta',
        headline: 'Full-stack developer, booking and payments',
        bio: 'Twelve years of web apps; calendars, payments and e-mail reminders are my daily work.',
        skills: [
          { name: 'JavaScript', years: 12 },
          { name: 'Booking systems', years: 6 },
          { name: 'Payment integrations', years: 8 },
        ],
        categories: ['web-development'],
        hourlyRate: { amount: 250000, currency: 'INR' },
        timeZone: 'Asia/Kolkata',
        workingHours: { days: weekdays, start: '11:00', end: '20:00' },
        languages: [
          { code: 'en', level: 'fluent' },
          { code: 'hi', level: 'native' },
        ],
        country: 'IN',
        availability: { status: 'available' },
      },
      {
        company: 'Cal Labs',
        role: 'Senior engineer',
        start: '2013-06',
        school: 'IIT Bombay',
        field: 'Computer science',
      },
    ),
  },
  {
    name: 'Emma Clarke',
    email: 'emma@pro.example',
    timeZone: 'Europe/London',
    currency: 'GBP',
    profile: complete(
      {
        slug: 'emma-clarke',
        headline: 'Junior web designer',
        bio: 'Two years of simple, clean sites for local shops; eager to build a booking page.',
        skills: [
          { name: 'WordPress', years: 2 },
          { name: 'Web design', years: 2 },
          { name: 'Booking systems', years: 1 },
        ],
        categories: ['web-development'],
        hourlyRate: { amount: 2500, currency: 'GBP' },
        timeZone: 'Europe/London',
        workingHours: { days: weekdays, start: '09:00', end: '17:30' },
        languages: [{ code: 'en', level: 'native' }],
        country: 'GB',
        availability: { status: 'available' },
      },
      {
        company: 'Freelance',
        role: 'Web designer',
        start: '2023-01',
        school: 'University of Leeds',
        field: 'Design',
      },
    ),
  },
];

const QUESTIONS = [
  'Which booking tools have you set up before?',
  'How would customers pay the deposit?',
];

/** Each professional's bid, by e-mail: terms, price and what they answer. */
const BIDS: Record<string, SaveBidInput> = {
  'mateo@pro.example': {
    termsType: 'fixed',
    currency: 'USD',
    amount: 90000,
    durationDays: 14,
    coverLetter:
      'I have set up WooCommerce Bookings for two cafés. Two weeks: the page, deposits by card, reminders.',
    milestones: [
      { title: 'Booking page on a staging copy', amount: 45000 },
      { title: 'Deposits, reminders and going live', amount: 45000 },
    ],
    answers: ['WooCommerce Bookings and Calendly.', 'A card deposit through Stripe at booking.'],
  },
  'aisha@pro.example': {
    termsType: 'fixed',
    currency: 'USD',
    amount: 60000,
    durationDays: 10,
    coverLetter:
      'I design more than I code, but I have built two booking pages on Squarespace with clients’ own calendars.',
    answers: ['Squarespace Scheduling.', 'Squarespace’s own card payments.'],
  },
  'yuki@pro.example': {
    termsType: 'hourly',
    currency: 'JPY',
    hourlyRate: 6000,
    estimatedHours: 30,
    durationDays: 21,
    coverLetter:
      'Bookkeeping is my main work; I can set up the booking tool and make deposits reconcile cleanly.',
    answers: ['Square Appointments.', 'Square, so the deposits land in your books.'],
  },
  'olena@pro.example': {
    termsType: 'fixed',
    currency: 'EUR',
    amount: 70000,
    durationDays: 12,
    coverLetter:
      'I write the words that make people book: I would pair with a developer I trust for the page.',
    answers: ['Calendly, with a developer friend.', 'Stripe links in the confirmation e-mail.'],
  },
  'lucas@pro.example': {
    termsType: 'fixed',
    currency: 'BRL',
    amount: 420000,
    durationDays: 15,
    coverLetter:
      'Nine years of WordPress; booking plugins for cafés and salons are what I do most.',
    milestones: [
      { title: 'Design and staging', amount: 210000 },
      { title: 'Payments and launch', amount: 210000 },
    ],
    answers: ['Amelia, Bookly and WooCommerce Bookings.', 'Stripe or MB Way through Amelia.'],
  },
  'sofia@pro.example': {
    termsType: 'fixed',
    currency: 'EUR',
    amount: 110000,
    durationDays: 10,
    coverLetter:
      'I am in Lisbon too: I can visit the shop, and I have built booking for two Lisbon pastelarias.',
    milestones: [
      { title: 'Booking page', amount: 60000 },
      { title: 'Deposits by MB Way and card', amount: 50000 },
    ],
    answers: ['Shopify apps (Sesami) and Squarespace.', 'MB Way and card, through Stripe.'],
  },
  'arjun@pro.example': {
    termsType: 'hourly',
    currency: 'INR',
    hourlyRate: 250000,
    estimatedHours: 24,
    durationDays: 14,
    coverLetter:
      'Calendars and payments are my daily work; I overlap your mornings and would send a plan first.',
    answers: ['Cal.com, Calendly and custom ones.', 'Stripe Checkout with the deposit as a line.'],
  },
  'emma@pro.example': {
    termsType: 'fixed',
    currency: 'GBP',
    amount: 45000,
    durationDays: 20,
    coverLetter: 'A simple, clean booking page on WordPress, with all the care of a first big job.',
    answers: ['None yet for a client; I have tried Bookly.', 'I would ask you which you prefer.'],
  },
};

export async function demoHiring(
  db: Db,
  config: Config,
  { bakery, password }: { bakery: DemoBusiness; password: string },
): Promise<string[]> {
  const clock = systemClock;
  const profiles = createProfileService({
    db,
    clock,
    config,
    files: createFileStore(config.dataDir),
  });
  for (const p of EXTRA) {
    const id = await createVerifiedUser(db, config, { ...p, password });
    await db.insert(professionalProfiles).values({ userId: id });
    await profiles.save({ userId: id }, SaveProfileSchema.parse(p.profile));
  }

  const jobs = createJobService({ db, clock, config });
  const lifecycle = createLifecycleService({ db, clock, mode: config.mode });
  const mailer = createMailer({ db, from: config.mailFrom });
  const notify = createNotifier({ mailer, baseUrl: config.baseUrl, clock });
  const scope = { userId: bakery.ownerId, businessId: bakery.businessId };
  const job = await jobs.create(
    scope,
    CreateJobSchema.parse({
      brief: {
        title: 'Booking page for cake tastings at Crumb & Co.',
        summary:
          'Customers should book a 30-minute wedding-cake tasting at our Lisbon shop online, pay a €20 deposit and get a reminder the day before. Today they phone us, and we miss calls while baking.',
        category: 'web-development',
        skills: ['Booking systems', 'WordPress', 'Payment integrations'],
        budget: { type: 'fixed', currency: 'EUR', min: 60000, max: 120000 },
        durationDays: 21,
        screeningQuestions: QUESTIONS,
      },
      spec: {
        description:
          'Tastings run Tuesday to Saturday, 10:00–17:00, at most three a day. The page lives on our current WordPress site.',
      },
    }),
  );
  const workspace = config.mode === 'workspace';
  await lifecycle.publish(
    { ...scope, jobId: job.id },
    { visibility: workspace ? 'invite-only' : 'public' },
  );

  const people = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(inArray(users.email, Object.keys(BIDS)));
  if (workspace) {
    // A workspace has no public jobs: the bakery invites the eight instead.
    const invitations = createJobInvitationService({
      db,
      clock,
      mailer,
      notify,
      baseUrl: config.baseUrl,
    });
    for (const person of people)
      await invitations.invite({ ...scope, jobId: job.id }, person.email);
  }
  const bids = createBidService({ db, clock, mode: config.mode, notify });
  for (const person of people) {
    const body = BIDS[person.email];
    if (body) await bids.create({ userId: person.id, jobId: job.id }, SaveBidSchema.parse(body));
  }
  const [owner] = await db
    .select({ email: users.email })
    .from(users)
    .where(eq(users.id, bakery.ownerId));
  return [
    `  ${job.brief.title}: ${people.length} bids to shortlist (sign in as ${owner?.email ?? 'the owner'})`,
    ...EXTRA.map((p) => `  ${p.email.padEnd(26)} professional — ${p.profile.headline}`),
  ];
}
