/**
 * Helpers for the tests of the business side of jobs: URLs, a complete brief and
 * specification, jobs made and published through the API, and the jobs role matrices.
 */
import { expect } from 'vitest';
import type { BriefInput, BusinessJob, SpecInput } from '../src/core/contracts/jobs.ts';
import type { TestUser } from './factories.ts';
import { call, type Principal, type TestContext } from './harness.ts';

export const jobsUrl = (businessId: string, jobId?: string, rest = '') =>
  `/api/v1/businesses/${businessId}/jobs${jobId ? `/${jobId}` : ''}${rest}`;

/** A brief the checker has nothing against. */
export const FULL_BRIEF = {
  title: 'Logo for a family bakery in Porto',
  summary:
    'We are a family bakery in Porto with two shops and a website. We need a logo for our sign, our paper bags and our Instagram profile. We will share photos of both shops and three logos we like.',
  category: 'design',
  skills: ['Logo design', 'Adobe Illustrator'],
  budget: { type: 'fixed', currency: 'EUR', min: 30000, max: 50000 },
  deadline: '2026-09-30',
} satisfies BriefInput;

/** A specification the checker has nothing against. */
export const FULL_SPEC = {
  description: 'The logo appears on the shop sign, paper bags and Instagram.',
  deliverables: [
    { id: 'd1', text: 'Logo files' },
    { id: 'd2', text: 'Usage guide' },
  ],
  acceptanceCriteria: [
    { id: 'a1', text: 'Delivered as SVG and PNG at 1000 px wide', deliverableId: 'd1' },
    { id: 'a2', text: 'Lists the 3 colours as HEX and CMYK codes', deliverableId: 'd2' },
  ],
  requirements: [
    { id: 'r1', text: 'Uses our brown #5A3A1A', priority: 'must', deliverableId: 'd1' },
    { id: 'r2', text: 'A square version for Instagram', priority: 'could', deliverableId: 'd1' },
  ],
  successDefinition: 'We print the logo on our bags and sign by 1 October and change nothing.',
  constraints: 'No stock images.',
} satisfies SpecInput;

/** Starts a job through the API (201 expected) and returns it. */
export async function createJob(
  ctx: TestContext,
  who: Principal,
  businessId: string,
  body: Record<string, unknown> = { brief: FULL_BRIEF, spec: FULL_SPEC },
): Promise<BusinessJob> {
  const res = await call(ctx, who, { method: 'POST', url: jobsUrl(businessId), payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Starts and publishes a job through the API, with the publish body's `settings`. */
export async function publishedJob(
  ctx: TestContext,
  who: Principal,
  businessId: string,
  body?: Record<string, unknown>,
  settings: Record<string, unknown> = {},
): Promise<BusinessJob> {
  const job = await createJob(ctx, who, businessId, body);
  const res = await call(ctx, who, {
    method: 'POST',
    url: jobsUrl(businessId, job.id, '/publish'),
    payload: settings,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Saves a job through the API (200 expected) and returns it. */
export async function saveJob(
  ctx: TestContext,
  who: TestUser,
  job: { id: string; business: { id: string } },
  payload: Record<string, unknown>,
): Promise<BusinessJob> {
  const res = await call(ctx, who, {
    method: 'PATCH',
    url: jobsUrl(job.business.id, job.id),
    payload,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
