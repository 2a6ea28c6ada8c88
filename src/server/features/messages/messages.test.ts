/**
 * A contract's messages over HTTP against the real database: who reads and writes them, the
 * Markdown rendered safely, paging back through history, unread counts and read marks, one
 * notification per unread burst, attachments, and the live event the other side's page gets.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addReviewer,
  buildCastContract,
  contractExpected,
} from '../../../../test/contract-factories.ts';
import { openEventStream, type EventStream, forContract } from '../../../../test/event-stream.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';
import {
  UPLOAD_KEEP_HOURS,
  type ContractMessage,
  type MessagePage,
} from '../../../core/contracts/messages.ts';
import { ContractChangeEventSchema } from '../../../core/contracts/offers.ts';
import { contractMessageUploads, notifications } from '../../db/schema/index.ts';
import { newId } from '../../lib/ids.ts';

let ctx: TestContext;
let cast: Cast;
let base: string;
const streams: EventStream[] = [];

beforeAll(async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'handoff-messages-'));
  ctx = await createTestContext({ config: { dataDir } });
  cast = await buildCast(ctx);
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  const address = ctx.app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening on a port');
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(() => {
  for (const s of streams) s.close();
});

type Who = Parameters<typeof call>[1];
const send = (who: Who, contractId: string, body: string) =>
  call(ctx, who, {
    method: 'POST',
    url: `/api/v1/contracts/${contractId}/messages`,
    payload: { body },
  });
const list = async (who: Who, contractId: string, query = '') => {
  const res = await call(ctx, who, {
    method: 'GET',
    url: `/api/v1/contracts/${contractId}/messages${query}`,
  });
  expect(res.statusCode).toBe(200);
  return res.json<MessagePage>();
};
/** A file uploaded for the caller's next message on the contract. */
const upload = (who: Who, contractId: string, name: string, body: Buffer) =>
  call(ctx, who, {
    method: 'POST',
    url: `/api/v1/contracts/${contractId}/messages/uploads?name=${encodeURIComponent(name)}`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: body,
  });
/** A message sent with uploads, as the web app sends it. */
const sendWith = (
  who: Who,
  contractId: string,
  body: string,
  uploadIds: string[],
  headers: Record<string, string> = {},
) =>
  call(ctx, who, {
    method: 'POST',
    url: `/api/v1/contracts/${contractId}/messages`,
    payload: { body, uploadIds },
    headers,
  });
const unreadOf = async (who: Who) => {
  const res = await call(ctx, who, { method: 'GET', url: '/api/v1/me/contracts/unread' });
  expect(res.statusCode).toBe(200);
  return res.json<{ items: { contractId: string; unread: number }[] }>().items;
};
const toldOf = async (userId: string, contractId: string) =>
  (
    await ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.type, 'contract.message')))
  ).filter((n) => n.link === `/app/contracts/${contractId}/messages`);

describe('messages: who may', () => {
  it('reading: the members and the professional; a QA reviewer is refused', async () => {
    const contract = await buildCastContract(ctx, cast);
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: `/api/v1/contracts/${contract.id}/messages` }),
      contractExpected('messages.read', 200),
    );
    const reviewer = await addReviewer(ctx, contract.id);
    const res = await call(ctx, reviewer, {
      method: 'GET',
      url: `/api/v1/contracts/${contract.id}/messages`,
    });
    expect(res.statusCode).toBe(403);
    expect((await send(reviewer, contract.id, 'Hello')).statusCode).toBe(403);
  });

  it('sending: owners, managers and the professional; a viewer reads only', async () => {
    const contract = await buildCastContract(ctx, cast);
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'POST',
        url: `/api/v1/contracts/${contract.id}/messages`,
        payload: { body: 'Hello' },
      }),
      contractExpected('messages.write', 201),
    );
  });

  it('marking read, the unread list and downloading follow the same table', async () => {
    const contract = await buildCastContract(ctx, cast);
    const uploaded = await upload(
      cast.people.owner,
      contract.id,
      'notes.txt',
      Buffer.from('plain notes\n'),
    );
    expect(uploaded.statusCode).toBe(201);
    const sent = await sendWith(cast.people.owner, contract.id, 'Spec attached', [
      uploaded.json().id,
    ]);
    expect(sent.statusCode, sent.body).toBe(201);
    const message = sent.json<ContractMessage>();
    const attached = message.attachments[0]!;
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'POST',
        url: `/api/v1/contracts/${contract.id}/messages/read`,
        payload: { lastMessageId: message.id },
      }),
      contractExpected('messages.read', 200),
    );
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'GET',
        url: `/api/v1/contracts/${contract.id}/messages/${message.id}/attachments/${attached.id}`,
      }),
      contractExpected('messages.read', 200),
    );
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: '/api/v1/me/contracts/unread' }),
      200,
    );
  });

  it('uploading for a message: the writers; a viewer and a QA reviewer are refused', async () => {
    const contract = await buildCastContract(ctx, cast);
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'POST',
        url: `/api/v1/contracts/${contract.id}/messages/uploads?name=a.txt`,
        headers: { 'content-type': 'application/octet-stream' },
        payload: Buffer.from('hello\n'),
      }),
      contractExpected('messages.write', 201),
    );
  });
});

