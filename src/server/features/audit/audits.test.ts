import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditUrl,
  buildAudit,
  buildEntry,
  closeActiveAudit,
  errorPaths,
  replaceAudit,
} from '../../../../test/audit-factories.ts';
import { buildBusiness } from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

/** Audits are the owner's own time and cost: owners and managers only. */
describe('POST /api/v1/businesses/:businessId/audits', () => {
  it('starts today in the business’s time zone, for 30 days, in the business currency', async () => {
    // 23:30 UTC on 14 July is already 00:30 on 15 July in Lisbon (UTC+1 in summer).
    ctx.clock.set('2026-07-14T23:30:00Z');
    const { business, owner } = await buildBusiness(ctx);
    const res = await call(ctx, owner, {
      method: 'POST',
      url: auditUrl(business.id),
      payload: { hourlyValue: 6000 },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      businessId: business.id,
      periodStart: '2026-07-15',
      periodEnd: '2026-08-13',
      hourlyValue: { amount: 6000, currency: 'EUR' },
      status: 'active',
    });
  });

  it('takes the currency the business has now, not a fixed one', async () => {
    const { business, owner } = await buildBusiness(ctx);
    await call(ctx, owner, {
      method: 'PATCH',
      url: `/api/v1/businesses/${business.id}`,
      payload: { currency: 'GBP' },
    });
    const res = await call(ctx, owner, {
      method: 'POST',
      url: auditUrl(business.id),
      payload: { hourlyValue: 4500 },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().hourlyValue).toEqual({ amount: 4500, currency: 'GBP' });
  });

  it('uses the start and length given', async () => {
    const { business, owner } = await buildBusiness(ctx);
    const res = await call(ctx, owner, {
      method: 'POST',
      url: auditUrl(business.id),
      payload: { periodStart: '2026-02-23', periodDays: 7, hourlyValue: 0 },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ periodStart: '2026-02-23', periodEnd: '2026-03-01' });
  });

  // The period's end is read back through the date schema: it must be a date that schema takes.
  it('starts on 2999-12-31 and reads back its end in year 3000', async () => {
    const { business, owner } = await buildBusiness(ctx);
    const res = await call(ctx, owner, {
      method: 'POST',
      url: auditUrl(business.id),
      payload: { periodStart: '2999-12-31', hourlyValue: 0 },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ periodStart: '2999-12-31', periodEnd: '3000-01-29' });
  });

  it('starts by 9999-10-03 at the latest, so even a 90-day period ends in year 9999', async () => {
    const { business, owner } = await buildBusiness(ctx);
    const start = (periodStart: string) =>
      call(ctx, owner, {
        method: 'POST',
        url: auditUrl(business.id),
        payload: { periodStart, periodDays: 90, hourlyValue: 0 },
      });
    const late = await start('9999-10-04');
    expect(late.statusCode).toBe(400);
    expect(errorPaths(late)).toEqual(['body.periodStart']);
    const zero = await start('0000-01-01');
    expect(errorPaths(zero)).toEqual(['body.periodStart']);
    expect(
      (await call(ctx, owner, { method: 'GET', url: auditUrl(business.id) })).json().items,
    ).toEqual([]);

    const last = await start('9999-10-03');
    expect(last.statusCode, last.body).toBe(201);
    expect(last.json()).toMatchObject({ periodEnd: '9999-12-31' });
  });

  it('allows one active audit at a time: a second answers 409 until the first is closed', async () => {
    const first = await buildAudit(ctx);
    const again = () =>
      call(ctx, first.owner, {
        method: 'POST',
        url: auditUrl(first.businessId),
        payload: { hourlyValue: 5000 },
      });
    const refused = await again();
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');

    await call(ctx, first.owner, {
      method: 'PATCH',
      url: auditUrl(first.businessId, first.audit.id),
      payload: { status: 'closed' },
    });
    expect((await again()).statusCode).toBe(201);
  });

  it('names every bad field', async () => {
    const { business, owner } = await buildBusiness(ctx);
    const res = await call(ctx, owner, {
      method: 'POST',
      url: auditUrl(business.id),
      payload: { hourlyValue: -1, periodDays: 200, periodStart: 'next monday' },
    });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(
      expect.arrayContaining(['body.hourlyValue', 'body.periodDays', 'body.periodStart']),
    );
    const list = await call(ctx, owner, { method: 'GET', url: auditUrl(business.id) });
    expect(list.json().items).toEqual([]);
  });

  it('requires the hourly value', async () => {
    const { business, owner } = await buildBusiness(ctx);
    const res = await call(ctx, owner, { method: 'POST', url: auditUrl(business.id), payload: {} });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(['body.hourlyValue']);
  });

  it('role matrix: owners and managers start audits; viewers 403; outsiders 404', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      async () => {
        await closeActiveAudit(ctx, cast.businessId);
        return { method: 'POST', url: auditUrl(cast.businessId), payload: { hourlyValue: 5000 } };
      },
      201,
    );
  });
});

