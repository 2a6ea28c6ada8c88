/**
 * Profiles saved before search documents used 'english' hold 'simple' ones, which a stemmed query
 * word ("bookkeepers" → 'bookkeep') misses: the rewrite after migration `search-documents-english`
 * makes them findable, a batch per transaction, resuming where it stopped.
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

const rewriteState = async () =>
  (
    await ctx.db.execute<{ after: string | null }>(
      sql`select after_user_id::text as after from search_document_rewrite`,
    )
  ).rows;

describe('rewriting profiles’ simple search documents', () => {
  it('makes them findable by stemmed words, in batches, resuming where it stopped', async () => {
    const mark = `zq${randomBytes(3).toString('hex')}`;
    const pros = [];
    for (let i = 0; i < 5; i++) {
      pros.push(await buildDirectoryProfile(ctx, { headline: `Bookkeeper ${mark}` }));
    }
    const ids = pros.map((p) => p.id).sort();
    // Saved since: its document has the right words (in the factory's weights), and stays.
    const current = await buildDirectoryProfile(ctx, { headline: `Bookkeeper ${mark}` });
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
    await ctx.db.execute(sql`insert into search_document_rewrite (id, after_user_id)
      values (true, null) on conflict (id) do update set after_user_id = null`);
    expect(await found(`bookkeepers ${mark}`)).toEqual([current.id]);

    // Stopped after its first batch (a server closing): the place is kept.
    let batches = 0;
    const first = await rewriteSimpleSearchDocuments(ctx.db, {
      batch: 2,
      stopped: () => batches++ >= 1,
    });
    expect(first).toBeGreaterThan(0);
    const kept = await rewriteState();
    expect(kept).toHaveLength(1);
    expect(kept[0]!.after).not.toBeNull();

    // The next start goes on from there to the end, and then there is nothing left to do.
    const rest = await rewriteSimpleSearchDocuments(ctx.db, { batch: 2 });
    expect(first + rest).toBe(ids.length);
    expect(await rewriteState()).toEqual([]);
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
