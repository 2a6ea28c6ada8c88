import { beforeAll, describe, expect, it } from 'vitest';
import { errorPaths } from '../../../../test/audit-factories.ts';
import { buildBusiness } from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';
import type { NdaTemplate, NdaTemplateList } from '../../../core/contracts/ndas.ts';
import { DEFAULT_NDA_TEMPLATE_BODY } from '../../../core/nda.ts';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

const url = (businessId = cast.businessId, rest = '') =>
  `/api/v1/businesses/${businessId}/nda-templates${rest}`;
const owner = () => cast.people.owner;

async function create(body: object, businessId = cast.businessId, who = owner()) {
  const res = await call(ctx, who, { method: 'POST', url: url(businessId), payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<NdaTemplate>();
}
async function list(businessId = cast.businessId, who = owner()) {
  const res = await call(ctx, who, { method: 'GET', url: url(businessId) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<NdaTemplateList>();
}

describe('NDA templates', () => {
  it('offers the neutral starter text to a business with no template', async () => {
    const { owner: newOwner, business } = await buildBusiness(ctx, { name: 'Fresh Bakery' });
    const answer = await list(business.id, newOwner);
    expect(answer.items).toEqual([]);
    expect(answer.starter.body).toBe(DEFAULT_NDA_TEMPLATE_BODY);
  });

  it('refuses an unknown field, naming it and the body', async () => {
    const res = await call(ctx, owner(), {
      method: 'POST',
      url: url(),
      payload: { name: 'Bad', body: 'Between {{business}} and {{client}}.' },
    });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(['body.body']);
    expect(res.body).toContain('Unknown field {{client}}');
  });

  it('keeps one default per business: marking another unmarks the first', async () => {
    const { owner: o, business } = await buildBusiness(ctx, { name: 'Two Templates' });
    const first = await create(
      { name: 'First', body: 'A {{job}}', isDefault: true },
      business.id,
      o,
    );
    const second = await create({ name: 'Second', body: 'B {{job}}' }, business.id, o);
    expect((await list(business.id, o)).items.map((t) => [t.name, t.isDefault])).toEqual([
      ['First', true],
      ['Second', false],
    ]);
    const res = await call(ctx, o, {
      method: 'PATCH',
      url: url(business.id, `/${second.id}`),
      payload: { isDefault: true, body: 'B2 {{ professional }}' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ isDefault: true, body: 'B2 {{ professional }}' });
    expect((await list(business.id, o)).items.map((t) => [t.id, t.isDefault])).toEqual([
      [second.id, true],
      [first.id, false],
    ]);
  });

  it('archives a template: gone from the list; another business’s template is a 404', async () => {
    const made = await create({ name: 'Short-lived', body: '{{business}}' });
    const other = await buildBusiness(ctx, { name: 'Other Bakery' });
    const foreign = await create({ name: 'Theirs', body: 'x' }, other.business.id, other.owner);
    const del = await call(ctx, owner(), { method: 'DELETE', url: url(undefined, `/${made.id}`) });
    expect(del.statusCode).toBe(204);
    expect((await list()).items.map((t) => t.id)).not.toContain(made.id);
    for (const method of ['PATCH', 'DELETE'] as const) {
      const res = await call(ctx, owner(), {
        method,
        url: url(undefined, `/${foreign.id}`),
        ...(method === 'PATCH' ? { payload: { name: 'Mine now' } } : {}),
      });
      expect(res.statusCode).toBe(404);
    }
  });

  it('role matrix: members read; owners and managers write; outsiders 404', async () => {
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: url() }), 200);
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'POST', url: url(), payload: { name: 'Matrix', body: '{{job}}' } }),
      201,
    );
    const target = await create({ name: 'Patched', body: '{{job}}' });
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'PATCH', url: url(undefined, `/${target.id}`), payload: { name: 'P2' } }),
      200,
    );
    await expectRoleMatrix(
      ctx,
      cast,
      async () => {
        const fresh = await create({ name: 'Doomed', body: '{{job}}' });
        return { method: 'DELETE', url: url(undefined, `/${fresh.id}`) };
      },
      204,
    );
  });
});
