import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorPaths } from '../../../../test/audit-factories.ts';
import {
  createJob,
  FULL_BRIEF,
  FULL_SPEC,
  jobsUrl,
  publishedJob,
  saveJob,
} from '../../../../test/business-jobs.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';
import type { BusinessJob, SpecDiff, SpecInput } from '../../../core/contracts/jobs.ts';
import { jobSpecVersions } from '../../db/schema/index.ts';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

const owner = () => cast.people.owner;
const get = (job: BusinessJob, rest = '', who = owner()) =>
  call(ctx, who, { method: 'GET', url: jobsUrl(job.business.id, job.id, rest) });
const versionNumbers = async (job: BusinessJob) => {
  const res = await get(job, '/versions');
  expect(res.statusCode).toBe(200);
  return (res.json().items as { version: number }[]).map((v) => v.version);
};
const withDescription = (description: string): SpecInput => ({ ...FULL_SPEC, description });

describe('versions of the specification', () => {
  it('makes none while the job is a draft, however often its spec changes', async () => {
    const job = await createJob(ctx, owner(), cast.businessId);
    await saveJob(ctx, owner(), job, { spec: withDescription('First') });
    const saved = await saveJob(ctx, owner(), job, { spec: withDescription('Second') });
    expect(saved.specVersion).toBeNull();
    expect(await versionNumbers(job)).toEqual([]);
  });

  it('makes version 2 when a published job’s spec changes, naming who saved it', async () => {
    const job = await publishedJob(ctx, owner(), cast.businessId);
    ctx.clock.set('2026-08-01T10:00:00Z');
    const saved = await saveJob(ctx, cast.people.manager, job, {
      spec: withDescription('The logo also appears on our delivery van.'),
    });
    expect(saved.specVersion).toBe(2);
    const res = await get(job, '/versions');
    expect(res.json().items).toEqual([
      {
        version: 2,
        createdAt: '2026-08-01T10:00:00.000Z',
        createdBy: { id: cast.people.manager.id, name: cast.people.manager.name },
      },
      expect.objectContaining({ version: 1, createdBy: { id: owner().id, name: owner().name } }),
    ]);
  });

  it('makes none for a save with the same spec, in any key order, or with the brief alone', async () => {
    const job = await publishedJob(ctx, owner(), cast.businessId);
    const reordered = Object.fromEntries(Object.entries(FULL_SPEC).reverse());
    const same = await saveJob(ctx, owner(), job, { spec: reordered });
    const briefOnly = await saveJob(ctx, owner(), job, {
      brief: { ...FULL_BRIEF, title: 'A new title for the same work' },
    });
    expect([same.specVersion, briefOnly.specVersion]).toEqual([1, 1]);
    expect(await versionNumbers(job)).toEqual([1]);
  });

  it('numbers two concurrent saves one after the other: versions 2 and 3, never two version 2s', async () => {
    const job = await publishedJob(ctx, owner(), cast.businessId);
    const save = (description: string) =>
      call(ctx, owner(), {
        method: 'PATCH',
        url: jobsUrl(cast.businessId, job.id),
        payload: { spec: withDescription(description) },
      });
    const answers = await Promise.all([save('Concurrent A'), save('Concurrent B')]);
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(answers.map((r) => r.json<BusinessJob>().specVersion).sort()).toEqual([2, 3]);
    expect(await versionNumbers(job)).toEqual([3, 2, 1]);
    const rows = await ctx.db
      .select({ version: jobSpecVersions.version, spec: jobSpecVersions.spec })
      .from(jobSpecVersions)
      .where(eq(jobSpecVersions.jobId, job.id));
    expect(rows.map((r) => r.spec.description).sort()).toEqual([
      'Concurrent A',
      'Concurrent B',
      FULL_SPEC.description,
    ]);
  });

  it('GET …/versions/:version returns that version’s spec; 404 for one that does not exist', async () => {
    const job = await publishedJob(ctx, owner(), cast.businessId);
    await saveJob(ctx, owner(), job, { spec: withDescription('Changed') });
    const first = await get(job, '/versions/1');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: 1, spec: FULL_SPEC });
    expect((await get(job, '/versions/2')).json().spec.description).toBe('Changed');
    const missing = await get(job, '/versions/3');
    expect(missing.statusCode).toBe(404);
    expect(errorPaths(missing)).toEqual(['params.version']);
  });

  it('role matrix …/versions and …/versions/:version: every member reads; outsiders 404', async () => {
    const job = await publishedJob(ctx, owner(), cast.businessId);
    for (const rest of ['/versions', '/versions/1']) {
      await expectRoleMatrix(
        ctx,
        cast,
        () => ({ method: 'GET', url: jobsUrl(cast.businessId, job.id, rest) }),
        200,
      );
    }
  });
});

