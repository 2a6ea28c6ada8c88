import { and, eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FULL_SPEC, saveJob } from '../../../../test/business-jobs.ts';
import type { TestUser } from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { bidder, confidentialJob, ndaUrl, sendNdaTo, signNdaAs } from '../../../../test/nda-kit.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';
import type { BusinessJob } from '../../../core/contracts/jobs.ts';
import type { JobNdaOverview, ProfessionalSpec } from '../../../core/contracts/ndas.ts';
import { notifications } from '../../db/schema/index.ts';
import { declaredRoutes } from '../../lib/access.ts';

let ctx: TestContext;
let cast: Cast;
const MARKER = 'SPEC-MARKER-7f3a9c';
let job: BusinessJob;
let specAttachmentId: string;
let signed: TestUser;
let unsigned: TestUser;
let submitted: TestUser;

beforeAll(async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'handoff-spec-'));
  ctx = await createTestContext({ config: { dataDir } });
  cast = await buildCast(ctx);
  ({ job, specAttachmentId } = await confidentialJob(ctx, owner(), cast.businessId, MARKER));
  signed = cast.people.professional;
  await bidder(ctx, job.id, signed.name, 'shortlisted', signed);
  ({ pro: unsigned } = await bidder(ctx, job.id, 'Third Shortlisted'));
  ({ pro: submitted } = await bidder(ctx, job.id, 'Still Submitted', 'submitted'));
  for (const pro of [signed, unsigned])
    await sendNdaTo(ctx, owner(), cast.businessId, job.id, pro.id);
  await signNdaAs(ctx, signed, job.id);
});

