/**
 * A private workspace (HANDOFF_MODE=workspace) has nothing public: outside the business, only
 * invited professionals read a job's brief. That holds for jobs published publicly before the
 * deployment switched from marketplace to workspace mode, which keep `visibility = 'public'` in
 * their rows until they are next saved or moved.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedJob } from '../../../../test/business-jobs.ts';
import { buildUser, type TestUser } from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildJob, inviteToJob } from '../../../../test/job-factories.ts';
import { buildCast, type Cast } from '../../../../test/role-matrix.ts';
import { buildApp } from '../../app.ts';
import { authorizeBrief } from './policy.ts';

let ctx: TestContext;
let cast: Cast;
let invited: TestUser;
/** Published publicly while the deployment was a marketplace. */
let oldPublicJob: { id: string; briefAttachmentId: string };
const temporary: string[] = [];

beforeAll(async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'handoff-workspace-'));
  temporary.push(dataDir);
  ctx = await createTestContext({ config: { mode: 'workspace', dataDir } });
  cast = await buildCast(ctx);
  invited = await buildUser(ctx, { professional: true, name: 'Invited pro' });
  const job = await buildJob(ctx, {
    businessId: cast.businessId,
    visibility: 'public',
    brief: { title: 'Shop window lettering', skills: ['Sign painting'] },
  });
  await inviteToJob(ctx, job.id, invited.id);
  const upload = await call(ctx, cast.people.owner, {
    method: 'POST',
    url: `/api/v1/businesses/${cast.businessId}/jobs/${job.id}/attachments?layer=brief&name=window.txt`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: Buffer.from('The window is 2 m wide.'),
  });
  expect(upload.statusCode, upload.body).toBe(201);
  oldPublicJob = { id: job.id, briefAttachmentId: upload.json<{ id: string }>().id };
});
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

type Reader = 'anonymous' | 'otherBusiness' | 'professional' | 'invited' | 'viewer';
/** Who may read the old public job's brief in a workspace: its members and who was invited. */
const MAY_READ: Record<Reader, boolean> = {
  anonymous: false,
  otherBusiness: false,
  professional: false,
  invited: true,
  viewer: true,
};
const person = (who: Reader): TestUser | null =>
  who === 'anonymous' ? null : who === 'invited' ? invited : cast.people[who];

describe('a job published publicly before the switch to workspace mode', () => {
  it('is readable only by members and invited professionals (authorizeBrief)', async () => {
    for (const [who, may] of Object.entries(MAY_READ) as [Reader, boolean][]) {
      const read = authorizeBrief(ctx.db, oldPublicJob.id, person(who)?.id ?? null, 'workspace');
      if (may) await expect(read, who).resolves.toMatchObject({ id: oldPublicJob.id });
      else await expect(read, who).rejects.toMatchObject({ status: 404 });
    }
    // The same row on a marketplace is public: the mode alone makes the difference.
    await expect(
      authorizeBrief(ctx.db, oldPublicJob.id, null, 'marketplace'),
    ).resolves.toMatchObject({ id: oldPublicJob.id });
  });

  it('answers 404 for its public page to everyone but members and invited professionals', async () => {
    for (const [who, may] of Object.entries(MAY_READ) as [Reader, boolean][]) {
      const res = await call(ctx, person(who), {
        method: 'GET',
        url: `/api/v1/jobs/${oldPublicJob.id}`,
      });
      expect(res.statusCode, who).toBe(may ? 200 : 404);
    }
  });

  it('answers 404 for its brief attachments to everyone but members and invited professionals', async () => {
    for (const [who, may] of Object.entries(MAY_READ) as [Reader, boolean][]) {
      const res = await call(ctx, person(who), {
        method: 'GET',
        url: `/api/v1/jobs/${oldPublicJob.id}/attachments/${oldPublicJob.briefAttachmentId}`,
      });
      expect(res.statusCode, who).toBe(may ? 200 : 404);
    }
  });

  it('is no page for an anonymous visitor (404), its title never in the head', async () => {
    const webRoot = mkdtempSync(path.join(os.tmpdir(), 'handoff-web-'));
    temporary.push(webRoot);
    writeFileSync(
      path.join(webRoot, 'index.html'),
      '<!doctype html><html><head><title>Handoff</title></head><body></body></html>',
    );
    const app: FastifyInstance = await buildApp({ ...ctx, logger: false, webRoot });
    try {
      const res = await app.inject({ method: 'GET', url: `/jobs/${oldPublicJob.id}` });
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain('<title>Handoff</title>');
      expect(res.body).not.toContain('Shop window lettering');
    } finally {
      await app.close();
    }
  });
});

describe('skills in a workspace', () => {
  it('are never offered to anyone outside, even from a published job', async () => {
    await publishedJob(ctx, cast.people.owner, cast.businessId, {
      brief: { title: 'Stock count', skills: ['Walk-in freezer inventory'] },
    });
    for (const who of [null, cast.people.otherBusiness]) {
      const res = await call(ctx, who, { method: 'GET', url: '/api/v1/skills?q=freezer' });
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toEqual([]);
    }
  });
});