describe('GET …/jobs/:jobId/diff', () => {
  let job: BusinessJob;
  beforeAll(async () => {
    job = await publishedJob(ctx, owner(), cast.businessId);
    await saveJob(ctx, owner(), job, {
      spec: { ...FULL_SPEC, description: 'The logo appears on the shop sign and paper bags.' },
    });
    await saveJob(ctx, owner(), job, {
      spec: {
        ...FULL_SPEC,
        description: 'The logo appears on the shop sign, paper bags and our delivery van.',
        deliverables: [...FULL_SPEC.deliverables, { id: 'd3', text: 'Favicon, 32 px' }],
        constraints: '',
      },
    });
  });

  const diff = async (from: number, to: number): Promise<SpecDiff> => {
    const res = await get(job, `/diff?from=${from}&to=${to}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const text = (d: SpecDiff, section: string, kind: 'added' | 'removed') =>
    (d.sections.find((s) => s.section === section)?.parts ?? [])
      .filter((p) => p.kind === kind)
      .map((p) => p.text)
      .join('');

  it('shows what was added and removed between versions 1 and 3, only in the sections that changed', async () => {
    const d = await diff(1, 3);
    expect(d.from).toBe(1);
    expect(d.to).toBe(3);
    expect(d.sections.map((s) => [s.section, s.label])).toEqual([
      ['description', 'Description'],
      ['deliverables', 'Deliverables'],
      ['constraints', 'Constraints'],
    ]);
    expect(text(d, 'description', 'added')).toContain('delivery van');
    expect(text(d, 'description', 'removed')).toContain('Instagram');
    expect(text(d, 'deliverables', 'added')).toBe('• Favicon, 32 px\n');
    expect(text(d, 'constraints', 'removed')).toBe('No stock images.');
  });

  it('compares any two versions, in either direction', async () => {
    const back = await diff(3, 1);
    expect(text(back, 'deliverables', 'removed')).toBe('• Favicon, 32 px\n');
    expect((await diff(2, 2)).sections).toEqual([]);
  });

  it('answers 404 naming the version that does not exist, and 400 for a missing one', async () => {
    const res = await get(job, '/diff?from=1&to=9');
    expect(res.statusCode).toBe(404);
    expect(errorPaths(res)).toEqual(['querystring.to']);
    const bad = await get(job, '/diff?from=1');
    expect(bad.statusCode).toBe(400);
    expect(errorPaths(bad)).toEqual(['querystring.to']);
  });

  it('role matrix: every member reads; outsiders 404', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: jobsUrl(cast.businessId, job.id, '/diff?from=1&to=3') }),
      200,
    );
  });
});

describe('who has seen which version', () => {
  it('notes the first time each member reads each published version', async () => {
    ctx.clock.set('2026-08-01T10:00:00Z');
    const job = await publishedJob(ctx, owner(), cast.businessId);
    await get(job);
    ctx.clock.set('2026-08-01T11:00:00Z');
    await get(job);
    await get(job, '', cast.people.viewer);
    ctx.clock.set('2026-08-02T10:00:00Z');
    await saveJob(ctx, owner(), job, { spec: withDescription('Now with a van') });
    await get(job);

    const res = await get(job, '/spec-views');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      {
        user: { id: owner().id, name: owner().name },
        version: 2,
        firstSeenAt: '2026-08-02T10:00:00.000Z',
      },
      {
        user: { id: owner().id, name: owner().name },
        version: 1,
        firstSeenAt: '2026-08-01T10:00:00.000Z',
      },
      {
        user: { id: cast.people.viewer.id, name: cast.people.viewer.name },
        version: 1,
        firstSeenAt: '2026-08-01T11:00:00.000Z',
      },
    ]);
  });

  it('notes nothing for a draft', async () => {
    const job = await createJob(ctx, owner(), cast.businessId);
    await get(job);
    expect((await get(job, '/spec-views')).json().items).toEqual([]);
  });

  it('role matrix: every member reads; outsiders 404', async () => {
    const job = await publishedJob(ctx, owner(), cast.businessId);
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: jobsUrl(cast.businessId, job.id, '/spec-views') }),
      200,
    );
  });
});
