import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryEntry, DirectoryPage } from '../../../core/contracts/directory.ts';
import { errorPaths } from '../../../../test/audit-factories.ts';
import {
  buildBusiness,
  buildDirectoryListing,
  buildDirectoryProfile,
  type DirectoryProfileOptions,
} from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';
import {
  businessConnections,
  recommendations,
  savedListItems,
  savedLists,
  talentContacts,
} from '../../db/schema/index.ts';
import { newId } from '../../lib/ids.ts';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
  // A winter day: Lisbon is UTC+0, New York UTC−5, Tokyo UTC+9.
  ctx.clock.set('2026-01-14T12:00:00Z');
});

/** Each test's professionals share a skill of their own, and its queries filter on it. */
const freshSkill = () => `tag${randomBytes(4).toString('hex')}`;

const pro = (tag: string, o: DirectoryProfileOptions = {}) =>
  buildDirectoryProfile(ctx, { ...o, skills: [...(o.skills ?? []), tag] });

async function directory(query: string, who: Parameters<typeof call>[1] = null) {
  const res = await call(ctx, who, { method: 'GET', url: `/api/v1/directory?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<DirectoryPage>();
}
const ids = (page: { items: DirectoryEntry[] }) => page.items.map((e) => e.id);

describe('GET /api/v1/directory', () => {
  it('shows visible profiles only: never hidden or moderated ones', async () => {
    const tag = freshSkill();
    const shown = await pro(tag, { name: 'Visible Vera' });
    await pro(tag, { name: 'Hidden Hal', visibility: 'hidden' });
    await pro(tag, { name: 'Moderated Mo', moderated: true });
    expect(ids(await directory(`skills=${tag}`))).toEqual([shown.id]);
    // Not by name either, nor as a signed-in member, nor in the facets' total.
    const page = await directory(`q=Hal%20Mo&skills=${tag}`, cast.people.owner);
    expect(page.items).toEqual([]);
    const named = await directory(`q=moderated`);
    expect(named.items.map((e) => e.name)).not.toContain('Moderated Mo');
  });

  it('shows a card: name, headline, rate in the viewer’s currency, overlap, "new", availability', async () => {
    const tag = freshSkill();
    const p = await pro(tag, {
      name: 'Ana Card',
      headline: 'Bookkeeper for bakeries',
      rate: { amount: 4600, currency: 'EUR', usdCents: 5000 },
      hours: { timeZone: 'Europe/Lisbon', start: '08:00', end: '16:00' },
      yearsExperience: 7,
      country: 'PT',
      languages: ['pt', 'en'],
      availability: 'limited',
      availabilityHoursPerWeek: 10,
    });
    const page = await directory(
      `skills=${tag}&currency=GBP&timeZone=America/New_York&hoursStart=09:00&hoursEnd=17:00`,
    );
    expect(page.items).toEqual([
      expect.objectContaining({
        kind: 'professional',
        id: p.id,
        slug: p.slug,
        name: 'Ana Card',
        headline: 'Bookkeeper for bakeries',
        // 50 USD at 0.79 GBP per USD.
        rate: { amount: 3950, currency: 'GBP' },
        rateOriginal: { amount: 4600, currency: 'EUR' },
        // Lisbon 08–16 is 08–16 UTC; New York 09–17 is 14–22 UTC: two hours shared.
        overlapHours: 2,
        rating: null,
        reviewCount: 0,
        yearsExperience: 7,
        availability: 'limited',
        availabilityHoursPerWeek: 10,
        country: 'PT',
        trustedRecommendations: 0,
        inPool: false,
        savedLists: [],
      }),
    ]);
    expect(page.viewer).toEqual({
      currency: 'GBP',
      timeZone: 'America/New_York',
      hoursStart: '09:00',
      hoursEnd: '17:00',
      sort: 'rating',
    });
  });

  describe('full-text search', () => {
    it('finds by name, headline, skills, bio and portfolio titles, every word of a multi-word query', async () => {
      const tag = freshSkill();
      const a = await pro(tag, { name: 'Zelda Quartz', headline: 'Pastry photographer' });
      const b = await pro(tag, { bio: 'I reconcile ledgers for croissant makers' });
      const c = await pro(tag, { portfolioTitles: ['Sourdough packaging redesign'] });
      const d = await pro(tag, { skills: ['xero'], headline: 'Pastry accountant' });
      expect(ids(await directory(`skills=${tag}&q=quartz`))).toEqual([a.id]);
      expect(ids(await directory(`skills=${tag}&q=croissant%20ledger`))).toEqual([b.id]);
      expect(ids(await directory(`skills=${tag}&q=sourdough%20packaging`))).toEqual([c.id]);
      expect(ids(await directory(`skills=${tag}&q=pastry%20xero`))).toEqual([d.id]);
      expect(new Set(ids(await directory(`skills=${tag}&q=pastry`)))).toEqual(
        new Set([a.id, d.id]),
      );
    });

    it('ranks by relevance: a match in the name or headline before one in the bio', async () => {
      const tag = freshSkill();
      const inBio = await pro(tag, { bio: 'Some gardening on weekends' });
      const inHeadline = await pro(tag, { headline: 'Gardening and landscaping' });
      const page = await directory(`skills=${tag}&q=gardening&sort=relevance`);
      expect(ids(page)).toEqual([inHeadline.id, inBio.id]);
      expect(page.viewer.sort).toBe('relevance');
    });
  });

  describe('facets', () => {
    it('filters by category, skills (all of), languages (all of), country and availability', async () => {
      const tag = freshSkill();
      const a = await pro(tag, {
        categories: ['design'],
        skills: ['figma', 'illustrator'],
        languages: ['en', 'fr'],
        country: 'FR',
        availability: 'available',
      });
      const b = await pro(tag, {
        categories: ['bookkeeping'],
        skills: ['figma'],
        languages: ['en'],
        country: 'PT',
        availability: 'unavailable',
      });
      expect(ids(await directory(`skills=${tag}&category=design`))).toEqual([a.id]);
      expect(ids(await directory(`skills=${tag},figma,illustrator`))).toEqual([a.id]);
      expect(new Set(ids(await directory(`skills=${tag},figma`)))).toEqual(new Set([a.id, b.id]));
      expect(ids(await directory(`skills=${tag}&languages=en,fr`))).toEqual([a.id]);
      expect(ids(await directory(`skills=${tag}&country=pt`))).toEqual([b.id]);
      expect(ids(await directory(`skills=${tag}&availability=unavailable`))).toEqual([b.id]);
    });

    it('filters by an hourly rate range typed in the viewer’s currency, bounds included', async () => {
      const tag = freshSkill();
      const cheap = await pro(tag, { rate: { amount: 2000, currency: 'USD', usdCents: 2000 } });
      const mid = await pro(tag, { rate: { amount: 4600, currency: 'EUR', usdCents: 5000 } });
      const dear = await pro(tag, { rate: { amount: 12000, currency: 'USD', usdCents: 12000 } });
      await pro(tag, { rate: null });
      // 46 EUR is 50 USD exactly at 0.92: the bound includes it.
      expect(ids(await directory(`skills=${tag}&currency=EUR&rateMin=4600&rateMax=4600`))).toEqual([
        mid.id,
      ]);
      expect(new Set(ids(await directory(`skills=${tag}&rateMax=5000`)))).toEqual(
        new Set([cheap.id, mid.id]),
      );
      expect(ids(await directory(`skills=${tag}&rateMin=10000`))).toEqual([dear.id]);
    });

    it('filters by minimum rating, completed jobs and years; "new" professionals have no rating', async () => {
      const tag = freshSkill();
      const good = await pro(tag, {
        rating: { avg: 4.8, reviews: 12 },
        completedJobs: 15,
        yearsExperience: 9,
      });
      const ok = await pro(tag, {
        rating: { avg: 3.9, reviews: 3 },
        completedJobs: 3,
        yearsExperience: 2,
      });
      const fresh = await pro(tag, { yearsExperience: 4 });
      expect(ids(await directory(`skills=${tag}&minRating=4.5`))).toEqual([good.id]);
      expect(new Set(ids(await directory(`skills=${tag}&minJobs=3`)))).toEqual(
        new Set([good.id, ok.id]),
      );
      expect(new Set(ids(await directory(`skills=${tag}&minYears=4`)))).toEqual(
        new Set([good.id, fresh.id]),
      );
      const card = (await directory(`skills=${tag}&minYears=4`)).items.find(
        (e) => e.id === fresh.id,
      );
      expect(card?.rating).toBeNull();
    });

    it('filters by hours shared with the business’s working day (its zone and hours)', async () => {
      const tag = freshSkill();
      // The cast's business: Lisbon, 09:00–17:00 (UTC 09–17 in winter).
      const lisbon = await pro(tag, {
        hours: { timeZone: 'Europe/Lisbon', start: '09:00', end: '17:00' },
      });
      const newYork = await pro(tag, {
        hours: { timeZone: 'America/New_York', start: '09:00', end: '17:00' },
      });
      const tokyo = await pro(tag, {
        hours: { timeZone: 'Asia/Tokyo', start: '09:00', end: '17:00' },
      });
      await pro(tag, { hours: null });
      const q = `skills=${tag}&businessId=${cast.businessId}`;
      const all = await directory(q, cast.people.owner);
      const hours = Object.fromEntries(all.items.map((e) => [e.id, e.overlapHours]));
      // New York 14–22 UTC shares 3 hours; Tokyo 00–08 UTC shares none.
      expect(hours[lisbon.id]).toBe(8);
      expect(hours[newYork.id]).toBe(3);
      expect(hours[tokyo.id]).toBe(0);
      expect(new Set(ids(await directory(`${q}&overlap=3`, cast.people.owner)))).toEqual(
        new Set([lisbon.id, newYork.id]),
      );
      expect(ids(await directory(`${q}&overlap=4`, cast.people.owner))).toEqual([lisbon.id]);
      // An anonymous viewer in Tokyo gives their zone and hours.
      expect(
        ids(
          await directory(
            `skills=${tag}&timeZone=Asia/Tokyo&hoursStart=08:00&hoursEnd=18:00&overlap=6`,
          ),
        ),
      ).toEqual([tokyo.id]);
    });

    it('counts matches per category, skill, country, language and availability', async () => {
      const tag = freshSkill();
      await pro(tag, { categories: ['design'], country: 'PT', languages: ['pt'] });
      await pro(tag, { categories: ['design'], country: 'PT', languages: ['pt', 'en'] });
      await pro(tag, { categories: ['bookkeeping'], country: 'FR', availability: 'limited' });
      const page = await directory(`skills=${tag}`);
      const facets = page.facets!;
      expect(page.total).toEqual({ count: 3, more: false });
      expect(facets.sampled).toBe(false);
      expect(facets.categories).toEqual([
        { value: 'design', count: 2 },
        { value: 'bookkeeping', count: 1 },
      ]);
      expect(facets.skills).toEqual([{ value: tag, count: 3 }]);
      expect(facets.countries).toEqual([
        { value: 'PT', count: 2 },
        { value: 'FR', count: 1 },
      ]);
      expect(facets.languages).toEqual([
        { value: 'pt', count: 2 },
        { value: 'en', count: 1 },
      ]);
      expect(facets.availability).toEqual([
        { value: 'available', count: 2 },
        { value: 'limited', count: 1 },
      ]);
    });
  });

  describe('sorts and pages', () => {
    it('sorts by rating, rate both ways and experience, unknown values last', async () => {
      const tag = freshSkill();
      const a = await pro(tag, {
        rating: { avg: 4.1, reviews: 2 },
        rate: { amount: 3000, currency: 'USD', usdCents: 3000 },
        yearsExperience: 3,
      });
      const b = await pro(tag, {
        rating: { avg: 4.9, reviews: 9 },
        rate: { amount: 9000, currency: 'USD', usdCents: 9000 },
        yearsExperience: 1,
      });
      const c = await pro(tag, { rating: null, rate: null, yearsExperience: 12 });
      expect(ids(await directory(`skills=${tag}&sort=rating`))).toEqual([b.id, a.id, c.id]);
      expect(ids(await directory(`skills=${tag}&sort=rate-asc`))).toEqual([a.id, b.id, c.id]);
      expect(ids(await directory(`skills=${tag}&sort=rate-desc`))).toEqual([b.id, a.id, c.id]);
      expect(ids(await directory(`skills=${tag}&sort=experience`))).toEqual([c.id, a.id, b.id]);
    });

    it('pages with a cursor through every match exactly once, in every order', async () => {
      const tag = freshSkill();
      const made = [];
      for (let i = 0; i < 7; i++) {
        made.push(
          await pro(tag, {
            headline: i % 2 ? 'Tax adviser' : 'Tax adviser and tax filing',
            rating: i % 3 ? { avg: 4, reviews: 1 } : null,
            rate: i % 2 ? { amount: 1000 * i, currency: 'USD', usdCents: 1000 * i } : null,
            yearsExperience: i % 4,
          }),
        );
      }
      for (const sort of ['relevance', 'rating', 'rate-asc', 'rate-desc', 'experience']) {
        const seen: string[] = [];
        let cursor: string | null = null;
        let first: DirectoryPage | undefined;
        do {
          const after: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
          const page = await directory(`skills=${tag}&q=tax&sort=${sort}&limit=3${after}`);
          if (cursor) expect(page.facets === null && page.total === null, sort).toBe(true);
          first ??= page;
          seen.push(...ids(page));
          cursor = page.nextCursor;
        } while (cursor);
        expect(seen.length, sort).toBe(7);
        // Counts come with the first page only; later pages leave them to it.
        expect(first, sort).toMatchObject({ total: { count: 7, more: false } });
        expect(new Set(seen), sort).toEqual(new Set(made.map((m) => m.id)));
      }
    });

    it('refuses a cursor from another order or one it never gave out (400 naming cursor)', async () => {
      const tag = freshSkill();
      await pro(tag);
      await pro(tag);
      const first = await directory(`skills=${tag}&sort=rating&limit=1`);
      const res = await call(ctx, null, {
        method: 'GET',
        url: `/api/v1/directory?skills=${tag}&sort=experience&cursor=${first.nextCursor}`,
      });
      expect(res.statusCode).toBe(400);
      expect(errorPaths(res)).toEqual(['querystring.cursor']);
      const bad = await call(ctx, null, {
        method: 'GET',
        url: '/api/v1/directory?cursor=eyJ4IjoxfQ',
      });
      expect(bad.statusCode).toBe(400);
    });
  });

  describe('business listings', () => {
    it('shows approved listings only, marked as businesses, with the kind filter', async () => {
      const word = `agency${randomBytes(3).toString('hex')}`;
      const approved = await buildDirectoryListing(ctx, {
        name: `Bright ${word}`,
        categories: ['design'],
      });
      await buildDirectoryListing(ctx, { name: `Pending ${word}`, status: 'pending' });
      await buildDirectoryListing(ctx, { name: `Rejected ${word}`, status: 'rejected' });
      const person = await buildDirectoryProfile(ctx, { headline: `Freelance ${word}` });
      const all = await directory(`q=${word}`);
      expect(new Set(ids(all))).toEqual(new Set([approved.id, person.id]));
      expect(all.items.find((e) => e.id === approved.id)?.kind).toBe('business');
      expect(ids(await directory(`q=${word}&kind=businesses`))).toEqual([approved.id]);
      expect(ids(await directory(`q=${word}&kind=professionals`))).toEqual([person.id]);
      expect(ids(await directory(`q=${word}&category=design`))).toEqual([approved.id]);
      // A filter only professionals have leaves listings out.
      expect(ids(await directory(`q=${word}&minYears=0`))).toEqual([person.id]);
    });
  });

  describe('the viewer’s business', () => {
    it('counts live recommendations by businesses it trusts (accepted connections only)', async () => {
      const tag = freshSkill();
      const p = await pro(tag);
      const viewer = cast.businessId;
      const [trustedA, trustedB, pending, stranger] = await Promise.all(
        ['Trusted A', 'Trusted B', 'Pending C', 'Stranger D'].map((name) =>
          buildBusiness(ctx, { name }).then((b) => b.business.id),
        ),
      );
      await ctx.db.insert(businessConnections).values([
        { id: newId(), requesterId: viewer, addresseeId: trustedA!, status: 'accepted' },
        { id: newId(), requesterId: trustedB!, addresseeId: viewer, status: 'accepted' },
        { id: newId(), requesterId: viewer, addresseeId: pending!, status: 'pending' },
      ]);
      const recommend = (businessId: string, withdrawn = false) => ({
        id: newId(),
        businessId,
        professionalUserId: p.id,
        note: 'Great',
        withdrawnAt: withdrawn ? ctx.clock.now() : null,
      });
      await ctx.db
        .insert(recommendations)
        .values([
          recommend(trustedA!),
          recommend(trustedB!),
          recommend(pending!),
          recommend(stranger!),
        ]);
      const page = await directory(`skills=${tag}&businessId=${viewer}`, cast.people.viewer);
      expect(page.items[0]?.trustedRecommendations).toBe(2);
      // Anonymous viewers, and other businesses, trust nobody here.
      expect((await directory(`skills=${tag}`)).items[0]?.trustedRecommendations).toBe(0);
    });

    it('marks its pool and saved lists, and pool=true shows only the pool', async () => {
      const tag = freshSkill();
      const inPool = await pro(tag);
      const outside = await pro(tag);
      const b = cast.businessId;
      await ctx.db
        .insert(talentContacts)
        .values({ id: newId(), businessId: b, userId: inPool.id, inPool: true });
      const listId = newId();
      await ctx.db.insert(savedLists).values({ id: listId, businessId: b, name: 'Bakers' });
      await ctx.db.insert(savedListItems).values({ listId, professionalUserId: outside.id });
      const page = await directory(`skills=${tag}&businessId=${b}`, cast.people.owner);
      const byId = Object.fromEntries(page.items.map((e) => [e.id, e]));
      expect(byId[inPool.id]).toMatchObject({ inPool: true, savedLists: [] });
      expect(byId[outside.id]).toMatchObject({
        inPool: false,
        savedLists: [{ id: listId, name: 'Bakers' }],
      });
      expect(
        ids(await directory(`skills=${tag}&businessId=${b}&pool=true`, cast.people.owner)),
      ).toEqual([inPool.id]);
      // Its terms: EUR and Lisbon hours.
      expect(page.viewer).toMatchObject({ currency: 'EUR', timeZone: 'Europe/Lisbon' });
    });

    it('role matrix: anyone may search; with businessId only its members (others 404, anonymous 401)', async () => {
      await expectRoleMatrix(
        ctx,
        cast,
        () => ({ method: 'GET', url: '/api/v1/directory?q=bakery' }),
        200,
      );
      await expectRoleMatrix(
        ctx,
        cast,
        () => ({ method: 'GET', url: `/api/v1/directory?businessId=${cast.businessId}` }),
        {
          ok: 200,
          except: { anonymous: 401, otherBusiness: 404, professional: 404, admin: 404 },
          why: 'businessId asks for the business’s own terms, pool and colleagues: talent.read in it',
        },
      );
    });
  });

  describe('bad input', () => {
    it('answers 400 naming each bad field, never a 500', async () => {
      const cases: [string, string][] = [
        ['rateMin=10&rateMax=5', 'querystring.rateMax'],
        ['currency=XXQ', 'querystring.currency'],
        ['timeZone=Mars/Olympus', 'querystring.timeZone'],
        ['overlap=25', 'querystring.overlap'],
        ['minRating=7', 'querystring.minRating'],
        ['sort=random', 'querystring.sort'],
        ['country=Portugal', 'querystring.country'],
        ['skills=%27%3B%20drop', 'querystring.skills'],
        ['pool=true', 'querystring.businessId'],
        ['hoursStart=25:00', 'querystring.hoursStart'],
      ];
      for (const [query, path] of cases) {
        const res = await call(ctx, null, { method: 'GET', url: `/api/v1/directory?${query}` });
        expect(res.statusCode, query).toBe(400);
        expect(errorPaths(res), query).toContain(path);
      }
    });
  });
});
