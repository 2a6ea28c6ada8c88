/**
 * The embedded Postgres's cache is sized to the machine: a quarter of its memory, never below
 * Postgres's own default nor above 4 GB; and the server the tests run on was started with it.
 */
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { memorySettings } from './embedded-postgres.ts';

const GiB = 1024 ** 3;

describe('memorySettings', () => {
  it('gives shared_buffers a quarter of the memory, between 128 MB and 4 GB', () => {
    expect(memorySettings(8 * GiB)).toContain('-c shared_buffers=2048MB');
    expect(memorySettings(8 * GiB)).toContain('-c effective_cache_size=4096MB');
    expect(memorySettings(256 * 1024 ** 2)).toContain('-c shared_buffers=128MB');
    expect(memorySettings(64 * GiB)).toContain('-c shared_buffers=4096MB');
  });
});

// With TEST_DATABASE_URL the tests run on a server of someone else's settings.
describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('the embedded server', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  it('runs with the cache sized to this machine', async () => {
    const expected = memorySettings(os.totalmem())
      .find((s) => s.startsWith('-c shared_buffers='))!
      .split('=')[1]!;
    const [row] = (
      await ctx.db.execute<{ v: string }>(sql`select current_setting('shared_buffers') as v`)
    ).rows;
    // Postgres reports whole gigabytes as "GB".
    const mb = row!.v.endsWith('GB')
      ? Number.parseInt(row!.v, 10) * 1024
      : Number.parseInt(row!.v, 10);
    expect(`${mb}MB`).toBe(expected);
  });
});