describe('GET /api/v1/businesses/:businessId/audits', () => {
  it('lists the business’s audits, newest first, closed ones included', async () => {
    const { business, owner } = await buildBusiness(ctx);
    const ids: string[] = [];
    for (const periodStart of ['2026-03-02', '2026-04-06', '2026-05-04']) {
      await closeActiveAudit(ctx, business.id);
      ids.push((await buildAudit(ctx, { owner, businessId: business.id, periodStart })).audit.id);
    }
    const res = await call(ctx, owner, { method: 'GET', url: auditUrl(business.id) });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; status: string }[];
    expect(items.map((a) => a.id)).toEqual([...ids].reverse());
    expect(items.map((a) => a.status)).toEqual(['active', 'closed', 'closed']);
  });

  it('does not show another business’s audits', async () => {
    const mine = await buildBusiness(ctx);
    await buildAudit(ctx); // in a business of someone else
    const res = await call(ctx, mine.owner, { method: 'GET', url: auditUrl(mine.business.id) });
    expect(res.json().items).toEqual([]);
  });

  it('role matrix: owners and managers list audits; viewers 403; outsiders 404', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: auditUrl(cast.businessId) }),
      200,
    );
  });
});

describe('GET /api/v1/businesses/:businessId/audits/:auditId', () => {
  it('reads an audit', async () => {
    const built = await buildAudit(ctx, { periodStart: '2026-09-01', hourlyValue: 7000 });
    const res = await call(ctx, built.owner, {
      method: 'GET',
      url: auditUrl(built.businessId, built.audit.id),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(built.audit);
    expect(res.json()).toMatchObject({ periodEnd: '2026-09-30', hourlyValue: { amount: 7000 } });
  });

  it('answers 404 for an audit of another business, even under the caller’s own business', async () => {
    const mine = await buildAudit(ctx);
    const theirs = await buildAudit(ctx);
    const res = await call(ctx, mine.owner, {
      method: 'GET',
      url: auditUrl(mine.businessId, theirs.audit.id),
    });
    expect(res.statusCode).toBe(404);
  });

  it('role matrix: owners and managers read an audit; viewers 403; outsiders 404', async () => {
    const audit = await replaceAudit(ctx, cast.businessId, cast.people.owner);
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: auditUrl(cast.businessId, audit.id) }),
      200,
    );
  });
});

