/** Professionals with profiles, saved through the API as the editor saves them. */
import { expect } from 'vitest';
import type { MyProfile, SaveProfileInput } from '../src/core/contracts/profiles.ts';
import { buildUser, type TestUser } from './factories.ts';
import { call, type TestContext } from './harness.ts';

/** A complete profile (100 %) but for the photo and portfolio files. */
export function fullProfile(
  slug: string,
  overrides: Partial<SaveProfileInput> = {},
): SaveProfileInput {
  return {
    slug,
    headline: 'Bookkeeper for small bakeries',
    bio: 'I keep the books of **small food businesses**: monthly closes, VAT returns and clear reports you can read.',
    skills: [
      { name: 'Bookkeeping', years: 8 },
      { name: 'Xero', years: 5 },
      { name: 'VAT returns', years: 6 },
    ],
    categories: ['bookkeeping'],
    experience: [
      { company: 'Padaria Lda', role: 'Bookkeeper', start: '2019-01', end: null, description: '' },
    ],
    education: [{ school: 'University of Porto', degree: 'BSc', field: 'Accounting' }],
    certifications: [{ name: 'Xero Advisor', issuer: 'Xero', year: 2020 }],
    portfolio: [{ title: 'Monthly close for a bakery chain', links: ['https://example.com/case'] }],
    hourlyRate: { amount: 4600, currency: 'EUR' },
    timeZone: 'Europe/Lisbon',
    workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
    languages: [
      { code: 'pt', level: 'native' },
      { code: 'en', level: 'fluent' },
    ],
    country: 'PT',
    availability: { status: 'limited', hoursPerWeek: 20 },
    visibility: 'public',
    ...overrides,
  };
}

export async function saveProfile(
  ctx: TestContext,
  who: TestUser,
  body: SaveProfileInput,
): Promise<MyProfile> {
  const res = await call(ctx, who, { method: 'PUT', url: '/api/v1/me/profile', payload: body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<MyProfile>();
}

/** A professional with a saved profile at `/pros/<slug>`. */
export async function buildProfessional(
  ctx: TestContext,
  slug: string,
  overrides: Partial<SaveProfileInput> = {},
  name = 'Maria Sousa',
) {
  const user = await buildUser(ctx, { professional: true, name });
  const profile = await saveProfile(ctx, user, fullProfile(slug, overrides));
  return { user, profile };
}
