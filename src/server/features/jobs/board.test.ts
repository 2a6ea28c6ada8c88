import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BoardJob, BriefInput } from '../../../core/contracts/jobs.ts';
import { errorPaths } from '../../../../test/audit-factories.ts';
import { buildBusiness, buildUser } from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildJob, inviteToJob, type BuildJobOptions } from '../../../../test/job-factories.ts';
import { buildCast, expectRoleMatrix, ROLES, type Cast } from '../../../../test/role-matrix.ts';
import { buildApp } from '../../app.ts';
import { connect } from '../../db/client.ts';
import { jobs } from '../../db/schema/index.ts';
import { listBoardJobs, type BoardFilter } from './board-queries.ts';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
  ctx.clock.set('2026-07-14T12:00:00Z');
});

const DAY = 24 * 60 * 60 * 1000;

/**
 * Every test's jobs carry a skill of their own, and its queries filter on it, so that the jobs
 * other tests put on the same board do not get in the way.
 */
const freshSkill = () => `tag${randomBytes(4).toString('hex')}`;

function job(tag: string, brief: Partial<BriefInput> = {}, options: Partial<BuildJobOptions> = {}) {
  return buildJob(ctx, {
    businessId: cast.businessId,
    ...options,
    brief: { ...brief, skills: [...(brief.skills ?? []), tag] },
  });
}

