/**
 * The contract's issue list in pages: walking every page of a filtered list, in each sort, meets
 * each matching issue exactly once and in the order one long page gives; a cursor of another
 * sort or not ours is a 400 naming it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCastContract, contractExpected } from '../../../../test/contract-factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';
import type { WorkIssue, WorkIssueBoard } from '../../../core/contracts/work-issues.ts';
import { WORK_ISSUE_SORTS } from '../../../core/contracts/work-issues.ts';

let ctx: TestContext;
let cast: Cast;

beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

const url = (contractId: string, rest = '') => `/api/v1/contracts/${contractId}/issues${rest}`;

async function list(contractId: string, query: string): Promise<WorkIssueBoard> {
  const res = await call(ctx, cast.people.viewer, { method: 'GET', url: url(contractId, query) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Every page of `query`, `limit` at a time, as issue numbers in the order the pages gave them. */
async function walk(contractId: string, query: string, limit: number) {
  const numbers: number[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const rest: string = `?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const page = await list(contractId, rest);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    numbers.push(...page.items.map((i) => i.number));
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor && pages < 50);
  return { numbers, pages };
}

/**
 * Seventeen issues, eleven labelled `ui`: priorities in a cycle (so each priority has several),
 * cards moved across columns and within them (positions between neighbours, not whole numbers),
 * and several edited at the same instant (ties on `updated`).
 */
async function seedTracker() {
  const contract = await buildCastContract(ctx, cast);
  const priorities = ['low', 'medium', 'high', 'urgent'] as const;
  const ui: number[] = [];
  for (let n = 1; n <= 17; n++) {
    const labelled = n % 3 !== 0;
    const res = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: url(contract.id),
      payload: {
        title: `Task ${n}`,
        priority: priorities[n % 4],
        labels: labelled ? ['ui'] : ['backend'],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    if (labelled) ui.push(n);
  }
  const moves: [number, string, number][] = [
    [4, 'in_progress', 0],
    [5, 'in_progress', 0],
    [7, 'in_progress', 1],
    [8, 'done', 0],
    [10, 'open', 1],
    [11, 'in_review', 0],
    [13, 'open', 0],
  ];
  for (const [number, status, index] of moves) {
    const res = await call(ctx, cast.people.manager, {
      method: 'POST',
      url: url(contract.id, `/${number}/move`),
      payload: { status, index },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  // The clock stands still: these edits share one `updated_at`, and the number breaks the tie.
  for (const number of [2, 14, 16]) {
    const res = await call(ctx, cast.people.owner, {
      method: 'PATCH',
      url: url(contract.id, `/${number}`),
      payload: { description: 'Edited' },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  return { contract, ui };
}

describe('the issue list in pages', () => {
  it('walks a filtered list in every sort, each issue once, in the one-page order', async () => {
    const { contract, ui } = await seedTracker();
    for (const sort of WORK_ISSUE_SORTS) {
      const whole = await list(contract.id, `?label=ui&sort=${sort}&limit=100`);
      expect(whole.nextCursor).toBeNull();
      const expected = whole.items.map((i: WorkIssue) => i.number);
      expect([...expected].sort((a, b) => a - b)).toEqual(ui);
      const { numbers, pages } = await walk(contract.id, `label=ui&sort=${sort}`, 3);
      expect(numbers, sort).toEqual(expected);
      expect(new Set(numbers).size).toBe(numbers.length);
      expect(pages).toBe(Math.ceil(ui.length / 3));
    }
  });

  it('stops with no cursor when the last page is exactly full', async () => {
    const { contract } = await seedTracker();
    const first = await list(contract.id, '?status=in_progress&limit=3');
    expect(first.items.map((i) => i.number)).toEqual([5, 7, 4]);
    expect(first.nextCursor).toBeNull();
  });

  it('refuses a cursor of another sort, or one it never gave out, naming the cursor', async () => {
    const { contract } = await seedTracker();
    const byNumber = await list(contract.id, '?sort=number&limit=2');
    expect(byNumber.nextCursor).not.toBeNull();
    for (const query of [
      `?sort=priority&cursor=${byNumber.nextCursor}`,
      '?cursor=not-ours',
      `?cursor=${Buffer.from('{"sort":"board","k":["x"]}').toString('base64url')}`,
    ]) {
      const res = await call(ctx, cast.people.viewer, {
        method: 'GET',
        url: url(contract.id, query),
      });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ path: 'querystring.cursor' })]);
    }
  });

  it('answers a next page as the permissions table says', async () => {
    const { contract } = await seedTracker();
    const first = await list(contract.id, '?limit=5');
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: url(contract.id, `?limit=5&cursor=${first.nextCursor}`) }),
      contractExpected('issues.read', 200),
    );
  });
});
