/**
 * The specification of a job is confidential: this file tries every route a non-member can
 * reach, as every kind of non-member, and checks that no answer carries any of it. The marker
 * is one searchable word placed in every field of the specification and in a spec attachment
 * (its name and its bytes); the brief never contains it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpecInput } from '../../../core/contracts/jobs.ts';
import { buildUser, type TestUser } from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildJob, inviteToJob } from '../../../../test/job-factories.ts';
import { buildCast, type Cast } from '../../../../test/role-matrix.ts';
import { buildApp } from '../../app.ts';

const MARKER = `zqx${randomBytes(6).toString('hex')}`;

const SPEC: SpecInput = {
  description: `# Scope\n\nThe real work: ${MARKER} in the description.`,
  deliverables: [{ id: 'd1', text: `Deliverable ${MARKER}` }],
  acceptanceCriteria: [{ id: 'c1', text: `Criterion ${MARKER}`, deliverableId: 'd1' }],
  requirements: [
    { id: 'r1', text: `Requirement ${MARKER}`, priority: 'must', deliverableId: 'd1' },
  ],
  successDefinition: `Success means ${MARKER}`,
  constraints: `Constraint ${MARKER}`,
};

interface BuiltJob {
  id: string;
  briefAttachmentId: string;
  specAttachmentId: string;
}

let ctx: TestContext;
let cast: Cast;
let invited: TestUser;
let publicJob: BuiltJob;
let inviteOnlyJob: BuiltJob;
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

async function attach(jobId: string, layer: 'brief' | 'spec', name: string, text: string) {
  const res = await call(ctx, cast.people.owner, {
    method: 'POST',
    url: `/api/v1/businesses/${cast.businessId}/jobs/${jobId}/attachments?layer=${layer}&name=${encodeURIComponent(name)}`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: Buffer.from(text),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

async function confidentialJob(visibility: 'public' | 'invite-only'): Promise<BuiltJob> {
  const job = await buildJob(ctx, {
    businessId: cast.businessId,
    createdBy: cast.people.owner.id,
    visibility,
    brief: {
      title: `Bakery website (${visibility})`,
      summary: 'A friendly site for a neighbourhood bakery.',
      skills: ['WordPress'],
    },
    spec: SPEC,
  });
  const briefAttachmentId = await attach(job.id, 'brief', 'moodboard.txt', 'Warm colours.');
  const specAttachmentId = await attach(job.id, 'spec', `${MARKER}.txt`, `Spec file: ${MARKER}`);
  // A member reads the job once, so that the spec-views list has an entry.
  const read = await call(ctx, cast.people.owner, {
    method: 'GET',
    url: `/api/v1/businesses/${cast.businessId}/jobs/${job.id}`,
  });
  expect(read.statusCode).toBe(200);
  expect(read.body).toContain(MARKER); // members do see it: the marker is really there
  return { id: job.id, briefAttachmentId, specAttachmentId };
}

beforeAll(async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'handoff-confidential-'));
  temporary.push(dataDir);
  ctx = await createTestContext({ config: { dataDir } });
  cast = await buildCast(ctx);
  invited = await buildUser(ctx, { professional: true, name: 'Invited pro' });
  publicJob = await confidentialJob('public');
  inviteOnlyJob = await confidentialJob('invite-only');
  for (const job of [publicJob, inviteOnlyJob]) await inviteToJob(ctx, job.id, invited.id);
});

type Outsider = 'anonymous' | 'otherBusiness' | 'professional' | 'invited' | 'admin';
const OUTSIDERS: Outsider[] = ['anonymous', 'otherBusiness', 'professional', 'invited', 'admin'];
const person = (who: Outsider): TestUser | null =>
  who === 'anonymous' ? null : who === 'invited' ? invited : cast.people[who];

function expectNoMarker(label: string, body: Buffer) {
  expect(body.includes(MARKER), `${label} leaked the specification`).toBe(false);
}

/** Every route of the business side of a job, as a non-member would try it. */
function businessRoutes(job: BuiltJob): (InjectOptions & { url: string })[] {
  const one = `/api/v1/businesses/${cast.businessId}/jobs/${job.id}`;
  const json = (method: InjectOptions['method'], url: string, payload: object = {}) => ({
    method,
    url,
    payload,
  });
  return [
    { method: 'GET', url: `/api/v1/businesses/${cast.businessId}/jobs` },
    { method: 'GET', url: `/api/v1/businesses/${cast.businessId}/jobs?status=open` },
    json('POST', `/api/v1/businesses/${cast.businessId}/jobs`, { brief: { title: 'x' } }),
    { method: 'GET', url: one },
    json('PATCH', one, { ndaRequired: true }),
    { method: 'DELETE', url: one },
    json('POST', `${one}/publish`),
    json('POST', `${one}/close`),
    json('POST', `${one}/reopen`),
    json('POST', `${one}/archive`),
    { method: 'GET', url: `${one}/versions` },
    { method: 'GET', url: `${one}/versions/1` },
    { method: 'GET', url: `${one}/diff?from=1&to=1` },
    { method: 'GET', url: `${one}/spec-views` },
    { method: 'GET', url: `${one}/invitations` },
    json('POST', `${one}/invitations`, { email: 'someone@test.example' }),
    { method: 'DELETE', url: `${one}/invitations/${invited.id}` },
    {
      method: 'POST',
      url: `${one}/attachments?layer=brief&name=x.txt`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('x'),
    },
    { method: 'GET', url: `${one}/attachments/${job.specAttachmentId}` },
    { method: 'GET', url: `${one}/attachments/${job.briefAttachmentId}` },
    { method: 'DELETE', url: `${one}/attachments/${job.specAttachmentId}` },
  ];
}

