import { beforeAll, describe, expect, it } from 'vitest';
import { errorPaths } from '../../../../test/audit-factories.ts';
import { createJob, publishedJob, saveJob } from '../../../../test/business-jobs.ts';
import { buildBusiness } from '../../../../test/factories.ts';
import {
  call,
  createTestContext,
  type Principal,
  type TestContext,
} from '../../../../test/harness.ts';
import { buildJob } from '../../../../test/job-factories.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';
import {
  BriefSchema,
  SpecSchema,
  type JobTemplate,
  type SpecInput,
} from '../../../core/contracts/jobs.ts';
import { checkRequirements } from '../../../core/requirements-checker.ts';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

const templates = async (): Promise<JobTemplate[]> => {
  const res = await call(ctx, cast.people.owner, { method: 'GET', url: '/api/v1/job-templates' });
  expect(res.statusCode).toBe(200);
  return res.json().items;
};
const patchTemplate = (slug: string, payload: object, who = cast.people.admin) =>
  call(ctx, who, { method: 'PATCH', url: `/api/v1/admin/job-templates/${slug}`, payload });

describe('GET /api/v1/job-templates', () => {
  it('lists the six seeded templates, each with its category', async () => {
    expect((await templates()).map((t) => [t.slug, t.category])).toEqual([
      ['logo-design', 'design'],
      ['website-integration', 'web-development'],
      ['copywriting', 'writing'],
      ['data-entry', 'data-entry'],
      ['bookkeeping', 'bookkeeping'],
      ['social-media', 'social-media'],
    ]);
  });

  it('seeds templates the checker flags only for the budget and the deadline the owner sets', async () => {
    for (const t of await templates()) {
      const brief = BriefSchema.parse({ ...t.brief });
      const spec = SpecSchema.parse(t.spec);
      const { findings } = checkRequirements({ brief, spec });
      expect(findings.map((f) => f.code).sort(), t.slug).toEqual(['no-budget', 'no-deadline']);
      expect(
        spec.requirements.map((r) => r.priority),
        t.slug,
      ).toEqual(expect.arrayContaining(['must', 'should', 'could']));
    }
  });

  it('role matrix: anyone signed in; anonymous 401', async () => {
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: '/api/v1/job-templates' }), 200);
  });
});

describe('PATCH /api/v1/admin/job-templates/:slug', () => {
  it('lets an admin change a template, and new jobs start from the change', async () => {
    ctx.clock.set('2026-07-14T09:00:00Z');
    const spec: SpecInput = {
      description: 'Menu card for a restaurant.',
      deliverables: [{ id: 'd1', text: 'Menu as PDF' }],
    };
    const res = await patchTemplate('copywriting', {
      name: 'Menu writing',
      brief: { title: 'Menu text for our restaurant', skills: ['Copywriting'] },
      spec,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      slug: 'copywriting',
      name: 'Menu writing',
      category: 'writing',
      brief: { title: 'Menu text for our restaurant' },
      spec: { description: 'Menu card for a restaurant.' },
      updatedAt: '2026-07-14T09:00:00.000Z',
    });

    const { business, owner } = await buildBusiness(ctx);
    const job = await createJob(ctx, owner, business.id, { templateSlug: 'copywriting' });
    expect(job.brief.title).toBe('Menu text for our restaurant');
    expect(job.brief.category).toBe('writing');
    expect(job.spec.deliverables).toEqual([{ id: 'd1', text: 'Menu as PDF' }]);
  });

  it('answers 404 for a template that does not exist', async () => {
    const res = await patchTemplate('astrology', { name: 'Horoscopes' });
    expect(res.statusCode).toBe(404);
  });

  it('names each bad field, including a category that does not exist', async () => {
    const res = await patchTemplate('data-entry', { name: '', brief: { skills: 'Excel' } });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(expect.arrayContaining(['body.name', 'body.brief.skills']));
    const unknown = await patchTemplate('data-entry', { category: 'astrology' });
    expect(unknown.statusCode).toBe(400);
    expect(errorPaths(unknown)).toEqual(['body.category']);
  });

  it('role matrix: admins only; everyone else signed in 403; anonymous 401', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'PATCH',
        url: '/api/v1/admin/job-templates/social-media',
        payload: { name: 'Social media' },
      }),
      200,
    );
  });
});