describe('a conversation', () => {
  it('renders Markdown safely, newest at the bottom, and pages back through history', async () => {
    const contract = await buildCastContract(ctx, cast);
    const first = await send(
      cast.people.owner,
      contract.id,
      '**Welcome** <script>alert(1)</script> [x](javascript:alert(1))',
    );
    expect(first.statusCode).toBe(201);
    const html = first.json<ContractMessage>().bodyHtml;
    expect(html).toContain('<strong>Welcome</strong>');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('href="javascript');
    for (let i = 1; i <= 4; i++) {
      ctx.clock.advance(1000);
      expect((await send(cast.people.professional, contract.id, `Reply ${i}`)).statusCode).toBe(
        201,
      );
    }
    const newest = await list(cast.people.owner, contract.id, '?limit=2');
    expect(newest.items.map((m) => m.body)).toEqual(['Reply 3', 'Reply 4']);
    expect(newest.items[1]?.mine).toBe(false);
    expect(newest.nextCursor).not.toBeNull();
    const older = await list(
      cast.people.owner,
      contract.id,
      `?limit=2&cursor=${newest.nextCursor}`,
    );
    expect(older.items.map((m) => m.body)).toEqual(['Reply 1', 'Reply 2']);
    const oldest = await list(
      cast.people.owner,
      contract.id,
      `?limit=2&cursor=${older.nextCursor}`,
    );
    expect(oldest.items.map((m) => m.body)).toEqual([
      '**Welcome** <script>alert(1)</script> [x](javascript:alert(1))',
    ]);
    expect(oldest.items[0]?.mine).toBe(true);
    expect(oldest.nextCursor).toBeNull();
  });

  it('unread counts per person, read marks, and one notification per unread burst', async () => {
    const contract = await buildCastContract(ctx, cast);
    const pro = cast.people.professional;
    await send(cast.people.owner, contract.id, 'First');
    ctx.clock.advance(1000);
    const second = (await send(cast.people.manager, contract.id, 'Second')).json<ContractMessage>();
    expect((await list(pro, contract.id)).unread).toBe(2);
    expect((await unreadOf(pro)).find((u) => u.contractId === contract.id)?.unread).toBe(2);
    // The owner wrote the first, so only the manager's is unread for them.
    expect((await list(cast.people.owner, contract.id)).unread).toBe(1);
    // Two messages in a row, one notification.
    expect(await toldOf(pro.id, contract.id)).toHaveLength(1);

    const read = await call(ctx, pro, {
      method: 'POST',
      url: `/api/v1/contracts/${contract.id}/messages/read`,
      payload: { lastMessageId: second.id },
    });
    expect(read.json()).toEqual({ unread: 0 });
    expect((await unreadOf(pro)).find((u) => u.contractId === contract.id)).toBeUndefined();

    // Read, then a new message: a new burst, a new notification.
    ctx.clock.advance(1000);
    await send(cast.people.owner, contract.id, 'Third');
    expect(await toldOf(pro.id, contract.id)).toHaveLength(2);
    // The professional's answer tells the business's members, and counts as read for them.
    ctx.clock.advance(1000);
    await send(pro, contract.id, 'Answer');
    expect(await toldOf(cast.people.viewer.id, contract.id)).toHaveLength(1);
    ctx.clock.advance(1000);
    await send(pro, contract.id, 'And another thing');
    expect(await toldOf(cast.people.viewer.id, contract.id)).toHaveLength(1);
    expect((await list(pro, contract.id)).unread).toBe(0);
  });

  it('a read mark naming a message of another contract is a 404', async () => {
    const contract = await buildCastContract(ctx, cast);
    const other = await buildCastContract(ctx, cast);
    const message = (await send(cast.people.owner, other.id, 'Elsewhere')).json<ContractMessage>();
    const res = await call(ctx, cast.people.professional, {
      method: 'POST',
      url: `/api/v1/contracts/${contract.id}/messages/read`,
      payload: { lastMessageId: message.id },
    });
    expect(res.statusCode).toBe(404);
  });

  it('a message from one side reaches the other side’s open stream', async () => {
    const contract = await buildCastContract(ctx, cast);
    const stream = await openEventStream(
      `${base}/api/v1/notifications/stream`,
      cast.people.professional.token,
    );
    streams.push(stream);
    expect((await send(cast.people.owner, contract.id, 'Live')).statusCode).toBe(201);
    const event = ContractChangeEventSchema.parse(
      JSON.parse((await stream.next('contract', forContract(contract.id))).data),
    );
    expect(event).toEqual({ contractId: contract.id, topic: 'messages' });
  });

  it('bad input names the field; an ended contract is read but not written', async () => {
    const contract = await buildCastContract(ctx, cast);
    const empty = await send(cast.people.owner, contract.id, '   ');
    expect(empty.statusCode).toBe(400);
    expect(JSON.stringify(empty.json())).toContain('body.body');
    const badCursor = await call(ctx, cast.people.owner, {
      method: 'GET',
      url: `/api/v1/contracts/${contract.id}/messages?cursor=nope`,
    });
    expect(badCursor.statusCode).toBe(400);
    expect(JSON.stringify(badCursor.json())).toContain('querystring.cursor');

    const ended = await buildCastContract(ctx, cast, { status: 'completed' });
    expect((await send(cast.people.owner, ended.id, 'Late')).statusCode).toBe(409);
    expect((await list(cast.people.professional, ended.id)).items).toEqual([]);
  });
});