describe('PATCH /api/v1/businesses/:businessId/audits/:auditId', () => {
  it('closes an audit: it stays readable, and logging into it answers 409', async () => {
    const built = await buildAudit(ctx);
    const url = auditUrl(built.businessId, built.audit.id);
    const entry = await buildEntry(ctx, built);
    const closed = await call(ctx, built.owner, {
      method: 'PATCH',
      url,
      payload: { status: 'closed' },
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().status).toBe('closed');
    expect((await call(ctx, built.owner, { method: 'GET', url })).json().status).toBe('closed');

    const quickAdd = await call(ctx, built.owner, {
      method: 'POST',
      url: `${url}/entries`,
      payload: { taskName: 'Invoices', date: built.audit.periodStart, minutes: 30 },
    });
    expect(quickAdd.statusCode).toBe(409);
    const timer = await call(ctx, built.owner, {
      method: 'POST',
      url: `${url}/timer`,
      payload: { taskName: 'Invoices' },
    });
    expect(timer.statusCode).toBe(409);
    const imported = await call(ctx, built.owner, {
      method: 'POST',
      url: `${url}/imports?preset=generic`,
      headers: { 'content-type': 'text/csv' },
      payload: `date,task,minutes\n${built.audit.periodStart},Invoices,30\n`,
    });
    expect(imported.statusCode).toBe(409);
    const deleted = await call(ctx, built.owner, {
      method: 'DELETE',
      url: `${url}/entries/${entry.id}`,
    });
    expect(deleted.statusCode).toBe(409);
    expect(
      (await call(ctx, built.owner, { method: 'GET', url: `${url}/entries` })).json().items,
    ).toEqual([entry]);
  });

  it('changes the hourly value and keeps the rest', async () => {
    const built = await buildAudit(ctx, { hourlyValue: 5000 });
    const url = auditUrl(built.businessId, built.audit.id);
    const res = await call(ctx, built.owner, {
      method: 'PATCH',
      url,
      payload: { hourlyValue: 7500 },
    });
    expect(res.statusCode).toBe(200);
    expect((await call(ctx, built.owner, { method: 'GET', url })).json()).toEqual({
      ...built.audit,
      hourlyValue: { amount: 7500, currency: 'EUR' },
    });
  });

  it('answers an empty change with the audit as it is', async () => {
    const built = await buildAudit(ctx);
    const res = await call(ctx, built.owner, {
      method: 'PATCH',
      url: auditUrl(built.businessId, built.audit.id),
      payload: {},
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(built.audit);
  });

  it('names every bad field and changes nothing', async () => {
    const built = await buildAudit(ctx, { hourlyValue: 5000 });
    const url = auditUrl(built.businessId, built.audit.id);
    const res = await call(ctx, built.owner, {
      method: 'PATCH',
      url,
      payload: { status: 'active', hourlyValue: 1.5 },
    });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(expect.arrayContaining(['body.status', 'body.hourlyValue']));
    expect((await call(ctx, built.owner, { method: 'GET', url })).json()).toEqual(built.audit);
  });

  describe('moving the period of an open audit', () => {
    it('moves it to last month, and entries there can then be logged', async () => {
      const built = await buildAudit(ctx, { periodStart: '2026-07-06' });
      const url = auditUrl(built.businessId, built.audit.id);
      const logIn = () =>
        call(ctx, built.owner, {
          method: 'POST',
          url: `${url}/entries`,
          payload: { taskName: 'Invoices', date: '2026-06-10', minutes: 30 },
        });
      expect((await logIn()).statusCode).toBe(400);
      const res = await call(ctx, built.owner, {
        method: 'PATCH',
        url,
        payload: { periodStart: '2026-06-01', periodEnd: '2026-06-30' },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({
        ...built.audit,
        periodStart: '2026-06-01',
        periodEnd: '2026-06-30',
      });
      expect((await logIn()).statusCode).toBe(201);
      const summary = await call(ctx, built.owner, { method: 'GET', url: `${url}/summary` });
      expect(summary.json().progress).toMatchObject({ periodDays: 30, daysCovered: 1 });
    });

    it('moves one end and keeps the other', async () => {
      const built = await buildAudit(ctx, { periodStart: '2026-07-06', periodDays: 30 });
      const url = auditUrl(built.businessId, built.audit.id);
      const res = await call(ctx, built.owner, {
        method: 'PATCH',
        url,
        payload: { periodEnd: '2026-07-19' },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ periodStart: '2026-07-06', periodEnd: '2026-07-19' });
    });

    it('refuses a period that would leave logged work outside, naming the end to move', async () => {
      const built = await buildAudit(ctx, { periodStart: '2026-07-06' });
      const url = auditUrl(built.businessId, built.audit.id);
      await buildEntry(ctx, built, { date: '2026-07-08' });
      const res = await call(ctx, built.owner, {
        method: 'PATCH',
        url,
        payload: { periodStart: '2026-07-10', periodEnd: '2026-07-31' },
      });
      expect(res.statusCode).toBe(409);
      expect(errorPaths(res)).toEqual(['body.periodStart']);
      expect(res.json().detail).toContain('2026-07-08');
      expect((await call(ctx, built.owner, { method: 'GET', url })).json()).toEqual(built.audit);
    });

    it('refuses a period shorter than 7 days, longer than 90, or ending before it starts', async () => {
      const built = await buildAudit(ctx);
      const url = auditUrl(built.businessId, built.audit.id);
      for (const payload of [
        { periodStart: '2026-07-06', periodEnd: '2026-07-08' },
        { periodStart: '2026-01-01', periodEnd: '2026-07-08' },
        { periodStart: '2026-07-06', periodEnd: '2026-07-01' },
      ]) {
        const res = await call(ctx, built.owner, { method: 'PATCH', url, payload });
        expect(res.statusCode, JSON.stringify(payload)).toBe(400);
        expect(errorPaths(res)).toEqual(['body.periodEnd']);
      }
      const bad = await call(ctx, built.owner, {
        method: 'PATCH',
        url,
        payload: { periodStart: 'last month' },
      });
      expect(bad.statusCode).toBe(400);
      expect(errorPaths(bad)).toEqual(['body.periodStart']);
      expect((await call(ctx, built.owner, { method: 'GET', url })).json()).toEqual(built.audit);
    });

    it('leaves a closed audit’s period as it was (409)', async () => {
      const built = await buildAudit(ctx);
      const url = auditUrl(built.businessId, built.audit.id);
      await call(ctx, built.owner, { method: 'PATCH', url, payload: { status: 'closed' } });
      const res = await call(ctx, built.owner, {
        method: 'PATCH',
        url,
        payload: { periodStart: '2026-06-01', periodEnd: '2026-06-30' },
      });
      expect(res.statusCode).toBe(409);
    });
  });

  it('role matrix: owners and managers change an audit; viewers 403; outsiders 404', async () => {
    const audit = await replaceAudit(ctx, cast.businessId, cast.people.owner);
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'PATCH',
        url: auditUrl(cast.businessId, audit.id),
        payload: { hourlyValue: 5500 },
      }),
      200,
    );
  });
});
