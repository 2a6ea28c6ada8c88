import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';
import { createMailer, type Mailer } from '../../lib/mail.ts';

const MAILBOX = '/api/v1/admin/mailbox';

let ctx: TestContext;
let cast: Cast;
let mailer: Mailer;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
  mailer = createMailer({ db: ctx.db, from: ctx.config.mailFrom });
});

const address = (label: string) => `${label}-${randomBytes(4).toString('hex')}@test.example`;

interface Page {
  items: { id: string; to: string; subject: string }[];
  nextCursor: string | null;
}

async function page(query: string): Promise<Page> {
  const res = await call(ctx, cast.people.admin, { method: 'GET', url: `${MAILBOX}?${query}` });
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe('GET /api/v1/admin/mailbox', () => {
  it('shows every message, newest first, a page at a time by cursor', async () => {
    const sent: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const to = address(`page-${i}`);
      await mailer.send({ to, subject: `Message ${i}`, text: `Body ${i}` });
      sent.push(to);
    }

    const seen: Page['items'] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const current: Page = await page(`limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(current.items.length).toBeLessThanOrEqual(2);
      // Opaque, as every list's cursor (lib/pagination.ts): base64url, not the raw id.
      if (current.nextCursor) expect(current.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
      seen.push(...current.items);
      cursor = current.nextCursor;
      pages++;
    } while (cursor && pages < 50);

    expect(cursor).toBeNull();
    const ids = seen.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort().reverse());
    const mine = seen.filter((m) => sent.includes(m.to));
    expect(mine.map((m) => m.to)).toEqual([...sent].reverse());
    expect(mine[0]).toMatchObject({
      subject: 'Message 5',
      text: 'Body 5',
      transport: 'mailbox',
      status: 'stored',
      error: null,
    });
  });

  it('filters by recipient, whatever the case of the query', async () => {
    const to = address('filtered');
    await mailer.send({ to, subject: 'First', text: '1' });
    await mailer.send({ to: address('someone-else'), subject: 'Other', text: '2' });
    await mailer.send({ to, subject: 'Second', text: '3' });
    const result = await page(`to=${encodeURIComponent(to.toUpperCase())}`);
    expect(result.items.map((m) => m.subject)).toEqual(['Second', 'First']);
    expect(result.nextCursor).toBeNull();
  });

  it('answers 400 naming the cursor for a cursor it never gave out', async () => {
    const res = await call(ctx, cast.people.admin, {
      method: 'GET',
      url: `${MAILBOX}?cursor=not-a-cursor`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'querystring.cursor', message: 'Invalid cursor' }]);
  });

  it('role matrix: only admins read the mailbox; everyone else gets 403', async () => {
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: MAILBOX }), 200);
  });
});
