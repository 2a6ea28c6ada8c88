import { describe, expect, it } from 'vitest';
import type { PublicProfile } from '../core/contracts/profiles.ts';
import { createTestContext } from '../../test/harness.ts';
import { runDemo } from './demo.ts';

describe('handoff demo, profiles', () => {
  it('gives every demo professional a full public profile with derived directory columns', async () => {
    const ctx = await createTestContext();
    const log = console.log;
    console.log = () => {};
    try {
      expect(await runDemo(ctx, ctx.config)).toBe(0);
    } finally {
      console.log = log;
    }
    const { rows } = await ctx.pool.query<{ slug: string; completeness: number; rate_usd: number }>(
      `select slug, completeness, rate_usd from professional_profiles order by slug`,
    );
    expect(rows.map((r) => r.slug)).toEqual([
      'aisha-bello',
      // Hiring — bids: the four the hiring demo adds to bid on the bakery's booking page.
      'arjun-mehta',
      'emma-clarke',
      'lucas-almeida',
      'mateo-ruiz',
      'olena-kovalenko',
      'sofia-marques',
      'yuki-tanaka',
    ]);
    // Everything but a photo (10 %).
    for (const r of rows) expect(r.completeness).toBe(90);
    // 6,000 JPY at 150 per USD.
    expect(rows.find((r) => r.slug === 'yuki-tanaka')?.rate_usd).toBe(4000);
    const page = await ctx.app.inject({ method: 'GET', url: '/api/v1/pros/yuki-tanaka' });
    expect(page.statusCode).toBe(200);
    expect(page.json<PublicProfile>()).toMatchObject({
      name: 'Yuki Tanaka',
      headline: 'Bookkeeper for small online shops',
      skills: [
        expect.objectContaining({ slug: 'bookkeeping', years: 10 }),
        expect.anything(),
        expect.anything(),
      ],
    });
  });
});