describe('a job’s specification never reaches a non-member', () => {
  it.each(OUTSIDERS)(
    'business-side job routes answer %s with 401/404 and nothing of the job',
    async (who) => {
      for (const job of [publicJob, inviteOnlyJob]) {
        for (const request of businessRoutes(job)) {
          const res = await call(ctx, person(who), request);
          const label = `${who}: ${request.method} ${request.url}`;
          expect(res.statusCode, label).toBe(who === 'anonymous' ? 401 : 404);
          expectNoMarker(label, res.rawPayload);
          expect(res.body, label).not.toContain('Bakery website');
        }
      }
    },
  );

  it.each(OUTSIDERS)(
    'the job board does not find or show it for %s, searched for or not',
    async (who) => {
      for (const url of [
        `/api/v1/jobs?q=${MARKER}`,
        `/api/v1/jobs?q=${MARKER}&sort=budget&budgetType=fixed`,
        `/api/v1/jobs?q=${MARKER}&sort=budget&budgetType=hourly`,
        `/api/v1/jobs?q=${encodeURIComponent(`"${MARKER}"`)}`,
        `/api/v1/jobs?skills=wordpress&limit=100`,
        '/api/v1/jobs?limit=100',
      ]) {
        const res = await call(ctx, person(who), { method: 'GET', url });
        expect(res.statusCode, url).toBe(200);
        expectNoMarker(`${who}: GET ${url}`, res.rawPayload);
        if (url.includes('q=')) expect(res.json().items, url).toEqual([]);
      }
      // The public job is on the board (the test would prove nothing if the board were empty).
      const listed = await call(ctx, person(who), {
        method: 'GET',
        url: '/api/v1/jobs?skills=wordpress&limit=100',
      });
      expect(listed.json().items.map((j: { id: string }) => j.id)).toContain(publicJob.id);
    },
  );

  it.each(OUTSIDERS)(
    'a job’s public page and attachments show %s the brief at most',
    async (who) => {
      for (const job of [publicJob, inviteOnlyJob]) {
        const mayRead = job === publicJob || who === 'invited';
        const page = await call(ctx, person(who), { method: 'GET', url: `/api/v1/jobs/${job.id}` });
        expect(page.statusCode).toBe(mayRead ? 200 : 404);
        expectNoMarker(`${who}: public job`, page.rawPayload);
        if (mayRead) {
          expect(page.json().attachments.map((a: { id: string }) => a.id)).toEqual([
            job.briefAttachmentId,
          ]);
        }
        const brief = await call(ctx, person(who), {
          method: 'GET',
          url: `/api/v1/jobs/${job.id}/attachments/${job.briefAttachmentId}`,
        });
        expect(brief.statusCode).toBe(mayRead ? 200 : 404);
        const spec = await call(ctx, person(who), {
          method: 'GET',
          url: `/api/v1/jobs/${job.id}/attachments/${job.specAttachmentId}`,
        });
        expect(spec.statusCode).toBe(404);
        expectNoMarker(`${who}: spec attachment on the public route`, spec.rawPayload);
        // Nor under the other job's id.
        const other = job === publicJob ? inviteOnlyJob : publicJob;
        const crossed = await call(ctx, person(who), {
          method: 'GET',
          url: `/api/v1/jobs/${other.id}/attachments/${job.specAttachmentId}`,
        });
        expect(crossed.statusCode).toBe(404);
        expectNoMarker(`${who}: spec attachment under another job`, crossed.rawPayload);
      }
    },
  );

  it.for(OUTSIDERS)('the invitations list shows %s briefs only', async (who, { skip }) => {
    const res = await call(ctx, person(who), { method: 'GET', url: '/api/v1/me/job-invitations' });
    if (res.statusCode === 404 && String(res.json().detail).startsWith('No route')) {
      skip('GET /api/v1/me/job-invitations is not there yet');
    }
    expect(res.statusCode).toBe(who === 'anonymous' ? 401 : 200);
    expectNoMarker(`${who}: my job invitations`, res.rawPayload);
    if (who === 'invited') {
      const ids = res.json().items.map((j: { id: string }) => j.id);
      expect(ids.sort()).toEqual([publicJob.id, inviteOnlyJob.id].sort());
    }
  });

  describe('the web app’s job page', () => {
    let app: FastifyInstance;
    beforeAll(async () => {
      const webRoot = mkdtempSync(path.join(os.tmpdir(), 'handoff-web-'));
      temporary.push(webRoot);
      writeFileSync(
        path.join(webRoot, 'index.html'),
        '<!doctype html><html><head><title>Handoff</title></head><body></body></html>',
      );
      app = await buildApp({ ...ctx, logger: false, webRoot });
    });
    afterAll(async () => {
      await app.close();
    });

    it('puts the brief in the head, never the specification', async () => {
      for (const job of [publicJob, inviteOnlyJob]) {
        const res = await app.inject({ method: 'GET', url: `/jobs/${job.id}` });
        // The invite-only job is no page for an anonymous visitor.
        expect(res.statusCode).toBe(job === publicJob ? 200 : 404);
        expectNoMarker('job page', res.rawPayload);
        expect(res.body.includes('Bakery website')).toBe(job === publicJob);
      }
    });
  });
});
