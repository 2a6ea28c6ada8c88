import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MyProfile, PublicProfile } from '../../../core/contracts/profiles.ts';
import { errorPaths } from '../../../../test/audit-factories.ts';
import { buildMember, buildUser, buildBusiness } from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildProfessional, fullProfile, saveProfile } from '../../../../test/profile-factories.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';
import { professionalProfiles, skills } from '../../db/schema/index.ts';
import { publicProfileHead, publicProfileSitemap } from './public-profile.ts';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set('2026-01-15T12:00:00Z');
  cast = await buildCast(ctx);
});

async function derived(userId: string) {
  const [row] = await ctx.db
    .select()
    .from(professionalProfiles)
    .where(eq(professionalProfiles.userId, userId));
  if (!row) throw new Error('no profile');
  return row;
}

/** Whether the profile's search document matches `query` (as the directory queries it). */
async function matches(userId: string, query: string): Promise<boolean> {
  const { rows } = await ctx.pool.query<{ hit: boolean }>(
    `select search @@ websearch_to_tsquery('english', $2) as hit from professional_profiles where user_id = $1`,
    [userId, query],
  );
  return rows[0]?.hit === true;
}

it('is found by the directory under another form of a word it holds ("bookkeepers", "bakery")', async () => {
  const { user } = await buildProfessional(ctx, 'stemmed-search', {
    headline: 'Bookkeeper for small bakeries in Quarteira',
  });
  const res = await call(ctx, null, {
    method: 'GET',
    url: '/api/v1/directory?q=quarteira%20bookkeepers%20bakery',
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json<{ items: { id: string }[] }>().items.map((e) => e.id)).toContain(user.id);
});

describe('role matrix', () => {
  const onlyTheProfessional = (ok: number) => ({
    anonymous: 401,
    owner: 404,
    manager: 404,
    viewer: 404,
    otherBusiness: 404,
    professional: ok,
    admin: 404,
  });

  it('GET /me/profile: the professional only; people without a profile are told to start one', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: '/api/v1/me/profile' }),
      onlyTheProfessional(200),
    );
  });

  it('PUT /me/profile: each person saves only their own; no profile → 404', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'PUT',
        url: '/api/v1/me/profile',
        payload: fullProfile('matrix-pro'),
      }),
      onlyTheProfessional(200),
    );
  });

  it('GET /pros/:slug: anyone reads a public profile', async () => {
    const { profile } = await buildProfessional(ctx, 'public-pro');
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: `/api/v1/pros/${profile.slug}` }),
      200,
    );
  });

  it('PUT /admin/profiles/:userId/moderation: admins only', async () => {
    const { user } = await buildProfessional(ctx, 'moderated-matrix');
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'PUT',
        url: `/api/v1/admin/profiles/${user.id}/moderation`,
        payload: { hidden: false },
      }),
      200,
    );
  });
});

