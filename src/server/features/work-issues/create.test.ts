import { beforeAll, describe, expect, it } from 'vitest';
import { buildCastContract } from '../../../../test/contract-factories.ts';
import { createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildCast, type Cast } from '../../../../test/role-matrix.ts';
import { createWorkIssue } from './create.ts';

let ctx: TestContext;
let cast: Cast;

beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

describe('createWorkIssue', () => {
  it('numbers issues per contract from 1, with no gaps or repeats when made at once', async () => {
    const first = await buildCastContract(ctx, cast);
    const second = await buildCastContract(ctx, cast);
    const make = (contractId: string, title: string) =>
      ctx.db.transaction((tx) =>
        createWorkIssue(tx, {
          contractId,
          title,
          createdBy: cast.people.owner.id,
          now: ctx.clock.now(),
        }),
      );
    const made = await Promise.all(
      ['One', 'Two', 'Three', 'Four'].map((title) => make(first.id, title)),
    );
    expect(made.map((i) => i.number).sort()).toEqual([1, 2, 3, 4]);
    expect((await make(second.id, 'Elsewhere')).number).toBe(1);
  });

  it('puts a new issue at the bottom of the open column', async () => {
    const contract = await buildCastContract(ctx, cast);
    const make = (title: string) =>
      ctx.db.transaction((tx) =>
        createWorkIssue(tx, {
          contractId: contract.id,
          title,
          createdBy: cast.people.professional.id,
          now: ctx.clock.now(),
        }),
      );
    const a = await make('First');
    const b = await make('Second');
    expect(a.status).toBe('open');
    expect(b.position).toBeGreaterThan(a.position);
  });
});
