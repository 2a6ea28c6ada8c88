/**
 * The web client against the real server: every endpoint of the contract map is a route the
 * server registers, and calls made through the typed client reach it with their params, query
 * and body, answering the contract's shapes and problem+json field errors.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { endpoints, type EndpointKey } from '../core/contracts/endpoints.ts';
import { buildUser, type TestUser } from '../../test/factories.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { ApiError, apiPath, createApi } from './api.ts';

let ctx: TestContext;
let person: TestUser;
let api: ReturnType<typeof createApi>;

beforeAll(async () => {
  ctx = await createTestContext();
  person = await buildUser(ctx, { name: 'Ada Client' });
  // The browser's fetch, replaced by an in-process request with the person's API token.
  api = createApi(async (url, init) => {
    const res = await ctx.app.inject({
      method: init.method as 'GET',
      url,
      headers: {
        ...(init.headers as Record<string, string>),
        authorization: `Bearer ${person.token}`,
      },
      payload: init.body as string | undefined,
    });
    return new Response(res.statusCode === 204 ? null : res.body, {
      status: res.statusCode,
      headers: { 'content-type': String(res.headers['content-type'] ?? 'application/json') },
    });
  });
});

describe('the endpoint map', () => {
  it.each(Object.keys(endpoints) as EndpointKey[])('%s is a route of the server', (key) => {
    const [method, path] = key.split(' ') as ['GET', string];
    expect(ctx.app.hasRoute({ method, url: `/api/v1${path}` })).toBe(true);
  });
});

describe('the typed client', () => {
  it('fills path parameters and leaves empty query parts out', () => {
    expect(apiPath('/businesses/:businessId', { businessId: 'a/b' }, { q: '', limit: 8 })).toBe(
      '/api/v1/businesses/a%2Fb?limit=8',
    );
  });

  it('reads and changes the signed-in person', async () => {
    const me = await api('GET /me');
    expect(me.user.name).toBe('Ada Client');
    const changed = await api('PATCH /me', { body: { timeZone: 'Europe/Lisbon' } });
    expect(changed.user.timeZone).toBe('Europe/Lisbon');
  });

  it('sends params and answers 204 with null', async () => {
    const business = await api('POST /businesses', { body: { name: 'Client Bakery' } });
    const read = await api('GET /businesses/:businessId', { params: { businessId: business.id } });
    expect(read.name).toBe('Client Bakery');
    const invitation = await api('POST /businesses/:businessId/invitations', {
      params: { businessId: business.id },
      body: { email: 'Someone@Test.Example', role: 'viewer' },
    });
    expect(invitation.email).toBe('someone@test.example');
    const withdrawn = await api('DELETE /businesses/:businessId/invitations/:invitationId', {
      params: { businessId: business.id, invitationId: invitation.id },
    });
    expect(withdrawn).toBeNull();
  });

  it('throws the problem+json with each field error under its field', async () => {
    const error = await api('PATCH /me', { body: { timeZone: 'Mars/Olympus' } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    const problem = error as ApiError;
    expect(problem.problem.status).toBe(400);
    expect(problem.fieldErrors().timeZone).toMatch(/time zone/i);
    expect(problem.fieldError('timeZone')).toBe(problem.fieldErrors().timeZone);
  });

  it('sends the query of a search', async () => {
    const page = await api('GET /jobs', { query: { q: 'nothing-matches-this', limit: 5 } });
    expect(page.items).toEqual([]);
  });

  it('sends a change again with the same key when its answer was lost, making one record', async () => {
    const keys: string[] = [];
    let lost = 1;
    const flaky = createApi(async (url, init) => {
      const headers = init.headers as Record<string, string>;
      keys.push(headers['idempotency-key'] ?? '');
      const res = await ctx.app.inject({
        method: init.method as 'POST',
        url,
        headers: { ...headers, authorization: `Bearer ${person.token}` },
        payload: init.body as string,
      });
      // The server made the business, then the connection dropped before the answer arrived.
      if (lost-- > 0) throw new TypeError('Failed to fetch');
      return new Response(res.body, {
        status: res.statusCode,
        headers: { 'content-type': String(res.headers['content-type']) },
      });
    });
    const business = await flaky('POST /businesses', { body: { name: 'Retried Bakery' } });
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
    const { memberships } = await api('GET /me');
    expect(
      memberships.filter((m) => m.businessName === 'Retried Bakery').map((m) => m.businessId),
    ).toEqual([business.id]);
  });
});
