/**
 * The demo professionals' full profiles, saved through the profile service as the editor saves
 * them, so the directory's derived columns (search document, rate in USD, working window in
 * UTC, completeness) are what the app itself would store. No photos: the demo ships no images.
 */
import { inArray } from 'drizzle-orm';
import { SaveProfileSchema, type SaveProfileInput } from '../core/contracts/profiles.ts';
import type { Db } from '../server/db/client.ts';
import { users } from '../server/db/schema/index.ts';
import type { Config } from '../server/env.ts';
import { createProfileService } from '../server/features/profiles/profiles.ts';
import { systemClock } from '../server/lib/clock.ts';
import { createFileStore } from '../server/lib/files.ts';

const weekdays = [1, 2, 3, 4, 5];

const PROFILES: Record<string, Omit<SaveProfileInput, 'headline' | 'bio'>> = {
  'aisha@pro.example': {
    slug: 'aisha-bello',
    skills: [
      { name: 'Logo design', years: 8 },
      { name: 'Brand identity', years: 8 },
      { name: 'Packaging design', years: 5 },
      { name: 'Adobe Illustrator', years: 9 },
    ],
    categories: ['design'],
    experience: [
      {
        company: 'Studio Ọkà',
        role: 'Lead designer',
        start: '2019-03',
        end: null,
        description: 'Identities for food and retail brands across West Africa and Europe.',
      },
      { company: 'Lagos Print Co.', role: 'Junior designer', start: '2016-01', end: '2019-02' },
    ],
    education: [
      {
        school: 'Yaba College of Technology',
        degree: 'HND',
        field: 'Graphic design',
        startYear: 2012,
        endYear: 2015,
      },
    ],
    certifications: [
      { name: 'Adobe Certified Professional: Illustrator', issuer: 'Adobe', year: 2021 },
    ],
    portfolio: [
      {
        title: 'Rebrand of a family bakery',
        description: 'Logo, packaging and shop signs; three rounds of revisions.',
        links: ['https://example.com/bakery-rebrand'],
      },
      {
        title: 'Coffee roaster packaging',
        description: 'A label system for twelve single-origin coffees.',
      },
    ],
    hourlyRate: { amount: 3500, currency: 'USD' },
    timeZone: 'Africa/Lagos',
    workingHours: { days: weekdays, start: '09:00', end: '17:00' },
    languages: [
      { code: 'en', level: 'native' },
      { code: 'yo', level: 'native' },
      { code: 'fr', level: 'conversational' },
    ],
    country: 'NG',
    availability: { status: 'available' },
  },
  'mateo@pro.example': {
    slug: 'mateo-ruiz',
    skills: [
      { name: 'Shopify', years: 6 },
      { name: 'WooCommerce', years: 4 },
      { name: 'JavaScript', years: 8 },
      { name: 'Payment integrations', years: 5 },
    ],
    categories: ['web-development'],
    experience: [
      {
        company: 'Freelance',
        role: 'E-commerce developer',
        start: '2018-06',
        end: null,
        description:
          'Store set-ups, integrations and speed fixes for small shops in the US and Spain.',
      },
    ],
    education: [
      {
        school: 'Universidad de Buenos Aires',
        degree: 'Licenciatura',
        field: 'Computer science',
        startYear: 2011,
        endYear: 2016,
      },
    ],
    portfolio: [
      {
        title: 'Outdoor gear store on Shopify',
        description: 'Migrated 1,200 products and cut page load time in half.',
        links: ['https://example.com/outdoor-store'],
      },
    ],
    hourlyRate: { amount: 4500, currency: 'USD' },
    timeZone: 'America/Argentina/Buenos_Aires',
    workingHours: { days: weekdays, start: '08:00', end: '16:00' },
    languages: [
      { code: 'es', level: 'native' },
      { code: 'en', level: 'fluent' },
    ],
    country: 'AR',
    availability: { status: 'limited', hoursPerWeek: 25 },
  },
  'yuki@pro.example': {
    slug: 'yuki-tanaka',
    skills: [
      { name: 'Bookkeeping', years: 10 },
      { name: 'Xero', years: 6 },
      { name: 'QuickBooks', years: 7 },
    ],
    categories: ['bookkeeping'],
    experience: [
      {
        company: 'Tanaka Books',
        role: 'Bookkeeper',
        start: '2015-04',
        end: null,
        description: 'Monthly closes for small online shops in Japan, Australia and the UK.',
      },
    ],
    certifications: [{ name: 'Xero Advisor', issuer: 'Xero', year: 2019 }],
    portfolio: [
      {
        title: 'Monthly close checklist for online shops',
        description: 'The checklist I follow each month, shared with clients.',
      },
    ],
    hourlyRate: { amount: 6000, currency: 'JPY' },
    timeZone: 'Asia/Tokyo',
    workingHours: { days: weekdays, start: '10:00', end: '18:00' },
    languages: [
      { code: 'ja', level: 'native' },
      { code: 'en', level: 'fluent' },
    ],
    country: 'JP',
    availability: { status: 'available' },
  },
  'olena@pro.example': {
    slug: 'olena-kovalenko',
    skills: [
      { name: 'Copywriting', years: 7 },
      { name: 'Newsletters', years: 5 },
      { name: 'Translation', years: 6 },
    ],
    categories: ['writing'],
    experience: [{ company: 'Freelance', role: 'Copywriter', start: '2017-09', end: null }],
    education: [
      {
        school: 'Taras Shevchenko National University of Kyiv',
        degree: 'MA',
        field: 'Philology',
        startYear: 2010,
        endYear: 2016,
      },
    ],
    portfolio: [
      {
        title: 'About page for a ceramics studio',
        description: 'From a list of facts to a story customers quote back.',
      },
    ],
    hourlyRate: { amount: 4000, currency: 'EUR' },
    timeZone: 'Europe/Kyiv',
    workingHours: { days: weekdays, start: '09:00', end: '18:00' },
    languages: [
      { code: 'uk', level: 'native' },
      { code: 'en', level: 'fluent' },
    ],
    country: 'UA',
    availability: { status: 'limited', hoursPerWeek: 20 },
  },
};

/** Completes the profiles of the demo professionals (each already has a headline and bio). */
export async function demoProfiles(db: Db, config: Config): Promise<void> {
  const service = createProfileService({
    db,
    clock: systemClock,
    config,
    files: createFileStore(config.dataDir),
  });
  const people = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, Object.keys(PROFILES)));
  for (const person of people) {
    const mine = await service.getMine({ userId: person.id });
    const body = SaveProfileSchema.parse({
      ...PROFILES[person.email],
      headline: mine.headline,
      bio: `${mine.bio}\n\nI reply within a working day and send a short written update every Friday.`,
    });
    await service.save({ userId: person.id }, body);
  }
}
