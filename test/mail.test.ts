/**
 * E-mail leaving over real SMTP through the outbox: a request records the message (`queued`)
 * and a job delivers it, trying again with back-off. A local smtp-server, stopped and started,
 * receives what Handoff sends; the mailbox table records how each delivery went.
 */
import net, { type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBusiness, buildUser } from './factories.ts';
import { call, createTestContext, type TestContext } from './harness.ts';
import { buildJob } from './job-factories.ts';
import { lastMailTo, linkIn } from './mailbox.ts';

const INVITATION_LINK = 'http://localhost:3000/invitations/';

interface Received {
  from: string;
  to: string[];
  /** The raw message as it came over the wire. */
  raw: string;
}

/** A throwaway SMTP server on 127.0.0.1 (on `port`, else any) that keeps every message it is given. */
async function startSmtpServer(port = 0) {
  const received: Received[] = [];
  let connections = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.server.address() as AddressInfo;
  return {
    port: address.port,
    received,
    /** SMTP sessions opened so far, delivered or not. */
    connections: () => connections,
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
}

/** A port on which nothing listens: taken from the OS, then let go. */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** The text of a message as the recipient reads it: quoted-printable undone. */
function decodeBody(raw: string): string {
  const [headers = '', ...body] = raw.split('\r\n\r\n');
  const text = body.join('\r\n\r\n');
  if (/content-transfer-encoding:\s*base64/i.test(headers)) {
    return Buffer.from(text, 'base64').toString('utf8');
  }
  if (/content-transfer-encoding:\s*quoted-printable/i.test(headers)) {
    const bytes = text
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return text;
}

/** An owner invites a professional to an open job. */
async function inviteToJob(ctx: TestContext) {
  const { business, owner } = await buildBusiness(ctx, { name: 'Tidewater Bikes' });
  const pro = await buildUser(ctx, { professional: true, name: 'Rita Pro' });
  const job = await buildJob(ctx, { businessId: business.id, createdBy: owner.id });
  const res = await call(ctx, owner, {
    method: 'POST',
    url: `/api/v1/businesses/${business.id}/jobs/${job.id}/invitations`,
    payload: { email: pro.email },
  });
  return { res, pro, job };
}

/** An owner invites an address to their team. */
async function invite(ctx: TestContext, email: string) {
  const { business, owner } = await buildBusiness(ctx, { name: 'Tidewater Bikes' });
  const res = await call(ctx, owner, {
    method: 'POST',
    url: `/api/v1/businesses/${business.id}/invitations`,
    payload: { email, role: 'viewer' },
  });
  return { res, business, owner };
}

describe('with an SMTP server', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let ctx: TestContext;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    ctx = await createTestContext({ config: { smtpUrl: `smtp://127.0.0.1:${smtp.port}` } });
  });
  afterAll(() => smtp?.close());

  it('queues the invitation in its request, delivers it by a job, and keeps no copy of the link', async () => {
    const email = 'smtp-invitee@test.example';
    const { res } = await invite(ctx, email);
    expect(res.statusCode).toBe(201);
    // The request only wrote the outbox: no SMTP session was even opened.
    const queued = await lastMailTo(ctx, email);
    expect(queued).toMatchObject({
      transport: 'smtp',
      status: 'queued',
      attempts: 0,
      sentAt: null,
    });
    expect(queued.text).toContain(INVITATION_LINK);
    expect(smtp.connections()).toBe(0);

    await ctx.runJobs();

    const delivered = smtp.received.filter((m) => m.to.includes(email));
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.from).toBe('no-reply@localhost');
    const body = decodeBody(delivered[0]?.raw ?? '');
    const link = linkIn(body, INVITATION_LINK);

    const record = await lastMailTo(ctx, email);
    expect(record).toMatchObject({ transport: 'smtp', status: 'sent', error: null, attempts: 1 });
    expect(record.sentAt).toEqual(ctx.clock.now());
    // Delivered mail is not kept: its live link must not sit in the admin's mailbox.
    expect(record.text).toBe('');
    const preview = await call(ctx, null, {
      method: 'GET',
      url: link.pathname.replace('/invitations', '/api/v1/invitations'),
    });
    expect(preview.json()).toMatchObject({
      businessName: 'Tidewater Bikes',
      email,
      status: 'pending',
    });

    // Delivered once: running the jobs again sends nothing more.
    await ctx.runJobs();
    expect(smtp.received.filter((m) => m.to.includes(email))).toHaveLength(1);
  });

  it('sends a message’s attachment as a MIME part of its type, and keeps no copy once sent', async () => {
    const email = 'attachment@test.example';
    const calendar = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n';
    await ctx.background.mailer.send({
      to: email,
      subject: 'An interview',
      text: 'See the invitation.',
      attachments: [
        { filename: 'invite.ics', contentType: 'text/calendar; method=REQUEST', content: calendar },
      ],
    });
    await ctx.runJobs();
    const raw = smtp.received.find((m) => m.to.includes(email))?.raw ?? '';
    const part = raw.split(/\r\n--/).find((p) => /content-type:\s*text\/calendar/i.test(p)) ?? '';
    expect(part).toMatch(/method=REQUEST/i);
    expect(part).toMatch(/filename="?invite\.ics/i);
    expect(decodeBody(part)).toContain('METHOD:REQUEST');
    expect((await lastMailTo(ctx, email)).attachments).toEqual([]);
  });

  it('tells the web app that e-mail leaves by SMTP', async () => {
    const res = await call(ctx, null, { method: 'GET', url: '/api/v1/meta' });
    expect(res.json().smtpConfigured).toBe(true);
  });
});

