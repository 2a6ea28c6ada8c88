/**
 * A running contract's changes over HTTP: pausing, resuming and ending it; amendments and change
 * orders proposed by one side and answered by the other; the history they leave.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCastContract, contractExpected } from '../../../../test/contract-factories.ts';
import type { TestUser } from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';
import type { NotificationType } from '../../../core/contracts/notifications.ts';
import { contracts, notifications } from '../../db/schema/index.ts';

let ctx: TestContext;
let cast: Cast;

beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

const url = (id: string, rest = '') => `/api/v1/contracts/${id}${rest}`;
const post = (who: TestUser, path: string, payload: object = {}, headers = {}) =>
  call(ctx, who, { method: 'POST', url: path, payload, headers });
const contractRow = async (id: string) =>
  (await ctx.db.select().from(contracts).where(eq(contracts.id, id)))[0]!;
const notified = async (userId: string, type: NotificationType) =>
  ctx.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.type, type)));

describe('pausing, resuming and ending', () => {
  it('pause and resume: owners and managers (contract.manage); the others refused', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      async () => ({
        method: 'POST',
        url: url((await buildCastContract(ctx, cast)).id, '/pause'),
        payload: {},
      }),
      contractExpected('contract.manage', 200),
    );
    await expectRoleMatrix(
      ctx,
      cast,
      async () => ({
        method: 'POST',
        url: url((await buildCastContract(ctx, cast, { status: 'paused' })).id, '/resume'),
      }),
      contractExpected('contract.manage', 200),
    );
  });

  it('end: owners and managers; a cancellation needs a reason', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      async () => ({
        method: 'POST',
        url: url((await buildCastContract(ctx, cast)).id, '/end'),
        payload: { outcome: 'completed' },
      }),
      contractExpected('contract.manage', 200),
    );
    const contract = await buildCastContract(ctx, cast);
    const bare = await post(cast.people.owner, url(contract.id, '/end'), { outcome: 'cancelled' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors).toEqual([
      {
        path: 'body.reason',
        message: 'Say why the contract is cancelled; the professional reads it',
      },
    ]);
    expect((await contractRow(contract.id)).status).toBe('active');
  });

  it('moves active → paused → active → completed, keeps each step in the history, and tells the professional', async () => {
    const contract = await buildCastContract(ctx, cast);
    const paused = await post(cast.people.manager, url(contract.id, '/pause'), {
      reason: 'Waiting for the photos',
    });
    expect(paused.json()).toMatchObject({ status: 'paused' });
    expect(paused.json().pausedAt).not.toBeNull();
    const again = await post(cast.people.owner, url(contract.id, '/pause'), {});
    expect(again.statusCode).toBe(409);
    expect((await post(cast.people.owner, url(contract.id, '/resume'))).json().status).toBe(
      'active',
    );
    const ended = await post(cast.people.owner, url(contract.id, '/end'), {
      outcome: 'completed',
      reason: 'All delivered',
    });
    expect(ended.json()).toMatchObject({ status: 'completed', endReason: 'All delivered' });
    expect(
      ended
        .json()
        .history.map((h: { kind: string; note: string | null }) => [h.kind, h.note])
        .slice(-3),
    ).toEqual([
      ['paused', 'Waiting for the photos'],
      ['resumed', null],
      ['completed', 'All delivered'],
    ]);
    // Nothing changes an ended contract.
    expect((await post(cast.people.owner, url(contract.id, '/resume'))).statusCode).toBe(409);
    const told = await notified(cast.people.professional.id, 'contract.state-changed');
    const said = told.map((n) => n.title);
    for (const words of ['paused the contract', 'resumed the contract', 'marked as completed'])
      expect(said.some((t) => t.includes(words) && t.includes(contract.title))).toBe(true);
  });

  it('the contract lists every person on it, by side', async () => {
    const contract = await buildCastContract(ctx, cast);
    const res = await call(ctx, cast.people.viewer, { method: 'GET', url: url(contract.id) });
    const people = res.json().people as { id: string; side: string }[];
    expect(people).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: cast.people.owner.id, side: 'business' }),
        expect.objectContaining({ id: cast.people.viewer.id, side: 'business' }),
        expect.objectContaining({ id: cast.people.professional.id, side: 'professional' }),
      ]),
    );
    expect(people.some((p) => p.id === cast.people.otherBusiness.id)).toBe(false);
  });
});

describe('amendments', () => {
  it('proposing: owners, managers and the professional (contract.amend); reading: every party', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      async () => ({
        method: 'POST',
        url: url((await buildCastContract(ctx, cast)).id, '/amendments'),
        payload: { kind: 'terms', changes: { hourlyRate: 6_000 } },
      }),
      contractExpected('contract.amend', 201),
    );
    const contract = await buildCastContract(ctx, cast);
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: url(contract.id, '/amendments') }),
      contractExpected('contract.view', 200),
    );
  });

  it('the professional proposes a new rate; the owner accepts; the terms change, and the professional is told', async () => {
    const contract = await buildCastContract(ctx, cast, { hourlyRate: 5_000, weeklyCapHours: 20 });
    const proposed = await post(cast.people.professional, url(contract.id, '/amendments'), {
      kind: 'terms',
      changes: { hourlyRate: 6_500, weeklyCapHours: 20 },
      message: 'The scope grew',
    });
    expect(proposed.statusCode).toBe(201);
    expect(proposed.json()).toMatchObject({
      status: 'proposed',
      proposedBySide: 'professional',
      changes: { hourlyRate: 6_500, weeklyCapHours: 20 },
      before: { hourlyRate: 5_000, weeklyCapHours: 20 },
      viewer: { canAnswer: false, canWithdraw: true },
    });
    const [owners] = await notified(cast.people.owner.id, 'contract.amendment-proposed').then(
      (rows) => rows.filter((n) => n.body?.includes('Hourly rate: $50.00 → $65.00')),
    );
    expect(owners).toBeDefined();
    // The proposer cannot answer their own proposal; nothing changes until the other side does.
    const own = await post(
      cast.people.professional,
      url(contract.id, `/amendments/${proposed.json().id}/accept`),
    );
    expect(own.statusCode).toBe(403);
    expect((await contractRow(contract.id)).hourlyRate).toBe(5_000);

    const accepted = await post(
      cast.people.owner,
      url(contract.id, `/amendments/${proposed.json().id}/accept`),
      { note: 'Fair' },
    );
    expect(accepted.json()).toMatchObject({ status: 'accepted', responseNote: 'Fair' });
    expect((await contractRow(contract.id)).hourlyRate).toBe(6_500);
    expect(await notified(cast.people.professional.id, 'contract.amendment-answered')).not.toEqual(
      [],
    );
    // Answered once is answered.
    const twice = await post(
      cast.people.manager,
      url(contract.id, `/amendments/${proposed.json().id}/reject`),
    );
    expect(twice.statusCode).toBe(409);
  });

  it('a change order adds its priced milestone to a fixed contract and raises the total', async () => {
    const contract = await buildCastContract(ctx, cast, {
      termsType: 'fixed',
      amount: 100_000,
      milestones: [{ title: 'The booking page', amount: 100_000, dueDate: '2026-12-20' }],
    });
    const proposed = await post(cast.people.owner, url(contract.id, '/amendments'), {
      kind: 'change_order',
      milestone: {
        title: 'Gift cards',
        amount: 30_000,
        dueDate: '2027-01-10',
        criteria: 'A customer can buy a gift card and redeem it at a tasting',
      },
    });
    expect(proposed.statusCode).toBe(201);
    await post(
      cast.people.professional,
      url(contract.id, `/amendments/${proposed.json().id}/accept`),
    );
    const row = await contractRow(contract.id);
    expect(row.amount).toBe(130_000);
    expect(row.milestones.map((m) => m.title)).toEqual(['The booking page', 'Gift cards']);
  });

  it('refuses what does not fit the contract, naming the field, and keeps one proposal waiting at a time', async () => {
    const fixed = await buildCastContract(ctx, cast, { termsType: 'fixed' });
    const wrong = await post(cast.people.owner, url(fixed.id, '/amendments'), {
      kind: 'terms',
      changes: { weeklyCapHours: 10 },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([
      {
        path: 'body.changes.weeklyCapHours',
        message: 'Only an hourly contract has this; this contract is fixed-price',
      },
    ]);
    const hourly = await buildCastContract(ctx, cast);
    const first = await post(cast.people.owner, url(hourly.id, '/amendments'), {
      kind: 'terms',
      changes: { weeklyCapHours: 30 },
    });
    expect(first.statusCode).toBe(201);
    const second = await post(cast.people.professional, url(hourly.id, '/amendments'), {
      kind: 'terms',
      changes: { hourlyRate: 9_000 },
    });
    expect(second.statusCode).toBe(409);
    // Withdrawn by its proposer, the way is clear again; the other side cannot withdraw it.
    expect(
      (
        await post(
          cast.people.professional,
          url(hourly.id, `/amendments/${first.json().id}/withdraw`),
        )
      ).statusCode,
    ).toBe(403);
    const withdrawn = await post(
      cast.people.owner,
      url(hourly.id, `/amendments/${first.json().id}/withdraw`),
    );
    expect(withdrawn.json().status).toBe('withdrawn');
    expect(
      (
        await post(cast.people.professional, url(hourly.id, '/amendments'), {
          kind: 'terms',
          changes: { hourlyRate: 9_000 },
        })
      ).statusCode,
    ).toBe(201);
  });

  it('a rejected proposal changes nothing; a double click with one Idempotency-Key proposes once', async () => {
    const contract = await buildCastContract(ctx, cast);
    const payload = { kind: 'terms', changes: { endDate: '2027-03-31' } };
    const headers = { 'idempotency-key': 'amend-once' };
    const [a, b] = [
      await post(cast.people.owner, url(contract.id, '/amendments'), payload, headers),
      await post(cast.people.owner, url(contract.id, '/amendments'), payload, headers),
    ];
    expect(a.statusCode).toBe(201);
    expect(b.json().id).toBe(a.json().id);
    const list = await call(ctx, cast.people.viewer, {
      method: 'GET',
      url: url(contract.id, '/amendments'),
    });
    expect(list.json().items).toHaveLength(1);
    await post(cast.people.professional, url(contract.id, `/amendments/${a.json().id}/reject`), {
      note: 'Too far out',
    });
    expect((await contractRow(contract.id)).endDate).toBeNull();
  });
});