describe('attachments', () => {
  it('a message arrives with its files in one step; the other side downloads the same bytes', async () => {
    const contract = await buildCastContract(ctx, cast);
    const bytes = Buffer.from('Line one\nLine two\n');
    const first = await upload(cast.people.owner, contract.id, 'copy "deck".txt', bytes);
    expect(first.statusCode).toBe(201);
    expect(first.json().sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const second = await upload(cast.people.owner, contract.id, 'b.txt', Buffer.from('b\n'));
    // Uploaded but not sent: the other side sees nothing yet.
    expect((await list(cast.people.professional, contract.id)).items).toEqual([]);

    const sent = await sendWith(cast.people.owner, contract.id, 'The copy', [
      second.json().id,
      first.json().id,
    ]);
    expect(sent.statusCode, sent.body).toBe(201);
    const message = sent.json<ContractMessage>();
    const page = await list(cast.people.professional, contract.id);
    expect(page.items).toHaveLength(1);
    const seen = page.items[0]!.attachments;
    expect(seen.map((a) => a.name).sort()).toEqual(['b.txt', 'copy deck.txt']);
    const attachment = seen.find((a) => a.name === 'copy deck.txt')!;
    expect(attachment.sha256).toBe(first.json().sha256);
    const download = await call(ctx, cast.people.professional, {
      method: 'GET',
      url: `/api/v1/contracts/${contract.id}/messages/${message.id}/attachments/${attachment.id}`,
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(bytes)).toBe(true);
    expect(download.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(download.headers['content-disposition']).toContain('attachment;');
    expect(download.headers['content-disposition']).not.toContain('"deck"');

    // An upload goes with one message only: naming it again is refused on its field.
    const again = await sendWith(cast.people.owner, contract.id, 'Once more', [first.json().id]);
    expect(again.statusCode).toBe(400);
    expect(again.json().errors).toEqual([expect.objectContaining({ path: 'body.uploadIds.0' })]);
  });

  it('a failed upload or a file not yours leaves no message, and says why on the field', async () => {
    const contract = await buildCastContract(ctx, cast);
    const html = await upload(
      cast.people.owner,
      contract.id,
      'page.txt',
      Buffer.from('<html><script>alert(1)</script></html>'),
    );
    expect(html.statusCode).toBe(415);
    expect(html.headers['content-type']).toContain('application/problem+json');
    const noName = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: `/api/v1/contracts/${contract.id}/messages/uploads`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('x'),
    });
    expect(noName.statusCode).toBe(400);
    expect(JSON.stringify(noName.json())).toContain('querystring.name');
    const tooBig = await upload(
      cast.people.owner,
      contract.id,
      'big.txt',
      Buffer.alloc(ctx.config.maxUploadBytes + 1, 'a'),
    );
    expect(tooBig.statusCode).toBe(413);

    const theirs = await upload(cast.people.professional, contract.id, 'p.txt', Buffer.from('p'));
    const mine = await upload(cast.people.owner, contract.id, 'o.txt', Buffer.from('o'));
    const refused = await sendWith(cast.people.owner, contract.id, 'With files', [
      mine.json().id,
      theirs.json().id,
    ]);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([expect.objectContaining({ path: 'body.uploadIds.1' })]);
    const unknown = await sendWith(cast.people.owner, contract.id, 'With files', [newId()]);
    expect(unknown.statusCode).toBe(400);
    const twice = await sendWith(cast.people.owner, contract.id, 'With files', [
      mine.json().id,
      mine.json().id,
    ]);
    expect(twice.statusCode).toBe(400);
    // Nothing reached the conversation, and the caller's upload still waits to be sent.
    expect((await list(cast.people.professional, contract.id)).items).toEqual([]);
    const ok = await sendWith(cast.people.owner, contract.id, 'With files', [mine.json().id]);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json<ContractMessage>().attachments.map((a) => a.name)).toEqual(['o.txt']);
  });

  it('a double click with one Idempotency-Key sends one message with its files', async () => {
    const contract = await buildCastContract(ctx, cast);
    const file = await upload(cast.people.owner, contract.id, 'menu.txt', Buffer.from('menu'));
    const headers = { 'idempotency-key': `message-${newId()}` };
    const [a, b] = await Promise.all([
      sendWith(cast.people.owner, contract.id, 'Menu', [file.json().id], headers),
      sendWith(cast.people.owner, contract.id, 'Menu', [file.json().id], headers),
    ]);
    const statuses = [a.statusCode, b.statusCode].sort();
    // The second either replays the first answer or is told the first still runs (409).
    expect(statuses[0]).toBe(201);
    expect([201, 409]).toContain(statuses[1]);
    const page = await list(cast.people.professional, contract.id);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]!.attachments).toHaveLength(1);
    const replay = await sendWith(
      cast.people.owner,
      contract.id,
      'Menu',
      [file.json().id],
      headers,
    );
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect((await list(cast.people.professional, contract.id)).items).toHaveLength(1);
  });

  it('uploads never sent expire after a day and their files are cleared', async () => {
    const contract = await buildCastContract(ctx, cast);
    const old = await upload(cast.people.owner, contract.id, 'old.txt', Buffer.from('old'));
    expect(old.statusCode).toBe(201);
    const [row] = await ctx.db
      .select()
      .from(contractMessageUploads)
      .where(eq(contractMessageUploads.id, old.json().id));
    const stored = path.join(ctx.config.dataDir, 'files', row!.storageKey);
    expect(existsSync(stored)).toBe(true);
    ctx.clock.advance((UPLOAD_KEEP_HOURS + 1) * 3_600_000);
    const late = await sendWith(cast.people.owner, contract.id, 'Late', [old.json().id]);
    expect(late.statusCode).toBe(400);
    expect(late.json().errors).toEqual([expect.objectContaining({ path: 'body.uploadIds.0' })]);
    // The next upload sweeps the caller's expired ones, rows and files.
    expect(
      (await upload(cast.people.owner, contract.id, 'new.txt', Buffer.from('new'))).statusCode,
    ).toBe(201);
    expect(existsSync(stored)).toBe(false);
    expect(
      await ctx.db
        .select()
        .from(contractMessageUploads)
        .where(eq(contractMessageUploads.id, old.json().id)),
    ).toEqual([]);
  });
});
