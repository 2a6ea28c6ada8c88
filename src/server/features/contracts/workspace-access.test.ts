/**
 * The contract workspace's foundation: a QA reviewer is a party with the reviewer's abilities,
 * and a change inside a contract reaches every party's open stream as a `contract` event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addReviewer,
  buildCastContract,
  buildContract,
} from '../../../../test/contract-factories.ts';
import { openEventStream, type EventStream, forContract } from '../../../../test/event-stream.ts';
import { buildUser } from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildCast, type Cast } from '../../../../test/role-matrix.ts';
import { ContractChangeEventSchema } from '../../../core/contracts/offers.ts';

let ctx: TestContext;
let cast: Cast;
let base: string;
const streams: EventStream[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  const address = ctx.app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening on a port');
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(() => {
  for (const s of streams) s.close();
});

describe('contract parties', () => {
  it('a QA reviewer reads the contract with the reviewer’s abilities only', async () => {
    const contract = await buildCastContract(ctx, cast);
    const reviewer = await addReviewer(ctx, contract.id);
    const res = await call(ctx, reviewer, {
      method: 'GET',
      url: `/api/v1/contracts/${contract.id}`,
    });
    expect(res.statusCode).toBe(200);
    const viewer = res.json().viewer;
    expect(viewer.party).toBe('reviewer');
    expect(viewer.abilities).toContain('files.read');
    expect(viewer.abilities).not.toContain('time.read');
    expect(viewer.abilities).not.toContain('messages.read');
  });

  it('the professional and the members get their own abilities; a stranger gets 404', async () => {
    const contract = await buildCastContract(ctx, cast);
    const pro = await call(ctx, cast.people.professional, {
      method: 'GET',
      url: `/api/v1/contracts/${contract.id}`,
    });
    expect(pro.json().viewer.abilities).toContain('time.track');
    const viewer = await call(ctx, cast.people.viewer, {
      method: 'GET',
      url: `/api/v1/contracts/${contract.id}`,
    });
    expect(viewer.json().viewer.abilities).not.toContain('time.review');
    const stranger = await buildUser(ctx, { professional: true });
    const res = await call(ctx, stranger, {
      method: 'GET',
      url: `/api/v1/contracts/${contract.id}`,
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('live contract events', () => {
  it('accepting an offer reaches the business’s open stream as a contract event', async () => {
    const contract = await buildContract(ctx, {
      businessId: cast.businessId,
      professionalId: cast.people.professional.id,
      status: 'offered',
    });
    const stream = await openEventStream(
      `${base}/api/v1/notifications/stream`,
      cast.people.viewer.token,
    );
    streams.push(stream);
    const accepted = await call(ctx, cast.people.professional, {
      method: 'POST',
      url: `/api/v1/contracts/${contract.id}/accept`,
    });
    expect(accepted.statusCode).toBe(200);
    const event = ContractChangeEventSchema.parse(
      JSON.parse((await stream.next('contract', forContract(contract.id))).data),
    );
    expect(event).toEqual({ contractId: contract.id, topic: 'contract' });
  });
});