async function board(query: string, who: Parameters<typeof call>[1] = null) {
  const res = await call(ctx, who, { method: 'GET', url: `/api/v1/jobs?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: BoardJob[]; nextCursor: string | null }>();
}
const ids = (page: { items: BoardJob[] }) => page.items.map((j) => j.id);

/** Every page of a query, following the cursors. */
async function allPages(query: string) {
  const pages: BoardJob[][] = [];
  let cursor: string | null = null;
  do {
    const suffix: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page = await board(`${query}${suffix}`);
    pages.push(page.items);
    cursor = page.nextCursor;
  } while (cursor && pages.length < 50);
  return pages;
}

describe('GET /api/v1/jobs', () => {
  it('lists open public jobs only: no drafts, invite-only, closed or archived ones', async () => {
    const tag = freshSkill();
    const open = await job(tag);
    await job(tag, {}, { status: 'draft' });
    await job(tag, {}, { visibility: 'invite-only' });
    await job(tag, {}, { status: 'closed' });
    await job(tag, {}, { status: 'archived' });
    expect(ids(await board(`skills=${tag}`))).toEqual([open.id]);
  });

  it('shows each job as a card: the brief and the business’s name, nothing of the spec', async () => {
    const tag = freshSkill();
    const { business } = await buildBusiness(ctx, { name: 'Crumb & Co' });
    const built = await buildJob(ctx, {
      businessId: business.id,
      brief: {
        title: 'Bookkeeping for a bakery',
        summary: 'Monthly reconciliation',
        category: 'bookkeeping',
        skills: ['Xero', tag],
        budget: { type: 'hourly', currency: 'EUR', min: 2000, max: 3000, hoursPerWeek: 5 },
        durationDays: 30,
      },
      spec: { description: 'SECRET spec text' },
    });
    const { items } = await board(`skills=${tag}`);
    expect(items).toEqual([
      {
        id: built.id,
        business: { id: business.id, name: 'Crumb & Co' },
        title: 'Bookkeeping for a bakery',
        summary: 'Monthly reconciliation',
        category: 'bookkeeping',
        skills: ['Xero', tag],
        budget: { type: 'hourly', currency: 'EUR', min: 2000, max: 3000, hoursPerWeek: 5 },
        deadline: null,
        durationDays: 30,
        ndaRequired: false,
        trialPlanned: false,
        publishedAt: ctx.clock.now().toISOString(),
      },
    ]);
    expect(JSON.stringify(items)).not.toContain('SECRET');
  });

  describe('full-text search (q)', () => {
    it('finds a job by a word of its title, its summary or one of its skills', async () => {
      const tag = freshSkill();
      const a = await job(tag, { title: 'Logo for a bakery', summary: 'Warm colours' });
      const b = await job(tag, {
        title: 'Newsletter',
        summary: 'A monthly croissant newsletter',
      });
      const c = await job(tag, { title: 'Shop setup', skills: ['Shopify'] });
      expect(ids(await board(`skills=${tag}&q=logo`))).toEqual([a.id]);
      expect(ids(await board(`skills=${tag}&q=croissant`))).toEqual([b.id]);
      expect(ids(await board(`skills=${tag}&q=shopify`))).toEqual([c.id]);
      expect(ids(await board(`skills=${tag}&q=pineapple`))).toEqual([]);
    });

    it('matches word forms (English stemming) and ignores case', async () => {
      const tag = freshSkill();
      const a = await job(tag, { title: 'Designing labels', summary: 'Labels for jars' });
      expect(ids(await board(`skills=${tag}&q=DESIGN`))).toEqual([a.id]);
      expect(ids(await board(`skills=${tag}&q=label`))).toEqual([a.id]);
    });

    it('reads web-search syntax: quoted phrases, "or", and -excluded words', async () => {
      const tag = freshSkill();
      const a = await job(tag, { title: 'Product photos', summary: 'white background shots' });
      const b = await job(tag, { title: 'Product video', summary: 'short clips' });
      const q = (s: string) => board(`skills=${tag}&q=${encodeURIComponent(s)}`);
      expect(ids(await q('"white background"'))).toEqual([a.id]);
      expect(ids(await q('"background white"'))).toEqual([]);
      expect(ids(await q('photos or video')).sort()).toEqual([a.id, b.id].sort());
      expect(ids(await q('product -video'))).toEqual([a.id]);
    });

    it('ignores a query of stop words only rather than finding nothing', async () => {
      const tag = freshSkill();
      const a = await job(tag, { title: 'The logo' });
      expect(ids(await board(`skills=${tag}&q=the`))).toEqual([a.id]);
      expect(ids(await board(`skills=${tag}&q=${encodeURIComponent('the a of')}`))).toEqual([a.id]);
    });

    it('treats operators and punctuation as text, never as an error', async () => {
      const tag = freshSkill();
      await job(tag, { title: 'Anything' });
      for (const q of ["'", '"', '!!', '&|:*', '(a', 'a <-> b', '\\', '--', 'OR', '-']) {
        const res = await call(ctx, null, {
          method: 'GET',
          url: `/api/v1/jobs?skills=${tag}&q=${encodeURIComponent(q)}`,
        });
        expect(res.statusCode, q).toBe(200);
      }
    });
  });

  it('filters by category', async () => {
    const tag = freshSkill();
    const design = await job(tag, { category: 'design' });
    await job(tag, { category: 'writing' });
    await job(tag);
    expect(ids(await board(`skills=${tag}&category=design`))).toEqual([design.id]);
  });

  it('filters by skills given as names or slugs: a job must have all of them', async () => {
    const tag = freshSkill();
    const both = await job(tag, { skills: ['Adobe Illustrator', 'C#'] });
    const one = await job(tag, { skills: ['Adobe Illustrator'] });
    const byName = await board(`skills=${encodeURIComponent(`Adobe Illustrator, ${tag}`)}`);
    expect(ids(byName).sort()).toEqual([both.id, one.id].sort());
    expect(ids(await board(`skills=adobe-illustrator,c-sharp,${tag}`))).toEqual([both.id]);
    expect(ids(await board(`skills=${encodeURIComponent(`c#,,${tag},`)}`))).toEqual([both.id]);
  });

  it('filters by budget type', async () => {
    const tag = freshSkill();
    const hourly = await job(tag, {
      budget: { type: 'hourly', currency: 'USD', min: 2000, max: 4000, hoursPerWeek: 10 },
    });
    await job(tag, { budget: { type: 'fixed', currency: 'USD', min: 50000, max: 80000 } });
    expect(ids(await board(`skills=${tag}&budgetType=hourly`))).toEqual([hourly.id]);
  });

  it('filters by budget in any currency, through the exchange rates, matching overlapping ranges', async () => {
    const tag = freshSkill();
    // Upper ends in US cents at the seeded rates (EUR 0.92, GBP 0.79 per USD):
    const usd500 = await job(tag, {
      budget: { type: 'fixed', currency: 'USD', min: null, max: 50000 },
    });
    const eur1000 = await job(tag, {
      budget: { type: 'fixed', currency: 'EUR', min: 80000, max: 100000 },
    }); // ≈ 108,696
    const gbp2000 = await job(tag, {
      budget: { type: 'fixed', currency: 'GBP', min: 200000, max: null },
    }); // ≈ 253,165
    const noAmount = await job(tag, {
      budget: { type: 'fixed', currency: 'USD', min: null, max: null },
    });
    await job(tag);
    const fixed = `skills=${tag}&budgetType=fixed`;
    expect(ids(await board(`${fixed}&budgetMin=100000&sort=budget`))).toEqual([
      gbp2000.id,
      eur1000.id,
    ]);
    // Up to $1,000: the €800–€1,000 job starts at ≈ $870, so it overlaps.
    expect(ids(await board(`${fixed}&budgetMax=100000`))).toEqual([eur1000.id, usd500.id]);
    // Bounds in another currency are converted the same way: 950–1,050 EUR holds the 1,000 EUR job.
    expect(ids(await board(`${fixed}&currency=EUR&budgetMin=95000&budgetMax=105000`))).toEqual([
      eur1000.id,
    ]);
    expect(ids(await board(`${fixed}&currency=GBP&budgetMin=190000`))).toEqual([gbp2000.id]);
    // Highest first, a fixed job without an amount last; a job without a budget is of no kind.
    expect(ids(await board(`${fixed}&sort=budget`))).toEqual([
      gbp2000.id,
      eur1000.id,
      usd500.id,
      noAmount.id,
    ]);
  });

  it('matches a job whose range overlaps the filter’s, not only one inside it', async () => {
    const tag = freshSkill();
    const fixed = `skills=${tag}&budgetType=fixed&currency=EUR`;
    const wide = await job(tag, {
      budget: { type: 'fixed', currency: 'EUR', min: 120000, max: 200000 },
    });
    const above = await job(tag, {
      budget: { type: 'fixed', currency: 'EUR', min: 160000, max: 200000 },
    });
    const below = await job(tag, {
      budget: { type: 'fixed', currency: 'EUR', min: 50000, max: 90000 },
    });
    const upTo = await job(tag, {
      budget: { type: 'fixed', currency: 'EUR', min: null, max: 110000 },
    });
    const from = await job(tag, {
      budget: { type: 'fixed', currency: 'EUR', min: 140000, max: null },
    });
    // €1,000–€1,500: the €1,200–€2,000 job overlaps; "up to €1,100" and "from €1,400" do too.
    expect(ids(await board(`${fixed}&budgetMin=100000&budgetMax=150000`))).toEqual([
      from.id,
      upTo.id,
      wide.id,
    ]);
    // The ends touch: a €1,600 bound still holds the job starting at €1,600.
    expect(ids(await board(`${fixed}&budgetMax=160000`))).toContain(above.id);
    expect(ids(await board(`${fixed}&budgetMin=95000`))).not.toContain(below.id);
  });

  describe('budgets compare within one kind: a fixed price’s total, an hourly job’s rate', () => {
    async function mixed() {
      const tag = freshSkill();
      const rate150 = await job(tag, {
        budget: { type: 'hourly', currency: 'USD', min: 10000, max: 15000, hoursPerWeek: 10 },
      });
      const rate40 = await job(tag, {
        budget: { type: 'hourly', currency: 'USD', min: null, max: 4000, hoursPerWeek: 5 },
      });
      const total900 = await job(tag, {
        budget: { type: 'fixed', currency: 'USD', min: 60000, max: 90000 },
      });
      const total120 = await job(tag, {
        budget: { type: 'fixed', currency: 'USD', min: null, max: 12000 },
      });
      return { tag, rate150, rate40, total900, total120 };
    }

    it('filters hourly jobs by their rate and fixed-price jobs by their total', async () => {
      const { tag, rate150, total900, total120 } = await mixed();
      // $100 an hour or more: the $150/h job, not the $900 total that is a bigger number.
      expect(ids(await board(`skills=${tag}&budgetType=hourly&budgetMin=10000`))).toEqual([
        rate150.id,
      ]);
      // $100 in total or more: both fixed prices, no hourly rate.
      expect(
        ids(await board(`skills=${tag}&budgetType=fixed&budgetMin=10000&sort=budget`)),
      ).toEqual([total900.id, total120.id]);
    });

    it('sorts hourly jobs by rate among themselves, never above or below a fixed total', async () => {
      const { tag, rate150, rate40 } = await mixed();
      expect(ids(await board(`skills=${tag}&budgetType=hourly&sort=budget`))).toEqual([
        rate150.id,
        rate40.id,
      ]);
    });

    it.each([
      ['a lower bound', 'budgetMin=100000'],
      ['an upper bound', 'budgetMax=100000'],
      ['both bounds in another currency', 'currency=EUR&budgetMin=100&budgetMax=200'],
      ['the budget order', 'sort=budget'],
      ['the budget order with a bound', 'sort=budget&budgetMin=1'],
    ])(
      'answers 400 naming querystring.budgetType for %s without a budget type',
      async (_, query) => {
        const res = await call(ctx, null, { method: 'GET', url: `/api/v1/jobs?${query}` });
        expect(res.statusCode).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(errorPaths(res)).toEqual(['querystring.budgetType']);
      },
    );
  });

  it('refuses a budget range upside down, and a currency without an exchange rate, naming the field', async () => {
    const upside = await call(ctx, null, {
      method: 'GET',
      url: '/api/v1/jobs?budgetType=fixed&budgetMin=500&budgetMax=100',
    });
    expect(upside.statusCode).toBe(400);
    expect(errorPaths(upside)).toEqual(['querystring.budgetMax']);
    const noRate = await call(ctx, null, {
      method: 'GET',
      url: '/api/v1/jobs?budgetType=hourly&currency=ISK&budgetMin=100',
    });
    expect(noRate.statusCode).toBe(400);
    expect(errorPaths(noRate)).toEqual(['querystring.currency']);
    const notCurrency = await call(ctx, null, { method: 'GET', url: '/api/v1/jobs?currency=XXQ' });
    expect(notCurrency.statusCode).toBe(400);
    expect(errorPaths(notCurrency)).toEqual(['querystring.currency']);
  });

  it('filters by how recently a job was published (postedWithin), from the server’s clock', async () => {
    const tag = freshSkill();
    const now = ctx.clock.now().getTime();
    const today = await job(tag, {}, { publishedAt: new Date(now - 2 * 60 * 60 * 1000) });
    const twoDays = await job(tag, {}, { publishedAt: new Date(now - 2 * DAY) });
    const tenDays = await job(tag, {}, { publishedAt: new Date(now - 10 * DAY) });
    await job(tag, {}, { publishedAt: new Date(now - 40 * DAY) });
    expect(ids(await board(`skills=${tag}&postedWithin=1d`))).toEqual([today.id]);
    expect(ids(await board(`skills=${tag}&postedWithin=3d`))).toEqual([today.id, twoDays.id]);
    expect(ids(await board(`skills=${tag}&postedWithin=30d`))).toEqual([
      today.id,
      twoDays.id,
      tenDays.id,
    ]);
    const bad = await call(ctx, null, { method: 'GET', url: '/api/v1/jobs?postedWithin=2d' });
    expect(errorPaths(bad)).toEqual(['querystring.postedWithin']);
  });

  it('sorts newest first by default, the later id first among jobs published at the same instant', async () => {
    const tag = freshSkill();
    const at = new Date('2026-07-10T09:00:00Z');
    const old = await job(tag, {}, { publishedAt: new Date('2026-07-01T09:00:00Z') });
    const first = await job(tag, {}, { publishedAt: at });
    const second = await job(tag, {}, { publishedAt: at });
    const [hi, lo] = [first.id, second.id].sort().reverse();
    expect(ids(await board(`skills=${tag}`))).toEqual([hi, lo, old.id]);
  });

  describe('pagination', () => {
    /** Twelve jobs: ties in time and budget, microsecond timestamps, and some without an amount. */
    async function twelve(tag: string) {
      const built = [];
      for (let i = 0; i < 12; i++) {
        const max = i % 4 === 3 ? null : (i % 3) * 10000;
        built.push(await job(tag, { budget: { type: 'fixed', currency: 'USD', min: null, max } }));
      }
      // Microseconds that a JavaScript Date cannot hold, and pairs of identical instants.
      for (const [i, j] of built.entries()) {
        await ctx.db
          .update(jobs)
          .set({
            publishedAt: sql`timestamptz '2026-07-01 10:00:00.000001+00' + ${Math.floor(i / 2)} * interval '1.000003 second'`,
          })
          .where(eq(jobs.id, j.id));
      }
      return built;
    }

    it.each(['sort=newest', 'sort=budget&budgetType=fixed'])(
      'walks every job exactly once, in the order of one big page (%s)',
      async (sort) => {
        const tag = freshSkill();
        await twelve(tag);
        const whole = ids(await board(`skills=${tag}&${sort}&limit=100`));
        expect(whole).toHaveLength(12);
        const pages = await allPages(`skills=${tag}&${sort}&limit=5`);
        expect(pages.map((p) => p.length)).toEqual([5, 5, 2]);
        expect(pages.flat().map((j) => j.id)).toEqual(whole);
      },
    );

    // Drizzle reads timestamps as the text Postgres writes: connect() pins ISO and UTC for every
    // session, whatever the database's defaults. A fresh app on fresh connections proves it.
    it('pages by the same instants whatever DateStyle and TimeZone the database defaults to', async () => {
      const tag = freshSkill();
      const built = await twelve(tag);
      const whole = ids(await board(`skills=${tag}&limit=100`));
      expect(whole).toHaveLength(12);
      const dbName = new URL(ctx.databaseUrl).pathname.slice(1);
      // Sessions opened from now on would write `01/07/2026 06:30:00.000001 NDT`.
      await ctx.db.execute(sql.raw(`alter database ${dbName} set DateStyle = 'SQL, DMY'`));
      await ctx.db.execute(sql.raw(`alter database ${dbName} set TimeZone = 'America/St_Johns'`));
      const fresh = connect(ctx.databaseUrl, 2);
      const app = await buildApp({
        db: fresh.db,
        pool: fresh.pool,
        config: ctx.config,
        clock: ctx.clock,
        logger: false,
      });
      try {
        const [first] = await fresh.db
          .select({ publishedAt: jobs.publishedAt })
          .from(jobs)
          .where(eq(jobs.id, built[0]!.id));
        expect(first?.publishedAt?.toISOString()).toBe('2026-07-01T10:00:00.000Z');

        const seen: BoardJob[] = [];
        let cursor: string | null = null;
        for (let n = 0; n < 10; n++) {
          const suffix: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
          const res = await app.inject({
            method: 'GET',
            url: `/api/v1/jobs?skills=${tag}&limit=5${suffix}`,
          });
          expect(res.statusCode, res.body).toBe(200);
          const page = res.json<{ items: BoardJob[]; nextCursor: string | null }>();
          seen.push(...page.items);
          cursor = page.nextCursor;
          if (!cursor) break;
        }
        expect(seen.map((j) => j.id)).toEqual(whole);
        expect(seen.at(-1)?.publishedAt).toBe('2026-07-01T10:00:00.000Z');
      } finally {
        await app.close();
        await fresh.close();
        await ctx.db.execute(sql.raw(`alter database ${dbName} reset DateStyle`));
        await ctx.db.execute(sql.raw(`alter database ${dbName} reset TimeZone`));
      }
    });

    it('says there is no next page when the last page is exactly full', async () => {
      const tag = freshSkill();
      await job(tag);
      await job(tag);
      const page = await board(`skills=${tag}&limit=2`);
      expect(page.items).toHaveLength(2);
      expect(page.nextCursor).toBeNull();
    });

    it('keeps the filters on later pages', async () => {
      const tag = freshSkill();
      for (let i = 0; i < 5; i++) await job(tag, { title: i % 2 ? 'Logo work' : 'Other work' });
      const pages = await allPages(`skills=${tag}&q=logo&limit=1`);
      expect(pages.flat().map((j) => j.title)).toEqual(['Logo work', 'Logo work']);
    });

    const ID = '01890a5d-ac96-774b-bcce-b302099a8057';
    const wire = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    it.each([
      ['not base64 JSON', 'not-a-cursor'],
      ['base64 of something else', Buffer.from('\u00ff\u0000garbage').toString('base64url')],
      ['standard base64 with padding and +/', '+/+/+/==AA'],
      ['JSON of the wrong shape', wire({ s: 'n', t: 1 })],
      ['JSON that is not an object', wire([1, 2, 3])],
      ['the old text form of a time', wire({ s: 'n', t: '2026-07-01 10:00:00+00', i: ID })],
      // Both passed the old text check and made Postgres fail (500): year 0, a +99:00 offset.
      ['year 0 in the old form', wire({ s: 'n', t: '0000-01-01 00:00:00+00', i: ID })],
      ['an odd offset in the old form', wire({ s: 'n', t: '2026-07-01 10:00:00+99', i: ID })],
      ['a time that is a string', wire({ s: 'n', m: '1782900000000000', i: ID })],
      ['a fraction of a microsecond', wire({ s: 'n', m: 1.5, i: ID })],
      ['a time past 2^53 microseconds', wire({ s: 'n', m: 2 ** 53 + 2, i: ID })],
      ['a huge time', wire({ s: 'n', m: 1e300, i: ID })],
      ['a huge negative time', wire({ s: 'n', m: -1e300, i: ID })],
      ['a huge budget', wire({ s: 'b', b: 1e30, i: ID })],
      ['an id that is not a UUID', wire({ s: 'n', m: 0, i: 'nope' })],
      ['SQL in the id', wire({ s: 'n', m: 0, i: "'; drop table jobs; --" })],
      ['a NUL in the id', wire({ s: 'n', m: 0, i: `${ID.slice(0, -1)}\u0000` })],
      ['a NUL in the cursor itself', `${wire({ s: 'n', m: 0, i: ID })}\u0000`],
      ['a cursor of the other sort order', wire({ s: 'b', b: 100, i: ID })],
    ])('answers 400 naming querystring.cursor for %s', async (_, cursor) => {
      const res = await call(ctx, null, {
        method: 'GET',
        url: `/api/v1/jobs?sort=newest&cursor=${encodeURIComponent(cursor)}`,
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(errorPaths(res)).toEqual(['querystring.cursor']);
    });

    it('answers 400 for a newest-first cursor given to the budget order', async () => {
      const res = await call(ctx, null, {
        method: 'GET',
        url: `/api/v1/jobs?sort=budget&budgetType=fixed&cursor=${wire({ s: 'n', m: 0, i: ID })}`,
      });
      expect(res.statusCode).toBe(400);
      expect(errorPaths(res)).toEqual(['querystring.cursor']);
    });

    it('takes any instant a cursor can hold, back to 1684 and on to 2255, without an error', async () => {
      for (const m of [0, -(2 ** 53 - 1), 2 ** 53 - 1]) {
        const res = await call(ctx, null, {
          method: 'GET',
          url: `/api/v1/jobs?cursor=${wire({ s: 'n', m, i: ID })}`,
        });
        expect(res.statusCode, `${m}: ${res.body}`).toBe(200);
      }
    });
  });

  it.each([
    ['q', 'q=a%00b'],
    ['q', 'q=%00'],
    ['skills', 'skills=figma%00,xero'],
  ])('answers 400 naming querystring.%s for a NUL character', async (field, query) => {
    const res = await call(ctx, null, { method: 'GET', url: `/api/v1/jobs?${query}` });
    expect(res.statusCode, res.body).toBe(400);
    expect(errorPaths(res)).toEqual([`querystring.${field}`]);
  });

  it('names each bad query parameter', async () => {
    const res = await call(ctx, null, {
      method: 'GET',
      url: '/api/v1/jobs?limit=0&sort=oldest&budgetType=weekly&budgetMin=-1',
    });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res).sort()).toEqual(
      [
        'querystring.budgetMin',
        'querystring.budgetType',
        'querystring.limit',
        'querystring.sort',
      ].sort(),
    );
  });

  it('role matrix: everyone reads the board, anonymous callers too', async () => {
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: '/api/v1/jobs' }), 200);
  });

  it('answers 401 to a bad API token rather than treating the caller as anonymous', async () => {
    const res = await call(ctx, { token: 'hnd_nope' }, { method: 'GET', url: '/api/v1/jobs' });
    expect(res.statusCode).toBe(401);
  });
});

describe('the board query and its indexes', () => {
  const ID = '01890a5d-ac96-774b-bcce-b302099a8057';
  const base = { skillSlugs: [], limit: 25 };
  const fixed = { type: 'fixed' as const };

  /** The plan Postgres picks for the board's exact SQL when it may not read the whole table. */
  async function planOf(filter: BoardFilter): Promise<string> {
    const { sql: text, params } = listBoardJobs(ctx.db, filter).toSQL();
    const client = await ctx.pool.connect();
    try {
      await client.query('begin');
      await client.query('set local enable_seqscan = off');
      const result = await client.query<{ 'QUERY PLAN': string }>(`explain ${text}`, params);
      await client.query('rollback');
      return result.rows.map((r) => r['QUERY PLAN']).join('\n');
    } finally {
      client.release();
    }
  }

  // On a small test table Postgres rightly prefers reading it whole; with that option off, a
  // plan without the partial indexes would show that the WHERE no longer implies their predicate.
  it.each<[string, BoardFilter, RegExp]>([
    ['newest first', { ...base, sort: 'newest' }, /jobs_board_newest/],
    ['by budget', { ...base, sort: 'budget', budget: fixed }, /jobs_board_budget/],
    [
      'by hourly rate, from a bound',
      { ...base, sort: 'budget', budget: { type: 'hourly', minUsd: 5000 } },
      /jobs_board_budget/,
    ],
    ['a word', { ...base, sort: 'newest', q: 'logo' }, /jobs_board_(search|newest)/],
    ['a skill', { ...base, sort: 'newest', skillSlugs: ['xero'] }, /jobs_board_(skills|newest)/],
    [
      'a second page',
      { ...base, sort: 'newest', after: { sort: 'newest', micros: 1782900000000001, id: ID } },
      /jobs_board_newest/,
    ],
    [
      'a later page by budget',
      {
        ...base,
        sort: 'budget',
        budget: fixed,
        after: { sort: 'budget', budgetUsd: 50000, id: ID },
      },
      /jobs_board_budget/,
    ],
    [
      'a later page by budget among jobs without an amount',
      {
        ...base,
        sort: 'budget',
        budget: fixed,
        after: { sort: 'budget', budgetUsd: null, id: ID },
      },
      /jobs_board_budget/,
    ],
  ])('can answer %s from a partial board index', async (_, filter, index) => {
    const plan = await planOf(filter);
    expect(plan).toMatch(index);
    // The cursor must be a range of the index (Index Cond), not a filter over the rows before it.
    if (filter.after) expect(plan).not.toMatch(/Filter: .*(ROW\(|id <)/);
    // The budget's kind, too: a filter on it would read every other kind's row above the page.
    if (filter.budget && filter.sort === 'budget') {
      expect(plan).toMatch(/Index Cond: \(.*budget_type = /);
      expect(plan).not.toMatch(/Filter: .*budget_type/);
    }
    expect(plan).not.toMatch(/Seq Scan on jobs/);
  });
});

describe('GET /api/v1/jobs/:jobId', () => {
  const url = (id: string) => `/api/v1/jobs/${id}`;

  it('shows the brief and the brief attachments of an open public job to anyone, never the spec', async () => {
    const built = await buildJob(ctx, {
      businessId: cast.businessId,
      brief: {
        title: 'Menu redesign',
        summary: 'A **new** menu',
        screeningQuestions: ['Portfolio?'],
      },
      spec: { description: 'SECRET-DESCRIPTION', successDefinition: 'SECRET-SUCCESS' },
    });
    const res = await call(ctx, null, { method: 'GET', url: url(built.id) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: built.id,
      business: { id: cast.businessId, name: 'Test Bakery' },
      status: 'open',
      visibility: 'public',
      brief: {
        title: 'Menu redesign',
        summary: 'A **new** menu',
        screeningQuestions: ['Portfolio?'],
      },
      attachments: [],
    });
    expect(res.json()).not.toHaveProperty('spec');
    expect(res.body).not.toContain('SECRET');
  });

  it('answers 404 for a job that does not exist and 400 for an id that is not one', async () => {
    const missing = await call(ctx, null, {
      method: 'GET',
      url: url('01890a5d-ac96-774b-bcce-b302099a8057'),
    });
    expect(missing.statusCode).toBe(404);
    const bad = await call(ctx, null, { method: 'GET', url: url('nope') });
    expect(bad.statusCode).toBe(400);
    expect(errorPaths(bad)).toEqual(['params.jobId']);
  });

  /** A job that is not public answers its public route like a members-only one, but 404 to all outsiders. */
  const MEMBERS_ONLY = {
    ok: 200,
    except: { anonymous: 404, otherBusiness: 404, professional: 404, admin: 404 },
    why: 'a job that is not public is 404 to anyone outside its business, anonymous included: its existence does not leak',
  };

  it('role matrix, open public job: everyone', async () => {
    const built = await buildJob(ctx, { businessId: cast.businessId });
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: url(built.id) }), 200);
  });

  it('role matrix, closed public job: still everyone (it was published)', async () => {
    const built = await buildJob(ctx, { businessId: cast.businessId, status: 'closed' });
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: url(built.id) }), 200);
  });

  it('role matrix, draft: members only', async () => {
    const built = await buildJob(ctx, { businessId: cast.businessId, status: 'draft' });
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: url(built.id) }), MEMBERS_ONLY);
  });

  it('role matrix, archived public job: members only', async () => {
    const built = await buildJob(ctx, { businessId: cast.businessId, status: 'archived' });
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: url(built.id) }), MEMBERS_ONLY);
  });

  it('role matrix, invite-only job: members, and an invited professional but not an uninvited one', async () => {
    const built = await buildJob(ctx, { businessId: cast.businessId, visibility: 'invite-only' });
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: url(built.id) }), MEMBERS_ONLY);
    const invited = await buildUser(ctx, { professional: true });
    await inviteToJob(ctx, built.id, invited.id);
    const res = await call(ctx, invited, { method: 'GET', url: url(built.id) });
    expect(res.statusCode).toBe(200);
    expect(res.json().brief.title).toBe(built.title);
  });

  it('does not show an invited professional a draft', async () => {
    const built = await buildJob(ctx, {
      businessId: cast.businessId,
      visibility: 'invite-only',
      status: 'draft',
    });
    const invited = await buildUser(ctx, { professional: true });
    await inviteToJob(ctx, built.id, invited.id);
    expect((await call(ctx, invited, { method: 'GET', url: url(built.id) })).statusCode).toBe(404);
  });
});

describe('in a private workspace (HANDOFF_MODE=workspace)', () => {
  let ws: TestContext;
  let wsCast: Cast;
  beforeAll(async () => {
    ws = await createTestContext({ config: { mode: 'workspace' } });
    wsCast = await buildCast(ws);
  });

  /** A job published publicly on a marketplace, before the switch to workspace mode. */
  const publishedBeforeTheSwitch = (tag: string) =>
    buildJob(ws, {
      businessId: wsCast.businessId,
      status: 'open',
      visibility: 'public',
      brief: { title: 'Public before', skills: [tag] },
    });

  it('lists nothing to anyone, not even a job that was public before the switch', async () => {
    const tag = freshSkill();
    await publishedBeforeTheSwitch(tag);
    for (const role of ROLES) {
      const who = role === 'anonymous' ? null : wsCast.people[role];
      for (const query of [`skills=${tag}`, '', `sort=budget&budgetType=fixed`]) {
        const res = await call(ws, who, { method: 'GET', url: `/api/v1/jobs?${query}` });
        expect(res.statusCode, `${role} ${query}`).toBe(200);
        expect(res.json(), `${role} ${query}`).toEqual({ items: [], nextCursor: null });
      }
    }
  });

  it('still answers 400 to a bad query', async () => {
    const res = await call(ws, null, { method: 'GET', url: '/api/v1/jobs?cursor=nope' });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(['querystring.cursor']);
  });

  it('role matrix, public page of a job that was public before the switch: members only', async () => {
    const built = await publishedBeforeTheSwitch(freshSkill());
    await expectRoleMatrix(ws, wsCast, () => ({ method: 'GET', url: `/api/v1/jobs/${built.id}` }), {
      ok: 200,
      except: { anonymous: 404, otherBusiness: 404, professional: 404, admin: 404 },
      why: 'nothing is public in a workspace: outsiders get 404, anonymous included',
    });
  });
});
