import { beforeAll, describe, expect, it } from 'vitest';
import { buildBid } from '../../test/bid-factories.ts';
import { buildBusiness, buildUser } from '../../test/factories.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { buildJob } from '../../test/job-factories.ts';
import { trialParticipants } from '../server/db/schema/index.ts';
import { demoTrials } from './demo-trials.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});

describe('demoTrials', () => {
  it('adds nothing without shortlisted bids, then a trial with one scored submission', async () => {
    const { business, owner } = await buildBusiness(ctx);
    const bakery = {
      name: 'Test Bakery',
      ownerId: owner.id,
      businessId: business.id,
      timeZone: 'Europe/Lisbon',
    };
    expect(await demoTrials(ctx.db, ctx.config, { bakery })).toEqual([
      'No shortlisted bids yet, so no trial: trials come after shortlisting.',
    ]);

    const job = await buildJob(ctx, { businessId: business.id });
    for (const name of ['Ana', 'Bo']) {
      const pro = await buildUser(ctx, { professional: true, name });
      await buildBid(ctx, { jobId: job.id, professionalId: pro.id, status: 'shortlisted' });
    }
    const lines = await demoTrials(ctx.db, ctx.config, { bakery });
    expect(lines[0]).toContain(`/jobs/${job.id}/trials`);
    const rows = await ctx.db.select().from(trialParticipants);
    expect(rows.map((r) => [r.status, r.score]).sort()).toEqual([
      ['accepted', null],
      // (4×3 + 5×2 + 4×1) / 30 × 100
      ['submitted', 86.7],
    ]);
  });
});