describe('saving a profile', () => {
  it('stores every section and reads it back, in order', async () => {
    const { profile } = await buildProfessional(ctx, 'maria-sousa');
    expect(profile).toMatchObject({
      slug: 'maria-sousa',
      name: 'Maria Sousa',
      headline: 'Bookkeeper for small bakeries',
      skills: [
        { slug: 'bookkeeping', name: 'Bookkeeping', years: 8 },
        { slug: 'xero', name: 'Xero', years: 5 },
        { slug: 'vat-returns', name: 'VAT returns', years: 6 },
      ],
      categories: ['bookkeeping'],
      experience: [{ company: 'Padaria Lda', role: 'Bookkeeper', start: '2019-01', end: null }],
      education: [{ school: 'University of Porto', degree: 'BSc', field: 'Accounting' }],
      certifications: [{ name: 'Xero Advisor', issuer: 'Xero', year: 2020, url: null }],
      portfolio: [{ title: 'Monthly close for a bakery chain', files: [] }],
      hourlyRate: { amount: 4600, currency: 'EUR' },
      timeZone: 'Europe/Lisbon',
      ownTimeZone: 'Europe/Lisbon',
      languages: [
        { code: 'en', level: 'fluent' },
        { code: 'pt', level: 'native' },
      ],
      country: 'PT',
      availability: { status: 'limited', hoursPerWeek: 20 },
      visibility: 'public',
      isPublic: true,
      moderation: null,
    });
    // Everything but the photo.
    expect(profile.completeness).toEqual({
      percent: 90,
      missing: [expect.objectContaining({ key: 'photo', target: 'profile-photo' })],
    });
  });

  it('gives a new profile an address made from the name', async () => {
    const user = await buildUser(ctx, { name: 'José Müller' });
    const started = await call(ctx, user, {
      method: 'POST',
      url: '/api/v1/me/professional-profile',
    });
    expect(started.statusCode).toBe(201);
    const mine = await call(ctx, user, { method: 'GET', url: '/api/v1/me/profile' });
    expect(mine.json<MyProfile>()).toMatchObject({
      slug: 'jose-muller',
      completeness: { percent: 0 },
    });
    // A second José gets the name's address with a suffix.
    const other = await buildUser(ctx, { name: 'Jose Muller', professional: true });
    const second = await call(ctx, other, { method: 'GET', url: '/api/v1/me/profile' });
    expect(second.json<MyProfile>().slug).toMatch(/^jose-muller-[0-9a-f]{4}$/);
  });

  it('refuses a save made after another one (no lost edits) and takes one carrying the latest version', async () => {
    const { user, profile } = await buildProfessional(ctx, 'two-tabs');
    ctx.clock.advance(1000);
    const first = await saveProfile(ctx, user, {
      ...fullProfile('two-tabs', { headline: 'From tab one' }),
      expectedUpdatedAt: profile.updatedAt,
    });
    const stale = await call(ctx, user, {
      method: 'PUT',
      url: '/api/v1/me/profile',
      payload: {
        ...fullProfile('two-tabs', { headline: 'From tab two' }),
        expectedUpdatedAt: profile.updatedAt,
      },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect((await derived(user.id)).headline).toBe('From tab one');
    ctx.clock.advance(1000);
    const again = await saveProfile(ctx, user, {
      ...fullProfile('two-tabs', { headline: 'From tab two' }),
      expectedUpdatedAt: first.updatedAt,
    });
    expect(again.headline).toBe('From tab two');
  });

  it('answers a taken address with 409 naming the field, and lets the owner change theirs', async () => {
    await buildProfessional(ctx, 'taken-slug');
    const { user } = await buildProfessional(ctx, 'wants-taken');
    const res = await call(ctx, user, {
      method: 'PUT',
      url: '/api/v1/me/profile',
      payload: fullProfile('Taken-Slug'),
    });
    expect(res.statusCode).toBe(409);
    expect(errorPaths(res)).toEqual(['body.slug']);
    const moved = await saveProfile(ctx, user, fullProfile('new-address'));
    expect(moved.slug).toBe('new-address');
    expect(
      (await call(ctx, null, { method: 'GET', url: '/api/v1/pros/wants-taken' })).statusCode,
    ).toBe(404);
    expect(
      (await call(ctx, null, { method: 'GET', url: '/api/v1/pros/new-address' })).statusCode,
    ).toBe(200);
  });

  it('names each bad field in plain words, never a 500', async () => {
    const { user } = await buildProfessional(ctx, 'bad-input');
    const res = await call(ctx, user, {
      method: 'PUT',
      url: '/api/v1/me/profile',
      payload: {
        ...fullProfile('a'),
        bio: 'nul \u0000 here',
        skills: [
          { name: '...', years: 2 },
          { name: 'Xero', years: 99 },
        ],
        experience: [{ company: 'X', role: 'Y', start: '2020-05', end: '2019-01' }],
        hourlyRate: { amount: 100, currency: 'XXQ' },
        timeZone: 'Mars/Olympus',
        languages: [{ code: 'zz', level: 'native' }],
        country: 'pt',
        availability: { status: 'limited' },
        portfolio: [{ title: 'x', links: ['javascript:alert(1)'] }],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(errorPaths(res)).toEqual(
      expect.arrayContaining([
        'body.slug',
        'body.bio',
        'body.skills.0.name',
        'body.skills.1.years',
        'body.experience.0.end',
        'body.hourlyRate.currency',
        'body.timeZone',
        'body.languages.0.code',
        'body.country',
        'body.availability.hoursPerWeek',
        'body.portfolio.0.links.0',
      ]),
    );
  });

  it('refuses unknown categories and currencies without a rate, naming them', async () => {
    const { user } = await buildProfessional(ctx, 'unknown-refs');
    const res = await call(ctx, user, {
      method: 'PUT',
      url: '/api/v1/me/profile',
      payload: fullProfile('unknown-refs', {
        categories: ['bookkeeping', 'astrology'],
        hourlyRate: { amount: 100, currency: 'ISK' },
      }),
    });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res).sort()).toEqual(['body.categories.1', 'body.hourlyRate.currency']);
  });

  it('keeps portfolio items by id, and never touches another professional’s item', async () => {
    const { user: a, profile: pa } = await buildProfessional(ctx, 'owner-a');
    const { user: b } = await buildProfessional(ctx, 'owner-b');
    const itemA = pa.portfolio[0]!.id;
    const saved = await saveProfile(
      ctx,
      b,
      fullProfile('owner-b', { portfolio: [{ id: itemA, title: 'Hijacked' }] }),
    );
    expect(saved.portfolio[0]!.id).not.toBe(itemA);
    const aAfter = await call(ctx, a, { method: 'GET', url: '/api/v1/me/profile' });
    expect(aAfter.json<MyProfile>().portfolio).toEqual([
      expect.objectContaining({ id: itemA, title: 'Monthly close for a bakery chain' }),
    ]);
    // The owner's own id keeps the item.
    const kept = await saveProfile(
      ctx,
      a,
      fullProfile('owner-a', {
        portfolio: [{ id: itemA, title: 'Renamed' }, { title: 'New one' }],
      }),
    );
    expect(kept.portfolio.map((i) => [i.id === itemA, i.title])).toEqual([
      [true, 'Renamed'],
      [false, 'New one'],
    ]);
  });
});

describe('derived directory columns', () => {
  it('are right after each kind of change', async () => {
    const { user } = await buildProfessional(ctx, 'derived-pro', {}, 'Inês Quaresma');
    let row = await derived(user.id);
    expect(row).toMatchObject({
      skillSlugs: ['bookkeeping', 'xero', 'vat-returns'],
      languageCodes: ['en', 'pt'],
      yearsExperience: 8,
      // 46.00 EUR at 0.92 EUR per USD.
      rateUsd: 5000,
      // 09:00–17:00 in Lisbon in January (UTC+0).
      workStartUtc: 540,
      workEndUtc: 1020,
      completeness: 90,
    });
    expect(await matches(user.id, 'Quaresma bakeries')).toBe(true);
    expect(await matches(user.id, 'monthly close chain')).toBe(true);
    expect(await matches(user.id, 'VAT')).toBe(true);
    // Stemmed like the directory's query: "bakery" finds "bakeries".
    expect(await matches(user.id, 'bakery')).toBe(true);

    // Skills, rate, hours (now in summer time), languages, portfolio.
    ctx.clock.set('2026-07-15T12:00:00Z');
    await saveProfile(
      ctx,
      user,
      fullProfile('derived-pro', {
        skills: [{ name: 'Payroll', years: 12 }],
        hourlyRate: { amount: 6000, currency: 'USD' },
        languages: [{ code: 'es', level: 'basic' }],
        portfolio: [],
        headline: '',
      }),
    );
    row = await derived(user.id);
    expect(row).toMatchObject({
      skillSlugs: ['payroll'],
      languageCodes: ['es'],
      yearsExperience: 12,
      rateUsd: 6000,
      workStartUtc: 480,
      workEndUtc: 960,
      // No headline (10), fewer than 3 skills (15), no portfolio (15), no photo (10).
      completeness: 50,
    });
    // The portfolio's title is gone ("monthly closes" is still in the bio).
    expect(await matches(user.id, 'chain')).toBe(false);
    expect(await matches(user.id, 'payroll')).toBe(true);

    // No rate, no hours.
    await saveProfile(
      ctx,
      user,
      fullProfile('derived-pro', { hourlyRate: null, workingHours: null, skills: [] }),
    );
    row = await derived(user.id);
    expect(row).toMatchObject({
      rateUsd: null,
      workStartUtc: null,
      workEndUtc: null,
      yearsExperience: 0,
      skillSlugs: [],
    });

    // The owner's name changes through the accounts API.
    const renamed = await call(ctx, user, {
      method: 'PATCH',
      url: '/api/v1/me',
      payload: { name: 'Inês Barbosa' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(await matches(user.id, 'Barbosa')).toBe(true);
    expect(await matches(user.id, 'Quaresma')).toBe(false);
    ctx.clock.set('2026-01-15T12:00:00Z');
  });

  it('follows the account’s time zone when the profile has none', async () => {
    const { user } = await buildProfessional(ctx, 'follows-account', { timeZone: null });
    // The account's zone is UTC by default.
    expect(await derived(user.id)).toMatchObject({ workStartUtc: 540, workEndUtc: 1020 });
    await call(ctx, user, {
      method: 'PATCH',
      url: '/api/v1/me',
      payload: { timeZone: 'Asia/Tokyo' },
    });
    // 09:00–17:00 in Tokyo (UTC+9) is 00:00–08:00 UTC.
    expect(await derived(user.id)).toMatchObject({ workStartUtc: 0, workEndUtc: 480 });
  });

  it('adds skills to the autocomplete only from public profiles', async () => {
    await buildProfessional(ctx, 'hidden-skills', {
      visibility: 'hidden',
      skills: [{ name: 'Secret Hidden Skill', years: 1 }],
    });
    await buildProfessional(ctx, 'shown-skills', {
      skills: [{ name: 'Sourdough Costing', years: 3 }],
    });
    const names = (await ctx.db.select({ slug: skills.slug }).from(skills)).map((s) => s.slug);
    expect(names).toContain('sourdough-costing');
    expect(names).not.toContain('secret-hidden-skill');
  });
});

describe('the public profile', () => {
  it('shows everything a client needs, the bio rendered safely, never the e-mail', async () => {
    const hostile =
      '<script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3)) **bold**';
    const { user } = await buildProfessional(ctx, 'public-page', { bio: hostile });
    const res = await call(ctx, null, { method: 'GET', url: '/api/v1/pros/PUBLIC-PAGE' });
    expect(res.statusCode).toBe(200);
    const page = res.json<PublicProfile>();
    expect(page).toMatchObject({
      slug: 'public-page',
      name: 'Maria Sousa',
      rating: { average: null, reviewCount: 0, completedJobs: 0, isNew: true },
      hourlyRate: { amount: 4600, currency: 'EUR' },
      availability: { status: 'limited', hoursPerWeek: 20 },
    });
    expect(page.bioHtml).toContain('<strong>bold</strong>');
    // Escaped as text: no element, no attribute, no javascript: link.
    expect(page.bioHtml).not.toMatch(/<script|<img|href="javascript/i);
    expect(page.bioHtml).toContain('&lt;script&gt;');
    expect(res.body).not.toContain(user.email);
  });

  it('is a 404 when hidden, moderated or unknown — except to its owner and admins', async () => {
    const { user } = await buildProfessional(ctx, 'hidden-pro', { visibility: 'hidden' });
    const status = async (who: Parameters<typeof call>[1], slug = 'hidden-pro') =>
      (await call(ctx, who, { method: 'GET', url: `/api/v1/pros/${slug}` })).statusCode;
    expect(await status(null)).toBe(404);
    expect(await status(cast.people.owner)).toBe(404);
    expect(await status(cast.people.professional)).toBe(404);
    expect(await status(user)).toBe(200);
    expect(await status(cast.people.admin)).toBe(200);
    expect(await status(null, 'no-such-pro')).toBe(404);

    const { user: flagged } = await buildProfessional(ctx, 'flagged-pro');
    const hide = await call(ctx, cast.people.admin, {
      method: 'PUT',
      url: `/api/v1/admin/profiles/${flagged.id}/moderation`,
      payload: { hidden: true, reason: 'Contact details in the headline' },
    });
    expect(hide.json()).toEqual({
      userId: flagged.id,
      hidden: true,
      reason: 'Contact details in the headline',
    });
    expect(await status(null, 'flagged-pro')).toBe(404);
    // Making it public again does not undo an admin's decision.
    await saveProfile(ctx, flagged, fullProfile('flagged-pro', { visibility: 'public' }));
    expect(await status(null, 'flagged-pro')).toBe(404);
    const mine = await call(ctx, flagged, { method: 'GET', url: '/api/v1/me/profile' });
    expect(mine.json<MyProfile>()).toMatchObject({
      isPublic: false,
      moderation: { reason: 'Contact details in the headline' },
    });
    await call(ctx, cast.people.admin, {
      method: 'PUT',
      url: `/api/v1/admin/profiles/${flagged.id}/moderation`,
      payload: { hidden: false },
    });
    expect(await status(null, 'flagged-pro')).toBe(200);
  });

  it('asks an admin for a reason when hiding, and answers 404 for someone with no profile', async () => {
    const noReason = await call(ctx, cast.people.admin, {
      method: 'PUT',
      url: `/api/v1/admin/profiles/${cast.people.professional.id}/moderation`,
      payload: { hidden: true },
    });
    expect(errorPaths(noReason)).toEqual(['body.reason']);
    const nobody = await call(ctx, cast.people.admin, {
      method: 'PUT',
      url: `/api/v1/admin/profiles/${cast.people.owner.id}/moderation`,
      payload: { hidden: false },
    });
    expect(nobody.statusCode).toBe(404);
  });

  it('gives head tags and sitemap entries for visible profiles only', async () => {
    await buildProfessional(ctx, 'head-pro', { headline: 'Cakes & <Costs>' }, 'Ana "Books" Lima');
    await buildProfessional(ctx, 'head-hidden', { visibility: 'hidden' });
    const head = await publicProfileHead(ctx.db, 'head-pro', ctx.config);
    expect(head).toEqual({
      title: 'Ana "Books" Lima — Cakes & <Costs>',
      description: 'Cakes & <Costs>',
      url: 'http://localhost:3000/pros/head-pro',
      image: null,
    });
    expect(await publicProfileHead(ctx.db, 'head-hidden', ctx.config)).toBeNull();
    expect(await publicProfileHead(ctx.db, 'nobody', ctx.config)).toBeNull();
    expect(
      await publicProfileHead(ctx.db, 'head-pro', { ...ctx.config, mode: 'workspace' }),
    ).toBeNull();
    const paths = (await publicProfileSitemap(ctx.db, ctx.config)).map((e) => e.path);
    expect(paths).toContain('/pros/head-pro');
    expect(paths).not.toContain('/pros/head-hidden');
    expect(await publicProfileSitemap(ctx.db, { mode: 'workspace' })).toEqual([]);
  });
});

describe('in a private workspace', () => {
  it('profiles are read only by signed-in members of a business and the professional', async () => {
    const ws = await createTestContext({ config: { mode: 'workspace' } });
    const { owner } = await buildBusiness(ws);
    const { business } = await buildBusiness(ws, { name: 'Other' });
    const viewer = await buildMember(ws, business.id, 'viewer');
    const { user } = await buildProfessional(ws, 'workspace-pro');
    const loner = await buildUser(ws);
    const status = async (who: Parameters<typeof call>[1]) =>
      (await call(ws, who, { method: 'GET', url: '/api/v1/pros/workspace-pro' })).statusCode;
    expect(await status(null)).toBe(404);
    expect(await status(loner)).toBe(404);
    expect(await status(owner)).toBe(200);
    expect(await status(viewer)).toBe(200);
    expect(await status(user)).toBe(200);
    const mine = await call(ws, user, { method: 'GET', url: '/api/v1/me/profile' });
    expect(mine.json<MyProfile>().isPublic).toBe(false);
  });
});