function owner() {
  return cast.people.owner;
}
const specUrl = (jobId = job.id, rest = '') => `/api/v1/jobs/${jobId}/spec${rest}`;
const readSpec = async (who: TestUser, jobId = job.id) => {
  const res = await call(ctx, who, { method: 'GET', url: specUrl(jobId) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ProfessionalSpec>();
};

/**
 * Every GET route the app declares, its parameters filled with this job's ids (the spec file for
 * any attachment, version 1, the signed professional for a professional id): whatever the URL,
 * the unsigned professional must not get the specification through it.
 */
function everyGetRoute(): (InjectOptions & { url: string })[] {
  const fill: Record<string, string> = {
    businessId: cast.businessId,
    jobId: job.id,
    attachmentId: specAttachmentId,
    version: '1',
    professionalId: signed.id,
  };
  return declaredRoutes(ctx.app)
    .filter((r) => r.method === 'GET' && r.url.includes(':'))
    .map((r) => ({
      method: 'GET' as const,
      url:
        r.url.replace(/:([A-Za-z]+)/g, (_, name: string) => fill[name] ?? job.id) +
        (r.url.endsWith('/diff') ? '?from=1&to=1' : ''),
    }));
}

describe('the specification, for professionals', () => {
  it('a shortlisted professional who signed the NDA reads the current version, its files, and the read is recorded', async () => {
    const spec = await readSpec(signed);
    expect(spec).toMatchObject({ version: 1, job: { id: job.id }, changes: null });
    expect(spec.spec.description).toContain(MARKER);
    expect(spec.attachments.map((a) => a.id)).toEqual([specAttachmentId]);
    const file = await call(ctx, signed, {
      method: 'GET',
      url: specUrl(job.id, `/attachments/${specAttachmentId}`),
    });
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain(MARKER);
    const overview = await call(ctx, owner(), {
      method: 'GET',
      url: ndaUrl(cast.businessId, job.id),
    });
    const me = overview.json<JobNdaOverview>().people.find((p) => p.professional.id === signed.id);
    expect(me?.readVersion).toBe(1);
  });

  it('shortlisted without the signed NDA: 403 saying to sign, for the spec, its files and the acknowledgment', async () => {
    const answers = await Promise.all([
      call(ctx, unsigned, { method: 'GET', url: specUrl() }),
      call(ctx, unsigned, {
        method: 'GET',
        url: specUrl(job.id, `/attachments/${specAttachmentId}`),
      }),
      call(ctx, unsigned, {
        method: 'POST',
        url: specUrl(job.id, '/acknowledge'),
        payload: { version: 1 },
      }),
    ]);
    for (const res of answers) {
      expect(res.statusCode).toBe(403);
      expect(res.json().detail).toContain('Sign this job’s NDA');
      expect(res.body).not.toContain(MARKER);
    }
  });

  it('not shortlisted (a submitted bid, no bid, a member of the business): 404', async () => {
    for (const who of [submitted, cast.people.otherBusiness, cast.people.admin, owner()]) {
      const res = await call(ctx, who, { method: 'GET', url: specUrl() });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain(MARKER);
    }
  });

  it('the unsigned shortlisted professional gets the specification through no GET route of the app', async () => {
    const routes = everyGetRoute();
    expect(routes.length).toBeGreaterThan(20);
    for (const request of routes) {
      const res = await call(ctx, unsigned, request);
      expect(res.rawPayload.includes(MARKER), `${request.url} leaked the specification`).toBe(
        false,
      );
    }
    // The share page of the job, outside the API.
    const page = await call(ctx, unsigned, { method: 'GET', url: `/jobs/${job.id}` });
    expect(page.rawPayload.includes(MARKER)).toBe(false);
  });

  it('the signed professional gets it only through the routes made for it', async () => {
    const leaks: string[] = [];
    for (const request of everyGetRoute()) {
      const res = await call(ctx, signed, request);
      if (res.rawPayload.includes(MARKER)) leaks.push(request.url);
    }
    expect(leaks.sort()).toEqual(
      [specUrl(), specUrl(job.id, `/attachments/${specAttachmentId}`)].sort(),
    );
  });

  it('without an NDA required, shortlisted is enough; a declined bid is not', async () => {
    const { job: open } = await confidentialJob(ctx, owner(), cast.businessId, 'OPEN-MARK', false);
    const { pro: listed } = await bidder(ctx, open.id, 'Listed');
    const { pro: declined } = await bidder(ctx, open.id, 'Declined', 'declined');
    expect((await readSpec(listed, open.id)).spec.description).toContain('OPEN-MARK');
    const res = await call(ctx, declined, { method: 'GET', url: specUrl(open.id) });
    expect(res.statusCode).toBe(404);
  });

  it('shows what changed since the version read, until the current one is acknowledged', async () => {
    const { job: j } = await confidentialJob(ctx, owner(), cast.businessId, 'DIFF-MARK', false);
    const { pro } = await bidder(ctx, j.id, 'Diff Reader', 'awarded');
    expect((await readSpec(pro, j.id)).changes).toBeNull();
    await saveJob(ctx, owner(), j, {
      spec: { ...FULL_SPEC, description: 'The recipe changed: DIFF-MARK 2' },
    });
    const second = await readSpec(pro, j.id);
    expect(second.version).toBe(2);
    expect(second.changes).toMatchObject({ from: 1, to: 2 });
    expect(second.changes?.sections[0]?.parts).toEqual(
      expect.arrayContaining([
        { kind: 'removed', text: 'secret ' },
        { kind: 'added', text: ' changed' },
      ]),
    );
    const stale = await call(ctx, pro, {
      method: 'POST',
      url: specUrl(j.id, '/acknowledge'),
      payload: { version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    ctx.clock.set('2026-12-06T08:00:00Z');
    const ack = await call(ctx, pro, {
      method: 'POST',
      url: specUrl(j.id, '/acknowledge'),
      payload: { version: 2 },
    });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toEqual({ version: 2, acknowledgedAt: '2026-12-06T08:00:00.000Z' });
    const third = await readSpec(pro, j.id);
    expect(third).toMatchObject({ changes: null, acknowledgedVersion: 2 });
    const overview = await call(ctx, cast.people.viewer, {
      method: 'GET',
      url: ndaUrl(cast.businessId, j.id),
    });
    expect(overview.json<JobNdaOverview>().people).toEqual([
      expect.objectContaining({
        professional: { id: pro.id, name: 'Diff Reader' },
        bidStatus: 'awarded',
        nda: null,
        acknowledgedVersion: 2,
        readVersion: 2,
      }),
    ]);
  });

  it('a new version is announced to those who read the specification, not to one who has not signed', async () => {
    const count = async (userId: string) =>
      (
        await ctx.db
          .select()
          .from(notifications)
          .where(and(eq(notifications.userId, userId), eq(notifications.type, 'spec.updated')))
      ).length;
    const before = [await count(signed.id), await count(unsigned.id), await count(submitted.id)];
    await saveJob(ctx, owner(), job, {
      spec: { ...FULL_SPEC, description: `The secret recipe, revised: ${MARKER}` },
    });
    expect([await count(signed.id), await count(unsigned.id), await count(submitted.id)]).toEqual([
      (before[0] ?? 0) + 1,
      before[1],
      before[2],
    ]);
  });

  it('role matrix: only the shortlisted professional who signed reads the spec, its files, and acknowledges', async () => {
    const others = { owner: 404, manager: 404, viewer: 404, otherBusiness: 404, admin: 404 };
    const why =
      'the specification opens to a shortlisted professional who signed; members read it on the business side';
    const { version } = await readSpec(signed);
    for (const request of [
      { method: 'GET' as const, url: specUrl() },
      { method: 'GET' as const, url: specUrl(job.id, `/attachments/${specAttachmentId}`) },
      { method: 'POST' as const, url: specUrl(job.id, '/acknowledge'), payload: { version } },
    ]) {
      await expectRoleMatrix(ctx, cast, () => request, { ok: 200, except: others, why });
    }
  });
});
