/**
 * Cached search results outlive edits that cannot touch them: after a change, a result is
 * confirmed against the change log (`handoff-cache: revalidated`) when no profile it read changed
 * and no changed profile can enter it, and read again (`miss`) otherwise — with the changed
 * answer. The answers themselves are checked by `directory-speed.test.ts`; this file checks the
 * log keeps results that are still right and drops those that are not.
 */
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryPage } from '../../../core/contracts/directory.ts';
import {
  buildDirectoryListing,
  buildDirectoryProfile,
  type DirectoryProfileOptions,
} from '../../../../test/factories.ts';
import {
  call,
  cookieFrom,
  createTestContext,
  ORIGIN,
  type TestContext,
} from '../../../../test/harness.ts';
import { professionalProfiles } from '../../db/schema/index.ts';
import type { DirectoryFilter } from './filter-queries.ts';
import { readUnchanged } from './queries.ts';
import { checkable, LOG_KEPT_VERSIONS, ResultCache } from './result-cache.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});

const freshSkill = () => `tag${randomBytes(4).toString('hex')}`;
const pro = (tag: string, o: DirectoryProfileOptions = {}) =>
  buildDirectoryProfile(ctx, { ...o, skills: [...(o.skills ?? []), tag] });

async function directory(query: string) {
  const res = await call(ctx, null, { method: 'GET', url: `/api/v1/directory?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return { page: res.json<DirectoryPage>(), cache: res.headers['handoff-cache'] };
}
const headlines = (page: DirectoryPage) => page.items.map((e) => e.headline);
const edit = (userId: string, changes: Partial<typeof professionalProfiles.$inferInsert>) =>
  ctx.db.update(professionalProfiles).set(changes).where(eq(professionalProfiles.userId, userId));

describe('a cached result after a profile changes', () => {
  it('is confirmed when the profile is not in it and does not match it, and read when it is', async () => {
    const tag = freshSkill();
    const kept = await pro(tag, { headline: 'Kilns', country: 'PT' });
    const elsewhere = await pro(freshSkill(), { headline: 'Elsewhere' });
    const search = () => directory(`skills=${tag}`);
    expect((await search()).cache).toBe('miss');
    expect((await search()).cache).toBe('hit');

    await edit(elsewhere.id, { headline: 'Still elsewhere' });
    const after = await search();
    expect(after.cache).toBe('revalidated');
    expect(headlines(after.page)).toEqual(['Kilns']);
    // Confirmed at the new version: the next request is a plain hit.
    expect((await search()).cache).toBe('hit');

    await edit(kept.id, { headline: 'Kilns and glazes' });
    const changed = await search();
    expect(changed.cache).toBe('miss');
    expect(headlines(changed.page)).toEqual(['Kilns and glazes']);
  });

  it('is read again when a changed profile comes to match a search it read every match of', async () => {
    const tag = freshSkill();
    await pro(tag, { headline: 'First', country: 'PT' });
    const newcomer = await pro(tag, { headline: 'Second', country: 'FR' });
    const search = () => directory(`skills=${tag}&country=PT`);
    expect(headlines((await search()).page)).toEqual(['First']);
    await edit(newcomer.id, { country: 'PT' });
    const after = await search();
    expect(after.cache).toBe('miss');
    expect(new Set(headlines(after.page))).toEqual(new Set(['First', 'Second']));
    expect(after.page.facets!.countries).toEqual([{ value: 'PT', count: 2 }]);
  });

  it('keeps a full page in key order when a new match falls after its last row', async () => {
    const tag = freshSkill();
    for (const avg of [5, 4, 3, 2]) {
      await pro(tag, { headline: `r${avg}`, rating: { avg, reviews: 1 } });
    }
    const lower = await pro(freshSkill(), { headline: 'r1', rating: { avg: 1, reviews: 1 } });
    const higher = await pro(freshSkill(), { headline: 'r4.5', rating: { avg: 4.5, reviews: 1 } });
    const join = (userId: string) =>
      ctx.db
        .update(professionalProfiles)
        .set({ skillSlugs: sql`array_append(${professionalProfiles.skillSlugs}, ${tag})` })
        .where(eq(professionalProfiles.userId, userId));
    // The second page alone: a later page has no counts, so its status is the page's own.
    const first = await directory(`skills=${tag}&sort=rating&limit=1`);
    const second = () =>
      directory(
        `skills=${tag}&sort=rating&limit=1&cursor=${encodeURIComponent(first.page.nextCursor!)}`,
      );
    expect(headlines((await second()).page)).toEqual(['r4']);

    // Rated 1, the new match comes after the page's last row read (r3): the page stands.
    await join(lower.id);
    const kept = await second();
    expect(kept.cache).toBe('revalidated');
    expect(headlines(kept.page)).toEqual(['r4']);

    // Rated 4.5, it comes before that row, and enters the page.
    await join(higher.id);
    const entered = await second();
    expect(entered.cache).toBe('miss');
    expect(headlines(entered.page)).toEqual(['r4.5']);
  });
});

describe('a name changed through the sign-in service’s own endpoint', () => {
  it('reaches the directory: found by the new name, listed with it, no longer by the old', async () => {
    const [before, after] = [
      `Quill${randomBytes(3).toString('hex')}`,
      `Nib${randomBytes(3).toString('hex')}`,
    ];
    const signUp = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      headers: { origin: ORIGIN },
      payload: {
        name: `Ada ${before}`,
        email: `rename-${randomBytes(4).toString('hex')}@test.example`,
        password: 'correct-horse-battery',
      },
    });
    expect(signUp.statusCode, signUp.body).toBe(200);
    const who = { cookie: cookieFrom(signUp) };
    const become = await call(ctx, who, { method: 'POST', url: '/api/v1/me/professional-profile' });
    expect(become.statusCode, become.body).toBeLessThan(300);
    const names = async (word: string) =>
      (await directory(`q=${word}`)).page.items.map((e) => e.name);
    expect(await names(before)).toEqual([`Ada ${before}`]);

    const renamed = await call(ctx, who, {
      method: 'POST',
      url: '/api/auth/update-user',
      payload: { name: `Ada ${after}` },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await names(before)).toEqual([]);
    expect(await names(after)).toEqual([`Ada ${after}`]);
  });
});

describe('the change log itself', () => {
  const filterOf = (tag: string): DirectoryFilter => ({
    kind: 'professionals',
    skillSlugs: [tag],
    languageCodes: [],
    sort: 'rating',
    limit: 25,
  });
  const version = async () =>
    BigInt(
      (await ctx.db.execute<{ v: string }>(sql`select version::text as v from directory_changes`))
        .rows[0]!.v,
    );

  it('lets a sample of more matches than it read stand when another profile comes to match', async () => {
    const tag = freshSkill();
    const read = await pro(tag);
    const since = await version();
    const newcomer = await pro(tag);
    const f = filterOf(tag);
    const sampled = { ids: read.id, newMatches: 'none' as const, listings: false };
    const complete = { ids: read.id, newMatches: 'all' as const, listings: false };
    expect((await readUnchanged(ctx.db, f, since, sampled)).unchanged).toBe(true);
    expect((await readUnchanged(ctx.db, f, since, complete)).unchanged).toBe(false);
    // A change to a profile the sample read touches it either way.
    const before = await version();
    await edit(read.id, { headline: 'Edited' });
    expect((await readUnchanged(ctx.db, f, before, sampled)).unchanged).toBe(false);
    expect(newcomer.id).not.toBe(read.id);
  });

  it('logs nothing for a statement that changes no row, and a listing change for listings only', async () => {
    const before = await version();
    await ctx.db
      .update(professionalProfiles)
      .set({ headline: 'never' })
      .where(eq(professionalProfiles.userId, '00000000-0000-7000-8000-000000000000'));
    expect(await version()).toBe(before);

    const word = `atelier${randomBytes(3).toString('hex')}`;
    await buildDirectoryListing(ctx, { name: `Studio ${word}` });
    const f = filterOf(freshSkill());
    const deps = { ids: '', newMatches: 'all' as const };
    expect((await readUnchanged(ctx.db, f, before, { ...deps, listings: false })).unchanged).toBe(
      true,
    );
    expect((await readUnchanged(ctx.db, f, before, { ...deps, listings: true })).unchanged).toBe(
      false,
    );
  });

  it('confirms nothing older than the versions the log keeps, as the check itself sees them', async () => {
    const now = await version();
    const deps = { ids: '', newMatches: 'none' as const, listings: false };
    const f = filterOf(freshSkill());
    expect((await readUnchanged(ctx.db, f, now - LOG_KEPT_VERSIONS, deps)).unchanged).toBe(true);
    expect((await readUnchanged(ctx.db, f, now - LOG_KEPT_VERSIONS - 1n, deps)).unchanged).toBe(
      false,
    );
  });

  it('logs a statement that writes more than 100 profiles as a change to every result', async () => {
    const run = randomBytes(3).toString('hex');
    await ctx.db
      .execute(sql`insert into users (id, name, email, email_verified, time_zone, created_at, updated_at)
      select gen_random_uuid(), 'Bulk ' || n, 'bulk-' || ${run} || '-' || n || '@example.com', true, 'UTC', now(), now()
      from generate_series(1, 101) n`);
    const before = await version();
    await ctx.db.execute(sql`insert into professional_profiles (user_id, slug)
      select id, 'bulk-' || id from users where email like ${`bulk-${run}-%`}`);
    const logged = await ctx.db.execute<{ kind: string; n: number }>(
      sql`select kind, count(*)::int as n from directory_change_log where version > ${String(before)}::bigint group by kind`,
    );
    expect(logged.rows).toEqual([{ kind: 'all', n: 1 }]);
    // Even a result that read nothing of them, and a sample, is read again.
    const deps = { ids: '', newMatches: 'none' as const, listings: false };
    expect((await readUnchanged(ctx.db, filterOf(freshSkill()), before, deps)).unchanged).toBe(
      false,
    );
  });
});

describe('the result cache', () => {
  it('keeps each search apart, never replaces a result with an older one, and forgets the least recently used', () => {
    const deps = { ids: '', newMatches: 'all' as const, listings: false };
    const cache = new ResultCache<number>(2);
    cache.set('a', 1n, 1, deps);
    cache.set('b', 1n, 2, deps);
    expect(cache.get('a')?.value).toBe(1);
    cache.set('c', 1n, 3, deps); // 'b' is the least recently used
    expect(cache.get('b')).toBeUndefined();
    cache.set('a', 3n, 10, deps);
    cache.set('a', 2n, 9, deps); // read before the one held: not kept
    expect(cache.get('a')).toMatchObject({ version: 3n, value: 10 });
    const c = cache.get('c')!;
    cache.confirm(c, 5n);
    expect(cache.get('c')?.version).toBe(5n);
  });

  it('checks a result against the log only while the log keeps its versions', () => {
    expect(checkable({ version: 10n }, 11n)).toBe(true);
    expect(checkable({ version: 10n }, 10n + LOG_KEPT_VERSIONS)).toBe(true);
    expect(checkable({ version: 10n }, 11n + LOG_KEPT_VERSIONS)).toBe(false);
  });
});
