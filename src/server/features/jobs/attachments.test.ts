import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Attachment, JobList } from '../../../core/contracts/jobs.ts';
import { errorPaths } from '../../../../test/audit-factories.ts';
import { buildBusiness, buildUser, type TestUser } from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildJob, inviteToJob, type BuildJobOptions } from '../../../../test/job-factories.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';
import { jobAttachments } from '../../db/schema/index.ts';
import { MAX_ATTACHMENTS_PER_LAYER } from './attachments.ts';

const LIMIT = 64 * 1024;
let ctx: TestContext;
let cast: Cast;
let filesDir: string;
beforeAll(async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'handoff-attachments-'));
  filesDir = path.join(dataDir, 'files');
  ctx = await createTestContext({ config: { dataDir, maxUploadBytes: LIMIT } });
  cast = await buildCast(ctx);
});
afterAll(() => rmSync(path.dirname(filesDir), { recursive: true, force: true }));

// --- Files of each kind, made here so that the tests show exactly what is uploaded. ---

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0'),
  Buffer.alloc(64),
]);
const GIF = Buffer.from('R0lGODlhAQABAAAAACw=', 'base64');
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
const ELF = Buffer.concat([
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01]),
  Buffer.alloc(100),
]);

/** A zip with the given entries, stored uncompressed. */
function zipOf(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
const ZIP = zipOf({ 'notes/readme.txt': 'hello' });
const DOCX = zipOf({
  '[Content_Types].xml':
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  'word/document.xml': '<w:document/>',
});
const ODT = zipOf({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<x/>' });

// --- Helpers ---

const jobUrl = (businessId: string, jobId: string) =>
  `/api/v1/businesses/${businessId}/jobs/${jobId}`;

function upload(
  who: TestUser | null,
  job: { businessId: string; id: string },
  body: Buffer | Readable,
  { layer = 'brief', name = 'file.bin' }: { layer?: string; name?: string } = {},
) {
  return call(ctx, who, uploadRequest(job, body, { layer, name }));
}

function uploadRequest(
  job: { businessId: string; id: string },
  body: Buffer | Readable,
  { layer = 'brief', name = 'file.bin' }: { layer?: string; name?: string } = {},
): InjectOptions {
  return {
    method: 'POST',
    url: `${jobUrl(job.businessId, job.id)}/attachments?layer=${layer}&name=${encodeURIComponent(name)}`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: body,
  };
}

async function uploaded(
  job: { businessId: string; id: string },
  body: Buffer,
  options: { layer?: 'brief' | 'spec'; name?: string } = {},
): Promise<Attachment> {
  const res = await upload(cast.people.owner, job, body, options);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const newJob = (options: Partial<BuildJobOptions> = {}) =>
  buildJob(ctx, { businessId: cast.businessId, ...options });

/** Stored files (no temporary ones) and the rows that point at them must always match. */
async function expectFilesMatchRows() {
  const onDisk = (await readdir(filesDir).catch(() => [] as string[])).sort();
  const rows = await ctx.db.select({ key: jobAttachments.storageKey }).from(jobAttachments);
  expect(onDisk).toEqual(rows.map((r) => r.key).sort());
}

const rowCount = async (jobId: string) =>
  (await ctx.db.select().from(jobAttachments).where(eq(jobAttachments.jobId, jobId))).length;

describe('POST …/jobs/:jobId/attachments', () => {
  it('stores the file with its size, SHA-256 and the type read from its content', async () => {
    const job = await newJob();
    const res = await upload(cast.people.owner, job, PNG, { layer: 'spec', name: 'mock-up.png' });
    expect(res.statusCode).toBe(201);
    const attachment = res.json<Attachment>();
    expect(attachment).toMatchObject({
      layer: 'spec',
      name: 'mock-up.png',
      contentType: 'image/png',
      size: PNG.length,
    });
    const [row] = await ctx.db
      .select()
      .from(jobAttachments)
      .where(eq(jobAttachments.id, attachment.id));
    expect(row?.sha256).toBe(createHash('sha256').update(PNG).digest('hex'));
    expect(row?.businessId).toBe(cast.businessId);
    await expectFilesMatchRows();
  });

  it.each([
    ['PNG', 'a.png', 'image/png', PNG],
    ['JPEG', 'a.jpg', 'image/jpeg', JPEG],
    ['GIF', 'a.gif', 'image/gif', GIF],
    ['PDF', 'a.pdf', 'application/pdf', PDF],
    ['zip', 'a.zip', 'application/zip', ZIP],
    [
      'Word',
      'a.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      DOCX,
    ],
    ['OpenDocument text', 'a.odt', 'application/vnd.oasis.opendocument.text', ODT],
    ['CSV', 'log.csv', 'text/plain', Buffer.from('date,task,minutes\n2026-07-01,Invoices,30\n')],
    [
      'Markdown in UTF-8',
      'brief.md',
      'text/plain',
      Buffer.from('# Brief\n\nCafé, crème brûlée — ✓\n'),
    ],
  ])('accepts %s named %s as %s', async (_, name, type, body) => {
    const job = await newJob();
    const res = await upload(cast.people.owner, job, body, { name });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name, contentType: type });
  });

  it.each([
    ['a Windows executable', EXE, 'tool.pdf'],
    ['a Linux executable', ELF, 'tool.txt'],
    [
      'an HTML page',
      Buffer.from('<!doctype html><html><script>alert(1)</script></html>'),
      'page.txt',
    ],
    ['an HTML fragment', Buffer.from('  <script>alert(document.cookie)</script>'), 'notes.txt'],
    [
      'an SVG image',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
      'logo.svg',
    ],
    ['XML', Buffer.from('<?xml version="1.0"?><a/>'), 'data.txt'],
    ['binary with NUL bytes', Buffer.from([0x41, 0x00, 0x42, 0x00, 0x43]), 'data.txt'],
    ['text that is not UTF-8', Buffer.from([0x48, 0x69, 0xe9, 0x21]), 'latin1.txt'],
  ])(
    'refuses %s with 415, whatever its name, and keeps nothing',
    async (_, body: Buffer, name: string) => {
      const job = await newJob();
      const res = await upload(cast.people.owner, job, body, { name });
      expect(res.statusCode).toBe(415);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(errorPaths(res)).toEqual(['body']);
      expect(await rowCount(job.id)).toBe(0);
      await expectFilesMatchRows();
    },
  );

  it('refuses an empty file with 400', async () => {
    const job = await newJob();
    const res = await upload(cast.people.owner, job, Buffer.alloc(0), { name: 'empty.txt' });
    expect(res.statusCode).toBe(400);
    await expectFilesMatchRows();
  });

  it('refuses a file over the limit announced by Content-Length with 413 naming the limit, before reading it', async () => {
    const job = await newJob();
    const res = await upload(cast.people.owner, job, Buffer.alloc(LIMIT + 1, 0x61), {
      name: 'big.txt',
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().detail).toContain('0.1 MB');
    // Fastify closes the connection after answering rather than read what the client still sends.
    expect(res.headers.connection).toBe('close');
    expect(await rowCount(job.id)).toBe(0);
    await expectFilesMatchRows();
  });

  /** A body sent in 8 KB chunks without announcing its length. */
  function streamOf(bytes: number) {
    let sent = 0;
    const chunk = Buffer.alloc(8 * 1024, 0x61);
    return new Readable({
      read() {
        if (sent >= bytes) return this.push(null);
        sent += chunk.length;
        this.push(chunk);
      },
    });
  }

  it('stops a streamed upload (no Content-Length) as soon as it passes the limit: 413, nothing on disk, no row', async () => {
    const job = await newJob();
    const res = await upload(cast.people.owner, job, streamOf(1.5 * LIMIT), { name: 'stream.txt' });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(errorPaths(res)).toEqual(['body']);
    expect(await rowCount(job.id)).toBe(0);
    await expectFilesMatchRows();
  });

  it('cuts off a client that keeps sending past twice the limit, leaving nothing behind', async () => {
    const job = await newJob();
    await expect(
      upload(cast.people.owner, job, streamOf(8 * LIMIT), { name: 'endless.txt' }),
    ).rejects.toThrow(/destroyed/);
    expect(await rowCount(job.id)).toBe(0);
    // The server cleans up after the connection is gone, a moment after the client has failed.
    await vi.waitFor(expectFilesMatchRows, { timeout: 5000 });
  });

  it('answers 413 over a real connection too, while the client is still sending (no Content-Length)', async () => {
    const job = await newJob();
    const address = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        `${address}${jobUrl(job.businessId, job.id)}/attachments?layer=brief&name=big.txt`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/octet-stream',
            authorization: `Bearer ${cast.people.owner.token}`,
          },
        },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      // One and a half times the limit, in chunks (Transfer-Encoding: chunked).
      req.write(Buffer.alloc(LIMIT / 2, 0x61));
      req.write(Buffer.alloc(LIMIT / 2, 0x61));
      req.end(Buffer.alloc(LIMIT / 2, 0x61));
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 413, errors: [{ path: 'body' }] });
    expect(await rowCount(job.id)).toBe(0);
    await expectFilesMatchRows();
  });

  it('accepts a file of exactly the limit', async () => {
    const job = await newJob();
    const res = await upload(cast.people.owner, job, Buffer.alloc(LIMIT, 0x61), {
      name: 'edge.txt',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().size).toBe(LIMIT);
  });

  it('names the file safely: no path, no control characters, an extension that fits the content', async () => {
    const job = await newJob();
    const cases: [Buffer, string, string][] = [
      [PNG, '../../etc/passwd.png', 'passwd.png'],
      [PNG, 'C:\\Users\\ana\\photo.PNG', 'photo.PNG'],
      [PNG, 'invoice.html', 'invoice.html.png'],
      [PDF, 'report', 'report.pdf'],
      [Buffer.from('plain words'), 'notes.exe', 'notes.exe.txt'],
      [PNG, '\u202egnp.exe', 'gnp.exe.png'],
      [PNG, '...', 'file.png'],
      [PDF, 'tab\there\nand "quotes".pdf', 'tab here and quotes.pdf'],
    ];
    for (const [body, name, stored] of cases) {
      const res = await upload(cast.people.owner, job, body, { name, layer: 'spec' });
      expect(res.statusCode, name).toBe(201);
      expect(res.json().name, name).toBe(stored);
      const removed = await call(ctx, cast.people.owner, {
        method: 'DELETE',
        url: `${jobUrl(job.businessId, job.id)}/attachments/${res.json().id}`,
      });
      expect(removed.statusCode).toBe(204);
    }
  });

  it(`holds at most ${MAX_ATTACHMENTS_PER_LAYER} attachments per layer: the next is a 409, the other layer still has room`, async () => {
    const job = await newJob();
    for (let i = 0; i < MAX_ATTACHMENTS_PER_LAYER; i++)
      await uploaded(job, PNG, { name: `${i}.png` });
    const refused = await upload(cast.people.owner, job, PNG, { name: 'one-more.png' });
    expect(refused.statusCode).toBe(409);
    expect((await upload(cast.people.owner, job, PNG, { layer: 'spec' })).statusCode).toBe(201);
    await expectFilesMatchRows();
  });

  it('gives the last free place to one of two racing uploads; the other gets 409 and leaves no file', async () => {
    const job = await newJob();
    for (let i = 1; i < MAX_ATTACHMENTS_PER_LAYER; i++) await uploaded(job, PNG);
    const [a, b] = await Promise.all([
      upload(cast.people.owner, job, PNG, { name: 'a.png' }),
      upload(cast.people.manager, job, PNG, { name: 'b.png' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect(await rowCount(job.id)).toBe(MAX_ATTACHMENTS_PER_LAYER);
    await expectFilesMatchRows();
  });

  it('refuses changes to an archived job with 409', async () => {
    const job = await newJob({ status: 'archived' });
    expect((await upload(cast.people.owner, job, PNG)).statusCode).toBe(409);
    await expectFilesMatchRows();
  });

  it('needs the raw file as an application/octet-stream body, and a layer and name', async () => {
    const job = await newJob();
    const json = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: `${jobUrl(job.businessId, job.id)}/attachments?layer=brief&name=a.png`,
      payload: { file: 'nope' },
    });
    expect(json.statusCode).toBe(400);
    expect(errorPaths(json)).toEqual(['body']);
    const multipart = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: `${jobUrl(job.businessId, job.id)}/attachments?layer=brief&name=a.png`,
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x--',
    });
    expect(multipart.statusCode).toBe(415);
    const noQuery = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: `${jobUrl(job.businessId, job.id)}/attachments?layer=cover`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: PNG,
    });
    expect(noQuery.statusCode).toBe(400);
    expect(errorPaths(noQuery).sort()).toEqual(['querystring.layer', 'querystring.name']);
  });

  it('takes a raw body on this route only: any other answers 415 and changes nothing', async () => {
    const job = await newJob({ status: 'draft' });
    for (const [method, rest] of [
      ['PATCH', ''],
      ['POST', '/publish'],
      ['POST', '/invitations'],
    ] as const) {
      const res = await call(ctx, cast.people.owner, {
        method,
        url: `${jobUrl(job.businessId, job.id)}${rest}`,
        headers: { 'content-type': 'application/octet-stream' },
        payload: Buffer.from('{"visibility":"invite-only"}'),
      });
      expect(res.statusCode, `${method} ${rest}`).toBe(415);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: 415 });
    }
    const read = await call(ctx, cast.people.owner, {
      method: 'GET',
      url: jobUrl(job.businessId, job.id),
    });
    expect(read.json()).toMatchObject({ status: 'draft', visibility: 'public' });
  });

  it('role matrix: owners and managers upload; a viewer 403; outsiders 404; anonymous 401', async () => {
    const job = await newJob();
    await expectRoleMatrix(ctx, cast, () => uploadRequest(job, PNG, { name: 'x.png' }), 201);
    await expectFilesMatchRows();
  });

  it('answers 404 for a job of another business given under this business', async () => {
    const other = await buildJob(ctx, {
      businessId: (await buildCast(ctx)).businessId,
    });
    const res = await upload(cast.people.owner, { businessId: cast.businessId, id: other.id }, PNG);
    expect(res.statusCode).toBe(404);
  });
});

