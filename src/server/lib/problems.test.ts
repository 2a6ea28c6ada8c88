import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBusiness } from '../../../test/factories.ts';
import { createTestContext, ORIGIN, type TestContext } from '../../../test/harness.ts';

/**
 * Every error answer is problem+json with a title in plain words, including those raised before
 * a route runs: by node's HTTP parser (431), Fastify's router (414), its body parser (413, 415)
 * and better-auth (/api/auth). Over a real connection, since inject() skips node's parser.
 */
let ctx: TestContext;
let base: string;
beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(ctx.app.server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await ctx.app.close();
});

async function expectProblem(response: Response, status: number, title: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  const body = (await response.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ status, title });
  expect(body.type).toMatch(/^https:\/\/handoff\.dev\/problems\//);
  expect(String(body.title)).not.toMatch(/FST_|ERR_/);
  return body;
}

describe('errors raised before a route runs', () => {
  it('431 for headers past node’s limit', async () => {
    const res = await fetch(`${base}/api/v1/me`, { headers: { 'x-big': 'a'.repeat(20_000) } });
    await expectProblem(res, 431, 'Request headers too large');
  });

  it('431 for an address longer than the header limit', async () => {
    const res = await fetch(`${base}/api/v1/skills?q=${'a'.repeat(100_000)}`);
    await expectProblem(res, 431, 'Request headers too large');
  });

  it('414 for a path segment longer than the router takes, without echoing the path', async () => {
    const secret = 'x'.repeat(300);
    const res = await fetch(`${base}/api/v1/invitations/${secret}`);
    const body = await expectProblem(res, 414, 'Address too long');
    expect(JSON.stringify(body)).not.toContain(secret);
  });

  it('413 and 415 are titled in words', async () => {
    const big = await fetch(`${base}/api/v1/me`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'a'.repeat(2_000_000) }),
    });
    await expectProblem(big, 413, 'Request body too large');
    const xml = await fetch(`${base}/api/v1/me`, {
      method: 'PATCH',
      headers: { 'content-type': 'text/xml' },
      body: '<name>x</name>',
    });
    const body = await expectProblem(xml, 415, 'Unsupported content type');
    expect(body.detail).toContain('text/xml');
  });
});

describe('/api/auth', () => {
  it('answers an unknown path with a 404 problem instead of null', async () => {
    const res = await fetch(`${base}/api/auth/no-such-thing`);
    await expectProblem(res, 404, 'Not found');
  });

  it('turns better-auth’s errors into problem+json, keeping status, message and code', async () => {
    const res = await fetch(`${base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ email: 'nobody@test.example', password: 'not-a-password' }),
    });
    const body = await expectProblem(res, 401, 'Unauthorized');
    expect(body).toMatchObject({
      type: 'https://handoff.dev/problems/invalid-email-or-password',
      detail: 'Invalid email or password',
      // Read by the web app's auth client.
      message: 'Invalid email or password',
      code: 'INVALID_EMAIL_OR_PASSWORD',
    });
  });

  it('leaves successful answers as better-auth sends them', async () => {
    const res = await fetch(`${base}/api/auth/get-session`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
  });
});

describe('validation problems', () => {
  it('name each bad field in a plain sentence, never zod’s wording', async () => {
    const { business, owner } = await buildBusiness(ctx);
    const res = await fetch(`${base}/api/v1/businesses/${business.id}/audits`, {
      method: 'POST',
      headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ periodDays: 91, hourlyValue: 2.5 }),
    });
    const body = await expectProblem(res, 400, 'Invalid request');
    expect(body.errors).toEqual([
      { path: 'body.periodDays', message: 'Audit period (days) must be 90 or less' },
      { path: 'body.hourlyValue', message: 'Hourly value must be a whole number' },
    ]);
    expect(String(body.detail)).not.toMatch(/Too big|expected/);
  });
});
