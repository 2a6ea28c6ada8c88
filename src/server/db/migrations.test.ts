/** Data migrations, run as files against a database in the state they were written for. */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBusiness } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { buildJob } from '../../../test/job-factories.ts';
import { skills } from './schema/index.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});

const migration = (name: string) =>
  readFileSync(new URL(`./migrations/${name}.sql`, import.meta.url), 'utf8');

describe('0006_drop-unshared-skills', () => {
  it('drops skills only drafts used, keeping seeded ones and those of open public jobs', async () => {
    const { business } = await buildBusiness(ctx);
    // As before the fix: saving a draft or an invite-only job shared its skills.
    await buildJob(ctx, {
      businessId: business.id,
      status: 'draft',
      brief: { skills: ['Project Nightjar', 'Figma'] },
    });
    await buildJob(ctx, {
      businessId: business.id,
      visibility: 'invite-only',
      brief: { skills: ['Secret merger'] },
    });
    await buildJob(ctx, { businessId: business.id, brief: { skills: ['Risograph printing'] } });
    await ctx.db.insert(skills).values([
      { slug: 'project-nightjar', name: 'Project Nightjar' },
      { slug: 'secret-merger', name: 'Secret merger' },
      { slug: 'risograph-printing', name: 'Risograph printing' },
    ]);

    await ctx.pool.query(migration('0006_drop-unshared-skills'));

    const slugs = (await ctx.db.select({ slug: skills.slug }).from(skills)).map((s) => s.slug);
    expect(slugs).not.toContain('project-nightjar');
    expect(slugs).not.toContain('secret-merger');
    expect(slugs).toEqual(expect.arrayContaining(['figma', 'logo-design', 'risograph-printing']));
    // Every seeded skill stays: 73 of them, plus the one from the open public job.
    expect(slugs).toHaveLength(74);
  });
});
