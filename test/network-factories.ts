/** Talent — network: colleagues and recommendations built through the API, as people make them. */
import { expect } from 'vitest';
import type { TestUser } from './factories.ts';
import { call, type TestContext } from './harness.ts';

/** Connects two businesses: `a` asks `b`'s owner by address, `b` accepts. Returns the connection id. */
export async function connectBusinesses(
  ctx: TestContext,
  a: { businessId: string; owner: TestUser },
  b: { businessId: string; owner: TestUser },
): Promise<string> {
  const asked = await call(ctx, a.owner, {
    method: 'POST',
    url: `/api/v1/businesses/${a.businessId}/connections`,
    payload: { email: b.owner.email },
  });
  expect(asked.statusCode).toBe(202);
  const list = await call(ctx, b.owner, {
    method: 'GET',
    url: `/api/v1/businesses/${b.businessId}/connections`,
  });
  const request = (list.json().incoming as { id: string; business: { id: string } }[]).find(
    (c) => c.business.id === a.businessId,
  );
  if (!request) throw new Error('the request did not arrive');
  const accepted = await call(ctx, b.owner, {
    method: 'POST',
    url: `/api/v1/businesses/${b.businessId}/connections/${request.id}/accept`,
  });
  expect(accepted.statusCode).toBe(204);
  return request.id;
}

export async function recommend(
  ctx: TestContext,
  who: TestUser,
  businessId: string,
  professionalId: string,
  note: string,
) {
  return call(ctx, who, {
    method: 'PUT',
    url: `/api/v1/businesses/${businessId}/professionals/${professionalId}/recommendation`,
    payload: { note },
  });
}