describe('downloading an attachment', () => {
  const memberUrl = (jobId: string, attachmentId: string) =>
    `${jobUrl(cast.businessId, jobId)}/attachments/${attachmentId}`;
  const publicUrl = (jobId: string, attachmentId: string) =>
    `/api/v1/jobs/${jobId}/attachments/${attachmentId}`;

  it('streams the bytes with the detected type, length, a safe disposition and nosniff', async () => {
    const job = await newJob();
    const a = await uploaded(job, PDF, { name: 'Résumé “final” 100%.pdf' });
    for (const url of [memberUrl(job.id, a.id), publicUrl(job.id, a.id)]) {
      const res = await call(ctx, cast.people.owner, { method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(PDF)).toBe(true);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-length']).toBe(String(PDF.length));
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain('sandbox');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="R_sum_ _final_ 100_.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%E2%80%9Cfinal%E2%80%9D%20100%25.pdf`,
      );
    }
  });

  it('serves text as text/plain in UTF-8, whatever the uploader called it', async () => {
    const job = await newJob();
    const a = await uploaded(job, Buffer.from('a,b\n1,2\n'), { name: 'data.csv' });
    const res = await call(ctx, null, { method: 'GET', url: publicUrl(job.id, a.id) });
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).toBe('a,b\n1,2\n');
  });

  it('never serves a spec attachment on the public route, not even to the business’s owner', async () => {
    const job = await newJob();
    const spec = await uploaded(job, PDF, { layer: 'spec' });
    for (const who of [null, cast.people.owner, cast.people.professional]) {
      const res = await call(ctx, who, { method: 'GET', url: publicUrl(job.id, spec.id) });
      expect(res.statusCode).toBe(404);
    }
    const member = await call(ctx, cast.people.viewer, {
      method: 'GET',
      url: memberUrl(job.id, spec.id),
    });
    expect(member.statusCode).toBe(200);
  });

  it('answers 404 for an attachment asked for under another job', async () => {
    const job = await newJob();
    const other = await newJob();
    const a = await uploaded(job, PNG);
    expect(
      (await call(ctx, null, { method: 'GET', url: publicUrl(other.id, a.id) })).statusCode,
    ).toBe(404);
    const member = await call(ctx, cast.people.owner, {
      method: 'GET',
      url: memberUrl(other.id, a.id),
    });
    expect(member.statusCode).toBe(404);
  });

  it('role matrix, members’ route: every member reads both layers; outsiders 404; anonymous 401', async () => {
    const job = await newJob({ status: 'draft' });
    const a = await uploaded(job, PNG, { layer: 'spec' });
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: memberUrl(job.id, a.id) }), 200);
  });

  /** A job that is not public answers its public route like a members-only one, but 404 to all outsiders. */
  const MEMBERS_ONLY = {
    ok: 200,
    except: { anonymous: 404, otherBusiness: 404, professional: 404, admin: 404 },
    why: 'a job that is not public is 404 to anyone outside its business, anonymous included: its existence does not leak',
  };

  it('role matrix, public route, open public job: everyone', async () => {
    const job = await newJob();
    const a = await uploaded(job, PNG);
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: publicUrl(job.id, a.id) }), 200);
  });

  it('role matrix, public route, draft: members only', async () => {
    const job = await newJob({ status: 'draft' });
    const a = await uploaded(job, PNG);
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: publicUrl(job.id, a.id) }),
      MEMBERS_ONLY,
    );
  });

  it('role matrix, public route, invite-only job: members and an invited professional only', async () => {
    const job = await newJob({ visibility: 'invite-only' });
    const a = await uploaded(job, PNG);
    const spec = await uploaded(job, PNG, { layer: 'spec' });
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: publicUrl(job.id, a.id) }),
      MEMBERS_ONLY,
    );
    const invited = await buildUser(ctx, { professional: true });
    await inviteToJob(ctx, job.id, invited.id);
    expect(
      (await call(ctx, invited, { method: 'GET', url: publicUrl(job.id, a.id) })).statusCode,
    ).toBe(200);
    // Invited to the brief, not to the specification.
    expect(
      (await call(ctx, invited, { method: 'GET', url: publicUrl(job.id, spec.id) })).statusCode,
    ).toBe(404);
    expect(
      (await call(ctx, invited, { method: 'GET', url: memberUrl(job.id, spec.id) })).statusCode,
    ).toBe(404);
  });

  it('lists brief attachments on the public job, never spec ones', async () => {
    const job = await newJob();
    const brief = await uploaded(job, PNG, { name: 'moodboard.png' });
    await uploaded(job, PDF, { layer: 'spec', name: 'internal.pdf' });
    const res = await call(ctx, null, { method: 'GET', url: `/api/v1/jobs/${job.id}` });
    expect(res.json().attachments).toEqual([brief]);
    expect(res.body).not.toContain('internal.pdf');
  });
});