describe('GET /api/v1/skills', () => {
  const search = async (query: string, who: Principal | null = null) => {
    const res = await call(ctx, who, { method: 'GET', url: `/api/v1/skills${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { slug: string; name: string }[]).map((s) => s.name);
  };

  it('matches any part of the name in any case, without sign-in', async () => {
    const names = await search('?q=WRIT&limit=50');
    expect(names).toEqual(
      expect.arrayContaining([
        'Copywriting',
        'Content writing',
        'SEO writing',
        'Technical writing',
      ]),
    );
    expect(names.every((n) => n.toLowerCase().includes('writ'))).toBe(true);
  });

  it('puts the skills most open public jobs ask for first, then the rest by name', async () => {
    const { business } = await buildBusiness(ctx);
    const make = (skills: string[], status: 'open' | 'draft' = 'open') =>
      buildJob(ctx, { businessId: business.id, status, brief: { title: 'Some job', skills } });
    await make(['Microsoft Excel', 'Google Sheets']);
    await make(['Google Sheets']);
    await make(['Data entry', 'Data entry'], 'draft');
    await make(['Data entry'], 'draft');
    expect(await search('?q=e&limit=3')).toEqual([
      'Google Sheets',
      'Microsoft Excel',
      'Accounts payable',
    ]);
  });

  it('treats % and _ as plain characters and honours the limit', async () => {
    expect(await search('?q=%25')).toEqual([]);
    expect(await search('?q=_')).toEqual([]);
    expect(await search('?limit=2')).toHaveLength(2);
  });

  it('offers a skill an owner typed into a job once the job is published publicly', async () => {
    const { business, owner } = await buildBusiness(ctx);
    await publishedJob(ctx, owner, business.id, {
      brief: { title: 'Zines', skills: ['Risograph printing'] },
    });
    expect(await search('?q=risogr')).toEqual(['Risograph printing']);
  });

  it('never offers a skill typed into a draft or an invite-only job, to anyone outside', async () => {
    const { business, owner } = await buildBusiness(ctx);
    await createJob(ctx, owner, business.id, {
      brief: { title: 'Acquisition memo', skills: ['Crumb takeover due diligence'] },
    });
    await publishedJob(
      ctx,
      owner,
      business.id,
      { brief: { title: 'Layoff letters', skills: ['Bakery restructuring letters'] } },
      { visibility: 'invite-only' },
    );
    for (const who of [null, cast.people.otherBusiness, cast.people.professional]) {
      expect(await search('?q=crumb', who)).toEqual([]);
      expect(await search('?q=restructuring', who)).toEqual([]);
    }
  });

  it('offers an invite-only job’s skills once a save makes it public, and a new skill saved into an open public job', async () => {
    const { business, owner } = await buildBusiness(ctx);
    const brief = { title: 'Posters', skills: ['Linocut'] };
    const job = await publishedJob(
      ctx,
      owner,
      business.id,
      { brief },
      { visibility: 'invite-only' },
    );
    expect(await search('?q=linocut')).toEqual([]);
    await saveJob(ctx, owner, job, { visibility: 'public' });
    expect(await search('?q=linocut')).toEqual(['Linocut']);
    await saveJob(ctx, owner, job, {
      brief: { ...brief, skills: ['Linocut', 'Screen printing by hand'] },
    });
    expect(await search('?q=by%20hand')).toEqual(['Screen printing by hand']);
  });

  it('names a bad limit', async () => {
    const res = await call(ctx, null, { method: 'GET', url: '/api/v1/skills?limit=500' });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(['querystring.limit']);
  });

  it('role matrix: everyone, signed in or not', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: '/api/v1/skills?q=design' }),
      200,
    );
  });
});