describe('with the SMTP server down, then started again', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
  let port: number;
  let ctx: TestContext;
  beforeAll(async () => {
    const first = await startSmtpServer();
    port = first.port;
    await first.close();
    ctx = await createTestContext({ config: { smtpUrl: `smtp://127.0.0.1:${port}` } });
  });
  afterAll(() => smtp?.close());

  it('keeps a job invitation queued, and a retry delivers it once SMTP is back', async () => {
    const { res, pro, job } = await inviteToJob(ctx);
    expect(res.statusCode).toBe(202);
    expect(await lastMailTo(ctx, pro.email)).toMatchObject({ status: 'queued', attempts: 0 });

    await ctx.runJobs();
    const failedOnce = await lastMailTo(ctx, pro.email);
    expect(failedOnce).toMatchObject({ status: 'queued', attempts: 1 });
    expect(failedOnce.error).toMatch(/ECONNREFUSED/);
    expect(failedOnce.nextAttemptAt).toEqual(new Date(ctx.clock.now().getTime() + 60_000));
    // The text waits in the outbox for the next attempt.
    expect(failedOnce.text).toContain(`/jobs/${job.id}`);

    // SMTP is back, but the retry is due in a minute by the clock: nothing is sent yet.
    smtp = await startSmtpServer(port);
    await ctx.runJobs();
    expect(await lastMailTo(ctx, pro.email)).toMatchObject({ status: 'queued', attempts: 1 });
    expect(smtp.connections()).toBe(0);

    ctx.clock.advance(60_000);
    await ctx.runJobs();
    const sent = await lastMailTo(ctx, pro.email);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, error: null, nextAttemptAt: null });
    expect(sent.sentAt).toEqual(ctx.clock.now());
    const delivered = smtp.received.filter((m) => m.to.includes(pro.email));
    expect(delivered).toHaveLength(1);
    expect(
      linkIn(decodeBody(delivered[0]?.raw ?? ''), 'http://localhost:3000/jobs/').pathname,
    ).toBe(`/jobs/${job.id}`);
  });
});

describe('with the SMTP server down for good', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({
      config: { smtpUrl: `smtp://127.0.0.1:${await closedPort()}` },
    });
  });

  it('still invites, tries eight times with back-off, then records the e-mail failed with the reason', async () => {
    const email = 'unlucky-invitee@test.example';
    const { res, business, owner } = await invite(ctx, email);
    expect(res.statusCode).toBe(201);

    const waits: number[] = [];
    for (let attempt = 1; attempt < 8; attempt++) {
      await ctx.runJobs();
      const record = await lastMailTo(ctx, email);
      expect(record).toMatchObject({ status: 'queued', attempts: attempt });
      const next = record.nextAttemptAt ?? new Date(Number.NaN);
      waits.push((next.getTime() - ctx.clock.now().getTime()) / 60_000);
      ctx.clock.set(next);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64]);
    await ctx.runJobs();

    const record = await lastMailTo(ctx, email);
    expect(record).toMatchObject({
      transport: 'smtp',
      status: 'failed',
      attempts: 8,
      nextAttemptAt: null,
      sentAt: null,
      text: '',
    });
    expect(record.error).toMatch(/ECONNREFUSED/);

    // Given up for good: a day later nothing tries again.
    ctx.clock.advance(86_400_000);
    await ctx.runJobs();
    expect(await lastMailTo(ctx, email)).toMatchObject({ status: 'failed', attempts: 8 });

    const admin = await buildUser(ctx, { admin: true });
    const mailbox = await call(ctx, admin, {
      method: 'GET',
      url: `/api/v1/admin/mailbox?to=${encodeURIComponent(email)}`,
    });
    expect(mailbox.statusCode).toBe(200);
    expect(mailbox.json().items).toEqual([
      expect.objectContaining({ status: 'failed', attempts: 8, error: record.error }),
    ]);

    const open = await call(ctx, owner, {
      method: 'GET',
      url: `/api/v1/businesses/${business.id}/invitations`,
    });
    expect(open.json().items.map((i: { email: string }) => i.email)).toEqual([email]);
  });
});

describe('with a worker running in the server', () => {
  const sockets: net.Socket[] = [];
  let silent: net.Server;
  let connected: Promise<void>;
  let ctx: TestContext;
  beforeAll(async () => {
    // An "SMTP server" that accepts connections and never says a word.
    let onConnection = () => {};
    connected = new Promise((resolve) => (onConnection = resolve));
    silent = net.createServer((socket) => {
      sockets.push(socket);
      onConnection();
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    ctx = await createTestContext({
      worker: true,
      config: { smtpUrl: `smtp://127.0.0.1:${port}` },
    });
  });
  afterAll(() => new Promise<void>((resolve) => silent?.close(() => resolve())));

  it('answers the invitation while the SMTP server has not even greeted; the worker tries afterwards', async () => {
    const { res, pro } = await inviteToJob(ctx);
    expect(res.statusCode).toBe(202);
    // No attempt could have finished: the SMTP server never answers. Yet the request is done.
    expect(await lastMailTo(ctx, pro.email)).toMatchObject({ status: 'queued', attempts: 0 });

    // The worker takes the job on its own and connects…
    await connected;
    // …and when the connection drops, records the failed attempt and plans the next.
    for (const socket of sockets) socket.destroy();
    await ctx.background.queue.stop(); // waits for the running job
    const record = await lastMailTo(ctx, pro.email);
    expect(record).toMatchObject({ status: 'queued', attempts: 1 });
    expect(record.error).toBeTruthy();
    expect(record.nextAttemptAt).not.toBeNull();
  });
});
