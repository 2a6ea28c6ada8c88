/**
 * E-mail leaving over real SMTP: a local smtp-server receives what Handoff sends, and the
 * dev mailbox table records how each delivery went.
 */
import net, { type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBusiness } from './factories.ts';
import { call, createTestContext, type TestContext } from './harness.ts';
import { lastMailTo, linkIn } from './mailbox.ts';

const INVITATION_LINK = 'http://localhost:3000/invitations/';

interface Received {
  from: string;
  to: string[];
  /** The raw message as it came over the wire. */
  raw: string;
}

/** A throwaway SMTP server on 127.0.0.1 that keeps every message it is given. */
async function startSmtpServer() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
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
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(resolve)) };
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

  it('delivers the invitation with its link, and records it as sent without keeping the link', async () => {
    const email = 'smtp-invitee@test.example';
    const { res } = await invite(ctx, email);
    expect(res.statusCode).toBe(201);

    const delivered = smtp.received.filter((m) => m.to.includes(email));
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.from).toBe('no-reply@localhost');
    const body = decodeBody(delivered[0]?.raw ?? '');
    const link = linkIn(body, INVITATION_LINK);

    const record = await lastMailTo(ctx, email);
    expect(record).toMatchObject({ transport: 'smtp', status: 'sent', error: null });
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
  });

  it('tells the web app that e-mail leaves by SMTP', async () => {
    const res = await call(ctx, null, { method: 'GET', url: '/api/v1/meta' });
    expect(res.json().smtpConfigured).toBe(true);
  });
});

describe('with the SMTP server down', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({
      config: { smtpUrl: `smtp://127.0.0.1:${await closedPort()}` },
    });
  });

  it('still invites, and records the e-mail as failed with the reason', async () => {
    const email = 'unlucky-invitee@test.example';
    const { res, business, owner } = await invite(ctx, email);
    expect(res.statusCode).toBe(201);

    const record = await lastMailTo(ctx, email);
    expect(record).toMatchObject({ transport: 'smtp', status: 'failed' });
    expect(record.error).toMatch(/ECONNREFUSED/);
    const open = await call(ctx, owner, {
      method: 'GET',
      url: `/api/v1/businesses/${business.id}/invitations`,
    });
    expect(open.json().items.map((i: { email: string }) => i.email)).toEqual([email]);
  });
});