describe('the business’s job list', () => {
  it('counts each job’s attachments and invited professionals', async () => {
    // A business of its own, so that its list holds this job alone.
    const { business, owner } = await buildBusiness(ctx, { name: 'Counted Bakery' });
    const job = await buildJob(ctx, { businessId: business.id });
    const other = await buildJob(ctx, { businessId: business.id });
    const res = await upload(owner, job, PNG, { layer: 'spec', name: 'brand.png' });
    expect(res.statusCode, res.body).toBe(201);
    await inviteToJob(ctx, job.id, cast.people.professional.id);

    const list = await call(ctx, owner, {
      method: 'GET',
      url: `/api/v1/businesses/${business.id}/jobs`,
    });
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json<JobList>().items;
    expect(items.find((j) => j.id === job.id)).toMatchObject({
      attachmentCount: 1,
      invitedCount: 1,
    });
    expect(items.find((j) => j.id === other.id)).toMatchObject({
      attachmentCount: 0,
      invitedCount: 0,
    });
  });
});

describe('deleting a draft job', () => {
  it('removes the files of its attachments from DATA_DIR/files, not only their rows', async () => {
    const draft = await newJob({ status: 'draft' });
    const kept = await newJob({ status: 'draft' });
    await uploaded(draft, PNG, { layer: 'brief' });
    await uploaded(draft, PDF, { layer: 'spec' });
    await uploaded(kept, GIF);
    const keys = (
      await ctx.db
        .select({ key: jobAttachments.storageKey })
        .from(jobAttachments)
        .where(eq(jobAttachments.jobId, draft.id))
    ).map((r) => r.key);
    expect(keys).toHaveLength(2);

    const res = await call(ctx, cast.people.owner, {
      method: 'DELETE',
      url: jobUrl(cast.businessId, draft.id),
    });
    expect(res.statusCode, res.body).toBe(204);
    expect(await rowCount(draft.id)).toBe(0);
    const onDisk = await readdir(filesDir);
    for (const key of keys) expect(onDisk).not.toContain(key);
    expect(await rowCount(kept.id)).toBe(1);
    await expectFilesMatchRows();
  });
});

