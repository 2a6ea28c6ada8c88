/**
 * Profiles saved before search documents used 'english' hold 'simple' ones, which a stemmed query
 * word ("bookkeepers" → 'bookkeep') misses: the rewrite the server runs at start makes them
 * findable, a batch per transaction, and leaves current documents alone.
 */
import { randomBytes } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryPage } from '../../../core/contracts/directory.ts';
import { buildDirectoryProfile } from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { professionalProfiles } from '../../db/schema/index.ts';
import { rewriteSimpleSearchDocuments } from '../profiles/derive.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});

async function found(word: string): Promise<string[]> {
  const res = await call(ctx, null, { method: 'GET', url: `/api/v1/directory?q=${word}` });
  expect(res.statusCode, res.body).toBe(200);
  return res
    .json<DirectoryPage>()
    .items.map((e) => e.id)
    .sort();
}

describe('rewriting profiles’ simple search documents', () => {
  it('makes them findable by stemmed words, in batches, and leaves current documents alone', async () => {
    const mark = `zq${randomBytes(3).toString('hex')}`;
    const pros = [];
    for (let i = 0; i < 5; i++) {
      pros.push(
        await buildDirectoryProfile(ctx, { headline: `Bookkeeper for the ${mark} bakery` }),
      );
    }
    const ids = pros.map((p) => p.id).sort();
    // Saved since: its document has the right words (in the factory's weights), and stays.
    const current = await buildDirectoryProfile(ctx, {
      headline: `Bookkeeper for the ${mark} bakery`,
    });
    const documentOf = async (id: string) =>
      (
        await ctx.db
          .select({ search: sql<string>`${professionalProfiles.search}::text` })
          .from(professionalProfiles)
          .where(eq(professionalProfiles.userId, id))
      )[0]!.search;
    const currentDocument = await documentOf(current.id);
    const before = await ctx.db
      .select({ id: professionalProfiles.userId, updatedAt: professionalProfiles.updatedAt })
      .from(professionalProfiles)
      .where(inArray(professionalProfiles.userId, ids));
    // As they were saved before the change: 'simple' documents.
    await ctx.db
      .update(professionalProfiles)
      .set({ search: sql`to_tsvector('simple', ${professionalProfiles.headline})` })
      .where(inArray(professionalProfiles.userId, ids));
    expect(await found(`bookkeepers ${mark}`)).toEqual([current.id]);

    // Stopped after its first batch (a server closing): the next start does the rest.
    let batches = 0;
    const first = await rewriteSimpleSearchDocuments(ctx.db, {
      batch: 2,
      stopped: () => batches++ >= 1,
    });
    expect(first).toBe(2);
    expect(await found(`bookkeepers ${mark}`)).toHaveLength(3);
    const rest = await rewriteSimpleSearchDocuments(ctx.db, { batch: 2 });
    expect(first + rest).toBe(ids.length);
    // Then there is nothing left to do.
    expect(await rewriteSimpleSearchDocuments(ctx.db, { batch: 2 })).toBe(0);

    expect(await found(`bookkeepers ${mark}`)).toEqual([...ids, current.id].sort());
    expect(await documentOf(current.id)).toBe(currentDocument);
    // The document only: editors' expected versions still hold.
    const after = await ctx.db
      .select({ id: professionalProfiles.userId, updatedAt: professionalProfiles.updatedAt })
      .from(professionalProfiles)
      .where(inArray(professionalProfiles.userId, ids));
    expect(new Map(after.map((r) => [r.id, r.updatedAt.getTime()]))).toEqual(
      new Map(before.map((r) => [r.id, r.updatedAt.getTime()])),
    );
    expect(await documentOf(ids[0]!)).toContain("'bookkeep'");
  });
});
