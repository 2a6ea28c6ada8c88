/**
 * The directory's overlap filter is SQL (`filter-queries.ts → overlapSql`) so an index scan can apply it
 * row by row; the cards' hours come from the pure rule (`working-window.ts → overlapMinutes`).
 * Both must say the same for every pair of windows, wrapping past midnight UTC or not.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { overlapMinutes, type UtcWindow } from '../../../core/working-window.ts';
import { createTestContext, type TestContext } from '../../../../test/harness.ts';
import { sqlOverlapMinutes } from './filter-queries.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});

describe('overlapSql', () => {
  it('gives the pure rule’s minutes for every kind of pair', async () => {
    const edges = [0, 1, 59, 60, 300, 719, 720, 1000, 1380, 1439];
    const windows: UtcWindow[] = [];
    for (const start of edges) for (const end of edges) windows.push({ start, end });
    let compared = 0;
    const disagreements: unknown[] = [];
    for (const viewer of windows) {
      const fromSql = await sqlOverlapMinutes(ctx.db, windows, viewer);
      windows.forEach((pro, k) => {
        compared++;
        const pure = overlapMinutes(pro, viewer);
        if (fromSql[k] !== pure) disagreements.push({ pro, viewer, sql: fromSql[k], pure });
      });
    }
    expect(compared).toBe(10_000);
    expect(disagreements).toEqual([]);
  });
});
