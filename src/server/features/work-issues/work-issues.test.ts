/**
 * The contract's issue tracker over HTTP: who may read and write it, the board's order under
 * moves (also two at once), filters, closing, `#N` links, comments, files and who is told.
 */
import { and, eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addReviewer,
  buildCastContract,
  contractExpected,
} from '../../../../test/contract-factories.ts';
import { openEventStream, type EventStream, forContract } from '../../../../test/event-stream.ts';
import { buildUser, type TestUser } from '../../../../test/factories.ts';
import {
  call,
  createTestContext,
  waitForLockWaiters,
  type TestContext,
} from '../../../../test/harness.ts';
import {
  buildCast,
  expectRoleMatrix,
  type Cast,
  type RoleName,
} from '../../../../test/role-matrix.ts';
import { ContractChangeEventSchema } from '../../../core/contracts/offers.ts';
import type { WorkIssue, WorkIssueDetail } from '../../../core/contracts/work-issues.ts';
import { notifications } from '../../db/schema/index.ts';

let ctx: TestContext;
let cast: Cast;
const streams: EventStream[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

afterAll(() => {
  for (const s of streams) s.close();
});

const url = (contractId: string, rest = '') => `/api/v1/contracts/${contractId}/issues${rest}`;

async function open(
  contractId: string,
  body: Record<string, unknown>,
  who: TestUser = cast.people.owner,
): Promise<WorkIssueDetail> {
  const res = await call(ctx, who, { method: 'POST', url: url(contractId), payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function move(contractId: string, number: number, status: string, index: number) {
  const res = await call(ctx, cast.people.manager, {
    method: 'POST',
    url: url(contractId, `/${number}/move`),
    payload: { status, index },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<WorkIssue>();
}

/** The board's columns as issue numbers, in order. */
async function board(contractId: string) {
  const res = await call(ctx, cast.people.viewer, { method: 'GET', url: url(contractId) });
  expect(res.statusCode).toBe(200);
  const columns: Record<string, number[]> = {};
  for (const issue of res.json<{ items: WorkIssue[] }>().items) {
    (columns[issue.status] ??= []).push(issue.number);
  }
  return columns;
}

/** What the person was told of this type about one issue (by its link). */
async function notificationsOf(userId: string, type: string, link: string) {
  return ctx.db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        eq(notifications.type, type as never),
        eq(notifications.link, link),
      ),
    );
}

describe('role matrices', () => {
  it('every route answers as the permissions table says', async () => {
    const contract = await buildCastContract(ctx, cast);
    const first = await open(contract.id, { title: 'Seed' });
    const file = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: url(contract.id, `/${first.number}/attachments?name=notes.txt`),
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('some notes'),
    });
    expect(file.statusCode, file.body).toBe(201);
    const routes: [(role: RoleName) => InjectOptions, string, number][] = [
      [() => ({ method: 'GET', url: url(contract.id) }), 'issues.read', 200],
      [
        (role) => ({ method: 'POST', url: url(contract.id), payload: { title: `By ${role}` } }),
        'issues.write',
        201,
      ],
      [() => ({ method: 'GET', url: url(contract.id, `/${first.number}`) }), 'issues.read', 200],
      [
        () => ({
          method: 'PATCH',
          url: url(contract.id, `/${first.number}`),
          payload: { priority: 'high' },
        }),
        'issues.write',
        200,
      ],
      [
        () => ({
          method: 'POST',
          url: url(contract.id, `/${first.number}/move`),
          payload: { status: 'in_progress', index: 0 },
        }),
        'issues.write',
        200,
      ],
      [
        (role) => ({
          method: 'POST',
          url: url(contract.id, `/${first.number}/comments`),
          payload: { body: `A word from ${role}` },
        }),
        'issues.write',
        201,
      ],
      [
        (role) => ({
          method: 'POST',
          url: url(contract.id, `/${first.number}/attachments?name=${role}.txt`),
          headers: { 'content-type': 'application/octet-stream' },
          payload: Buffer.from(`from ${role}`),
        }),
        'issues.write',
        201,
      ],
      [
        () => ({
          method: 'GET',
          url: url(contract.id, `/${first.number}/attachments/${file.json().id}`),
        }),
        'issues.read',
        200,
      ],
    ];
    for (const [request, action, ok] of routes) {
      await expectRoleMatrix(ctx, cast, request, contractExpected(action as 'issues.read', ok));
    }
  });

  it('a QA reviewer reads the issues and comments on them; someone off the contract gets 404', async () => {
    const contract = await buildCastContract(ctx, cast);
    const issue = await open(contract.id, { title: 'Check the export' });
    const reviewer = await addReviewer(ctx, contract.id);
    const list = await call(ctx, reviewer, { method: 'GET', url: url(contract.id) });
    expect(list.statusCode).toBe(200);
    expect(list.json().people.map((p: { id: string }) => p.id)).toContain(reviewer.id);
    const comment = await call(ctx, reviewer, {
      method: 'POST',
      url: url(contract.id, `/${issue.number}/comments`),
      payload: { body: 'The totals are off by a cent.' },
    });
    expect(comment.statusCode).toBe(201);
    expect(comment.json().author.id).toBe(reviewer.id);
    const stranger = await buildUser(ctx, { professional: true });
    const res = await call(ctx, stranger, {
      method: 'GET',
      url: url(contract.id, `/${issue.number}`),
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('opening and editing issues', () => {
  it('numbers issues, renders the description safely with #N links, and tells the assignee', async () => {
    const contract = await buildCastContract(ctx, cast);
    await open(contract.id, { title: 'First' });
    const issue = await open(contract.id, {
      title: 'Second',
      description: 'Follows #1. <script>alert(1)</script> [x](javascript:alert(1))',
      labels: ['UI', 'ui', 'backend'],
      priority: 'high',
      assigneeId: cast.people.professional.id,
    });
    expect(issue.number).toBe(2);
    expect(issue.labels).toEqual(['ui', 'backend']);
    expect(issue.descriptionHtml).toContain(`<a href="/app/contracts/${contract.id}/issues/1"`);
    expect(issue.descriptionHtml).not.toContain('<script>');
    expect(issue.descriptionHtml).not.toContain('href="javascript:');
    expect(issue.assignee).toEqual({
      id: cast.people.professional.id,
      name: cast.people.professional.name,
    });
    const told = await notificationsOf(
      cast.people.professional.id,
      'issue.assigned',
      `/app/contracts/${contract.id}/issues/2`,
    );
    expect(told).toHaveLength(1);
  });

  it('refuses an assignee who is not on the contract, naming the field', async () => {
    const contract = await buildCastContract(ctx, cast);
    const res = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: url(contract.id),
      payload: { title: 'Nope', assigneeId: cast.people.otherBusiness.id },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { path: 'body.assigneeId', message: 'Not a person on this contract' },
    ]);
  });

  it('answers 400 for a missing title, and 404 for an issue number that does not exist', async () => {
    const contract = await buildCastContract(ctx, cast);
    const bad = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: url(contract.id),
      payload: { title: '  ' },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toContain('title');
    const missing = await call(ctx, cast.people.owner, {
      method: 'GET',
      url: url(contract.id, '/99'),
    });
    expect(missing.statusCode).toBe(404);
  });

  it('keeps an ended contract’s issues as they are (409)', async () => {
    const contract = await buildCastContract(ctx, cast, { status: 'completed' });
    const res = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: url(contract.id),
      payload: { title: 'Too late' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('ended');
  });

  it('closes an issue moved to done, keeps that time in won’t do, and reopens it', async () => {
    const contract = await buildCastContract(ctx, cast);
    const issue = await open(contract.id, { title: 'Ship it' });
    const done = await move(contract.id, issue.number, 'done', 0);
    expect(done.closedAt).toBe(ctx.clock.now().toISOString());
    const closedAt = done.closedAt;
    ctx.clock.advance(60_000);
    const patched = await call(ctx, cast.people.owner, {
      method: 'PATCH',
      url: url(contract.id, `/${issue.number}`),
      payload: { status: 'wont_do' },
    });
    expect(patched.json().closedAt).toBe(closedAt);
    const reopened = await move(contract.id, issue.number, 'open', 0);
    expect(reopened.closedAt).toBeNull();
  });
});

describe('the board', () => {
  it('moves cards within a column and across columns, between their neighbours', async () => {
    const contract = await buildCastContract(ctx, cast);
    for (const title of ['A', 'B', 'C', 'D']) await open(contract.id, { title });
    await move(contract.id, 4, 'open', 0);
    expect(await board(contract.id)).toEqual({ open: [4, 1, 2, 3] });
    await move(contract.id, 1, 'in_progress', 0);
    await move(contract.id, 3, 'in_progress', 0);
    await move(contract.id, 2, 'in_progress', 1);
    expect(await board(contract.id)).toEqual({ open: [4], in_progress: [3, 2, 1] });
    await move(contract.id, 3, 'in_progress', 5);
    expect(await board(contract.id)).toEqual({ open: [4], in_progress: [2, 1, 3] });
  });

  it('two cards dropped into the same gap at once both land, in distinct places', async () => {
    const contract = await buildCastContract(ctx, cast);
    for (const title of ['A', 'B', 'X', 'Y']) await open(contract.id, { title });
    await move(contract.id, 3, 'in_review', 0);
    await move(contract.id, 4, 'in_review', 1);
    // Another session holds the contract, as a change in progress would, so both moves queue.
    const holder = new pg.Client({ connectionString: ctx.databaseUrl });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('select 1 from contracts where id = $1 for update', [contract.id]);
      const moves = Promise.all([move(contract.id, 3, 'open', 1), move(contract.id, 4, 'open', 1)]);
      await waitForLockWaiters(ctx, 2, 'the contract');
      await holder.query('commit');
      const [x, y] = await moves;
      expect(x.position).not.toBe(y.position);
    } finally {
      await holder.end();
    }
    const column = (await board(contract.id)).open ?? [];
    expect(column).toHaveLength(4);
    expect(column[0]).toBe(1);
    expect(column[3]).toBe(2);
    expect(new Set(column.slice(1, 3))).toEqual(new Set([3, 4]));
  });

  it('filters by status, priority, label, assignee and text, and sorts', async () => {
    const contract = await buildCastContract(ctx, cast);
    const pro = cast.people.professional.id;
    await open(contract.id, { title: 'Login page', labels: ['ui'], priority: 'low' });
    await open(contract.id, {
      title: 'Export CSV',
      description: 'The 50% rule',
      labels: ['backend'],
      priority: 'urgent',
      assigneeId: pro,
    });
    await open(contract.id, { title: 'Login API', labels: ['backend'], assigneeId: pro });
    await move(contract.id, 3, 'in_progress', 0);
    const numbers = async (query: string) => {
      const res = await call(ctx, cast.people.viewer, {
        method: 'GET',
        url: url(contract.id, `?${query}`),
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: WorkIssue[] }>().items.map((i) => i.number);
    };
    expect(await numbers('status=open')).toEqual([1, 2]);
    expect(await numbers('priority=urgent')).toEqual([2]);
    expect(await numbers('label=BACKEND')).toEqual([2, 3]);
    expect(await numbers(`assignee=${pro}`)).toEqual([2, 3]);
    expect(await numbers('assignee=none')).toEqual([1]);
    expect(await numbers('q=login')).toEqual([1, 3]);
    expect(await numbers('q=50%25')).toEqual([2]);
    expect(await numbers('q=%233')).toEqual([3]);
    expect(await numbers('sort=number')).toEqual([3, 2, 1]);
    expect(await numbers('sort=priority')).toEqual([2, 3, 1]);
    const bad = await call(ctx, cast.people.viewer, {
      method: 'GET',
      url: url(contract.id, '?status=later'),
    });
    expect(bad.statusCode).toBe(400);
    const all = await call(ctx, cast.people.viewer, { method: 'GET', url: url(contract.id) });
    expect(all.json().labels).toEqual(['backend', 'ui']);
  });
});

describe('comments and files', () => {
  it('tells the issue’s opener and assignee of a comment, not its author, and links #N', async () => {
    const contract = await buildCastContract(ctx, cast);
    const issue = await open(
      contract.id,
      { title: 'Discuss', assigneeId: cast.people.professional.id },
      cast.people.manager,
    );
    const res = await call(ctx, cast.people.professional, {
      method: 'POST',
      url: url(contract.id, `/${issue.number}/comments`),
      payload: { body: 'Same as #1, **done** soon' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().bodyHtml).toContain(`href="/app/contracts/${contract.id}/issues/1"`);
    const link = `/app/contracts/${contract.id}/issues/${issue.number}`;
    expect(await notificationsOf(cast.people.manager.id, 'issue.commented', link)).toHaveLength(1);
    expect(
      await notificationsOf(cast.people.professional.id, 'issue.commented', link),
    ).toHaveLength(0);
    const detail = await call(ctx, cast.people.viewer, {
      method: 'GET',
      url: url(contract.id, `/${issue.number}`),
    });
    expect(detail.json().comments.map((c: { body: string }) => c.body)).toEqual([
      'Same as #1, **done** soon',
    ]);
    expect(detail.json().commentCount).toBe(1);
  });

  it('keeps an attached file with its checksum and gives it back as sent', async () => {
    const contract = await buildCastContract(ctx, cast);
    const issue = await open(contract.id, { title: 'With a file' });
    const up = await call(ctx, cast.people.professional, {
      method: 'POST',
      url: url(contract.id, `/${issue.number}/attachments?name=log.txt`),
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('line one\nline two\n'),
    });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().sha256).toMatch(/^[0-9a-f]{64}$/);
    const down = await call(ctx, cast.people.viewer, {
      method: 'GET',
      url: url(contract.id, `/${issue.number}/attachments/${up.json().id}`),
    });
    expect(down.statusCode).toBe(200);
    expect(down.body).toBe('line one\nline two\n');
    const other = await buildCastContract(ctx, cast);
    const otherIssue = await open(other.id, { title: 'Elsewhere' });
    const cross = await call(ctx, cast.people.viewer, {
      method: 'GET',
      url: url(other.id, `/${otherIssue.number}/attachments/${up.json().id}`),
    });
    expect(cross.statusCode).toBe(404);
  });
});

describe('live updates', () => {
  it('a moved card reaches the professional’s open stream as an issues event', async () => {
    const contract = await buildCastContract(ctx, cast);
    const issue = await open(contract.id, { title: 'Live' });
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const address = ctx.app.server.address();
    if (!address || typeof address === 'string') throw new Error('not listening on a port');
    const stream = await openEventStream(
      `http://127.0.0.1:${address.port}/api/v1/notifications/stream`,
      cast.people.professional.token,
    );
    streams.push(stream);
    await move(contract.id, issue.number, 'in_progress', 0);
    const event = ContractChangeEventSchema.parse(
      JSON.parse((await stream.next('contract', forContract(contract.id))).data),
    );
    expect(event).toEqual({ contractId: contract.id, topic: 'issues' });
  });
});
