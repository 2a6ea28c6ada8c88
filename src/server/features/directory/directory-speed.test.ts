/**
 * What the directory's speed-ups must not change: facet counts cached per search are dropped the
 * moment profiles or listings change; rate and rating bounds written on the order's key keep
 * exactly the matches the plain bounds keep; relevance still ranks the best match first.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryPage } from '../../../core/contracts/directory.ts';
import {
  buildDirectoryListing,
  buildDirectoryProfile,
  type DirectoryProfileOptions,
} from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildCast, type Cast } from '../../../../test/role-matrix.ts';
import { businessListings, professionalProfiles, talentContacts } from '../../db/schema/index.ts';
import { newId } from '../../lib/ids.ts';
import { FACET_SAMPLE } from '../../../core/directory.ts';
import { listDirectoryPage, readFacets, readRelevantPage, type FacetRow } from './queries.ts';
import type { DirectoryFilter } from './filter-queries.ts';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

const freshSkill = () => `tag${randomBytes(4).toString('hex')}`;
const pro = (tag: string, o: DirectoryProfileOptions = {}) =>
  buildDirectoryProfile(ctx, { ...o, skills: [...(o.skills ?? []), tag] });

async function directory(query: string, who: Parameters<typeof call>[1] = null) {
  const res = await call(ctx, who, { method: 'GET', url: `/api/v1/directory?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<DirectoryPage>();
}
const ids = (page: DirectoryPage) => page.items.map((e) => e.id);

describe('facet counts cached per search', () => {
  it('are read again as soon as a profile is added, edited, hidden or removed', async () => {
    const tag = freshSkill();
    const a = await pro(tag, { country: 'PT' });
    await pro(tag, { country: 'PT' });
    const counts = async () => {
      const page = await directory(`skills=${tag}`);
      return { total: page.total, countries: page.facets!.countries };
    };
    expect(await counts()).toEqual({
      total: { count: 2, more: false },
      countries: [{ value: 'PT', count: 2 }],
    });
    // The same search again answers the same (from the cache).
    expect((await counts()).total).toEqual({ count: 2, more: false });

    const c = await pro(tag, { country: 'FR' });
    expect(await counts()).toEqual({
      total: { count: 3, more: false },
      countries: [
        { value: 'FR', count: 1 },
        { value: 'PT', count: 2 },
      ].sort((x, y) => y.count - x.count),
    });

    await ctx.db
      .update(professionalProfiles)
      .set({ country: 'FR' })
      .where(eq(professionalProfiles.userId, a.id));
    expect((await counts()).countries).toEqual([
      { value: 'FR', count: 2 },
      { value: 'PT', count: 1 },
    ]);

    await ctx.db
      .update(professionalProfiles)
      .set({ visibility: 'hidden' })
      .where(eq(professionalProfiles.userId, c.id));
    expect((await counts()).total).toEqual({ count: 2, more: false });

    await ctx.db.delete(professionalProfiles).where(eq(professionalProfiles.userId, a.id));
    expect(await counts()).toEqual({
      total: { count: 1, more: false },
      countries: [{ value: 'PT', count: 1 }],
    });
  });

  it('are read again when a listing is approved or withdrawn', async () => {
    const word = `studio${randomBytes(3).toString('hex')}`;
    const listing = await buildDirectoryListing(ctx, { name: `Atelier ${word}` });
    const total = async () => (await directory(`kind=businesses&q=${word}`)).total;
    expect(await total()).toEqual({ count: 1, more: false });
    await ctx.db
      .update(businessListings)
      .set({ status: 'rejected' })
      .where(eq(businessListings.id, listing.id));
    expect(await total()).toEqual({ count: 0, more: false });
  });

  it('are read afresh for a pool, whose membership is not under the change counter', async () => {
    const tag = freshSkill();
    const b = cast.businessId;
    // Both profiles exist before the first count: only the pool changes after it.
    const [first, second] = [await pro(tag), await pro(tag)];
    const join = (userId: string) =>
      ctx.db.insert(talentContacts).values({ id: newId(), businessId: b, userId, inPool: true });
    await join(first.id);
    const total = async () =>
      (await directory(`skills=${tag}&businessId=${b}&pool=true`, cast.people.owner)).total;
    expect(await total()).toEqual({ count: 1, more: false });
    await join(second.id);
    expect(await total()).toEqual({ count: 2, more: false });
  });
});

describe('pages cached per search', () => {
  it('are read again as soon as a profile is added, edited, hidden or a listing changes', async () => {
    const tag = freshSkill();
    const a = await pro(tag, { headline: 'Kilns', rating: { avg: 4, reviews: 1 } });
    const page = async (query = '') => {
      const p = await directory(`skills=${tag}&sort=rating${query}`);
      return p.items.map((e) => `${e.headline}/${e.country ?? '-'}`);
    };
    expect(await page()).toEqual(['Kilns/-']);
    // The same search again answers the same (from the cache).
    expect(await page()).toEqual(['Kilns/-']);

    const b = await pro(tag, { headline: 'Glazes', rating: { avg: 5, reviews: 1 } });
    expect(await page()).toEqual(['Glazes/-', 'Kilns/-']);

    await ctx.db
      .update(professionalProfiles)
      .set({ country: 'PT' })
      .where(eq(professionalProfiles.userId, a.id));
    expect(await page()).toEqual(['Glazes/-', 'Kilns/PT']);

    await ctx.db
      .update(professionalProfiles)
      .set({ visibility: 'hidden' })
      .where(eq(professionalProfiles.userId, b.id));
    expect(await page()).toEqual(['Kilns/PT']);

    const word = `atelier${randomBytes(3).toString('hex')}`;
    const listing = await buildDirectoryListing(ctx, { name: `Studio ${word}` });
    const names = async () => (await directory(`q=${word}`)).items.map((e) => e.name);
    expect(await names()).toEqual([`Studio ${word}`]);
    await ctx.db
      .update(businessListings)
      .set({ status: 'rejected' })
      .where(eq(businessListings.id, listing.id));
    expect(await names()).toEqual([]);
  });

  it('keep each page of a search apart', async () => {
    const tag = freshSkill();
    for (let i = 0; i < 3; i++) await pro(tag, { rating: { avg: 1 + i, reviews: 1 } });
    const first = await directory(`skills=${tag}&sort=rating&limit=2`);
    const second = await directory(
      `skills=${tag}&sort=rating&limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`,
    );
    const all = await directory(`skills=${tag}&sort=rating&limit=3`);
    expect([...ids(first), ...ids(second)]).toEqual(ids(all));
    expect(ids(await directory(`skills=${tag}&sort=rating&limit=2`))).toEqual(ids(first));
  });

  it('are read afresh for a pool, whose membership is not under the change counter', async () => {
    const tag = freshSkill();
    const b = cast.businessId;
    const [first, second] = [await pro(tag), await pro(tag)];
    const join = (userId: string) =>
      ctx.db.insert(talentContacts).values({ id: newId(), businessId: b, userId, inPool: true });
    await join(first.id);
    const pool = async () =>
      ids(await directory(`skills=${tag}&businessId=${b}&pool=true`, cast.people.owner));
    expect(await pool()).toEqual([first.id]);
    await join(second.id);
    expect(new Set(await pool())).toEqual(new Set([first.id, second.id]));
  });
});

describe('bounds on the order’s own key', () => {
  it('keep the same matches in every order: no rate and no rating stay out', async () => {
    const tag = freshSkill();
    const usd = (cents: number) => ({ amount: cents, currency: 'USD', usdCents: cents });
    const cheap = await pro(tag, { rate: usd(2000), rating: { avg: 3, reviews: 1 } });
    const mid = await pro(tag, { rate: usd(5000), rating: { avg: 1, reviews: 1 } });
    const dear = await pro(tag, { rate: usd(12000), rating: { avg: 4.5, reviews: 2 } });
    await pro(tag, { rate: null, rating: null });
    for (const sort of ['rate-asc', 'rate-desc', 'rating', 'experience']) {
      const asSet = async (q: string) =>
        new Set(ids(await directory(`skills=${tag}&sort=${sort}&${q}`)));
      expect(await asSet('rateMin=2000'), sort).toEqual(new Set([cheap.id, mid.id, dear.id]));
      expect(await asSet('rateMin=0'), sort).toEqual(new Set([cheap.id, mid.id, dear.id]));
      expect(await asSet('rateMax=5000'), sort).toEqual(new Set([cheap.id, mid.id]));
      expect(await asSet('rateMin=2001&rateMax=12000'), sort).toEqual(new Set([mid.id, dear.id]));
      expect(await asSet('minRating=1'), sort).toEqual(new Set([cheap.id, mid.id, dear.id]));
      expect(await asSet('minRating=3'), sort).toEqual(new Set([cheap.id, dear.id]));
    }
    expect(ids(await directory(`skills=${tag}&sort=rate-asc&rateMax=12000`))).toEqual([
      cheap.id,
      mid.id,
      dear.id,
    ]);
    expect(ids(await directory(`skills=${tag}&sort=rate-desc&rateMin=1`))).toEqual([
      dear.id,
      mid.id,
      cheap.id,
    ]);
  });
});

describe('relevance over its candidates', () => {
  it('still ranks the best match first, and pages through every match once', async () => {
    const tag = freshSkill();
    const word = `kiln${randomBytes(3).toString('hex')}`;
    const weak = [];
    for (let i = 0; i < 4; i++) weak.push(await pro(tag, { bio: `Fired a ${word} once` }));
    const best = await pro(tag, { name: `Kit ${word}`, headline: `${word} ${word} repairs` });
    const first = await directory(`q=${word}&sort=relevance&limit=2`);
    expect(ids(first)[0]).toBe(best.id);
    const seen = [...ids(first)];
    let cursor = first.nextCursor;
    while (cursor) {
      const next = await directory(
        `q=${word}&sort=relevance&limit=2&cursor=${encodeURIComponent(cursor)}`,
      );
      seen.push(...ids(next));
      cursor = next.nextCursor;
    }
    expect(new Set(seen)).toEqual(new Set([best.id, ...weak.map((w) => w.id)]));
    expect(seen).toHaveLength(5);
  });
});

describe('a relevance search’s first page and counts from one read', () => {
  it('are the page and the counts the two statements of later pages and other orders give', async () => {
    const word = `loom${randomBytes(3).toString('hex')}`;
    await pro(freshSkill(), {
      name: `Lia ${word}`,
      headline: `${word} ${word} weaving`,
      country: 'PT',
      languages: ['pt', 'en'],
      rate: { amount: 4000, currency: 'EUR', usdCents: 4300 },
      rating: { avg: 4.5, reviews: 2 },
    });
    for (let i = 0; i < 4; i++) {
      await pro(freshSkill(), { bio: `A ${word} on weekends`, country: i % 2 ? 'FR' : 'DE' });
    }
    await buildDirectoryListing(ctx, { name: `${word} Studio`, description: `Hand ${word} work` });
    const f: DirectoryFilter = {
      q: word,
      kind: 'all',
      skillSlugs: [],
      languageCodes: [],
      sort: 'relevance',
      limit: 3,
    };
    const one = await readRelevantPage(ctx.db, f, FACET_SAMPLE);
    const page = await listDirectoryPage(ctx.db, f);
    const facets = await readFacets(ctx.db, f, FACET_SAMPLE);
    expect(one.rows).toHaveLength(4);
    expect(one.rows).toEqual(page.rows);
    // The profiles read, which each statement lists in the order it met them.
    const idsOf = (rows: FacetRow[]) =>
      rows
        .find((r) => r.facet === 'ids')!
        .value!.split(',')
        .sort();
    const counted = (rows: FacetRow[]) => new Set(rows.filter((r) => r.facet !== 'ids'));
    expect(idsOf(one.facets)).toEqual(idsOf(facets));
    expect(idsOf(facets)).toHaveLength(5);
    expect(one.read).toEqual({ ids: expect.any(String), all: true });
    expect(one.read.ids.split(',').sort()).toEqual(idsOf(facets));
    expect(counted(one.facets)).toEqual(counted(facets));
    expect(one.facets).toContainEqual({ facet: 'total', value: null, count: 5 });
    expect(one.facets).toContainEqual({ facet: 'listings', value: null, count: 1 });
  });
});