describe('DELETE …/attachments/:attachmentId', () => {
  const url = (jobId: string, attachmentId: string) =>
    `${jobUrl(cast.businessId, jobId)}/attachments/${attachmentId}`;

  it('removes the row and then the file; the download is gone', async () => {
    const job = await newJob();
    const a = await uploaded(job, PNG);
    const res = await call(ctx, cast.people.manager, { method: 'DELETE', url: url(job.id, a.id) });
    expect(res.statusCode).toBe(204);
    expect(await rowCount(job.id)).toBe(0);
    await expectFilesMatchRows();
    expect(
      (await call(ctx, cast.people.owner, { method: 'GET', url: url(job.id, a.id) })).statusCode,
    ).toBe(404);
    expect(
      (await call(ctx, cast.people.owner, { method: 'DELETE', url: url(job.id, a.id) })).statusCode,
    ).toBe(404);
  });

  it('role matrix: owners and managers remove; a viewer 403; outsiders 404; anonymous 401', async () => {
    const job = await newJob();
    await expectRoleMatrix(
      ctx,
      cast,
      async () => ({
        method: 'DELETE',
        url: url(job.id, (await uploaded(job, PNG, { layer: 'spec' })).id),
      }),
      204,
    );
    await expectFilesMatchRows();
  });
});
