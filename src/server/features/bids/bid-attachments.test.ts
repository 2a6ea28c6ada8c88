import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBid } from '../../../../test/bid-factories.ts';
import { buildUser } from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildJob } from '../../../../test/job-factories.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';
import type { BidAttachment } from '../../../core/contracts/bids.ts';
import { bids } from '../../db/schema/index.ts';

let ctx: TestContext;
let cast: Cast;
let filesDir: string;
beforeAll(async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'handoff-bid-files-'));
  filesDir = path.join(dataDir, 'files');
  ctx = await createTestContext({ config: { dataDir } });
  cast = await buildCast(ctx);
});

const upload = (bidId: string, name: string, body: Buffer | string) => ({
  method: 'POST' as const,
  url: `/api/v1/bids/${bidId}/attachments?name=${encodeURIComponent(name)}`,
  headers: { 'content-type': 'application/octet-stream' },
  payload: body,
});

describe('bid attachments', () => {
  it('the professional attaches a file; they and the job’s business download it; nobody else; frozen once shortlisted', async () => {
    const job = await buildJob(ctx, { businessId: cast.businessId });
    const ana = await buildUser(ctx, { professional: true });
    const bid = await buildBid(ctx, { jobId: job.id, professionalId: ana.id });
    const res = await call(ctx, ana, upload(bid.id, 'plan.txt', 'Week 1: design\nWeek 2: build\n'));
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json<BidAttachment>();
    expect(file).toMatchObject({ name: 'plan.txt', contentType: 'text/plain', size: 29 });

    const own = await call(ctx, ana, {
      method: 'GET',
      url: `/api/v1/bids/${bid.id}/attachments/${file.id}`,
    });
    expect(own.statusCode).toBe(200);
    expect(own.body).toBe('Week 1: design\nWeek 2: build\n');
    const read = await call(ctx, ana, { method: 'GET', url: `/api/v1/bids/${bid.id}` });
    expect(read.json().attachments).toEqual([file]);

    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'GET',
        url: `/api/v1/businesses/${cast.businessId}/jobs/${job.id}/bids/${bid.id}/attachments/${file.id}`,
      }),
      200,
    );
    // Another professional, through any address, finds nothing.
    const rival = await buildUser(ctx, { professional: true });
    for (const url of [
      `/api/v1/bids/${bid.id}/attachments/${file.id}`,
      `/api/v1/businesses/${cast.businessId}/jobs/${job.id}/bids/${bid.id}/attachments/${file.id}`,
    ]) {
      expect((await call(ctx, rival, { method: 'GET', url })).statusCode).toBe(404);
    }
    expect((await call(ctx, rival, upload(bid.id, 'x.txt', 'x'))).statusCode).toBe(404);
    // A bid of another job through this job's address is a 404 for its business too.
    const otherJob = await buildJob(ctx, { businessId: cast.businessId });
    const wrong = await call(ctx, cast.people.owner, {
      method: 'GET',
      url: `/api/v1/businesses/${cast.businessId}/jobs/${otherJob.id}/bids/${bid.id}/attachments/${file.id}`,
    });
    expect(wrong.statusCode).toBe(404);

    await ctx.db.update(bids).set({ status: 'shortlisted' }).where(eq(bids.id, bid.id));
    expect((await call(ctx, ana, upload(bid.id, 'more.txt', 'more'))).statusCode).toBe(409);
    const remove = await call(ctx, ana, {
      method: 'DELETE',
      url: `/api/v1/bids/${bid.id}/attachments/${file.id}`,
    });
    expect(remove.statusCode).toBe(409);
    await ctx.db.update(bids).set({ status: 'submitted' }).where(eq(bids.id, bid.id));
    const removed = await call(ctx, ana, {
      method: 'DELETE',
      url: `/api/v1/bids/${bid.id}/attachments/${file.id}`,
    });
    expect(removed.statusCode).toBe(204);
    expect(readdirSync(filesDir).filter((f) => !f.startsWith('.'))).toEqual([]);
  });

  it('refuses markup (415) and keeps no file of it', async () => {
    const job = await buildJob(ctx, { businessId: cast.businessId });
    const ana = await buildUser(ctx, { professional: true });
    const bid = await buildBid(ctx, { jobId: job.id, professionalId: ana.id });
    const res = await call(
      ctx,
      ana,
      upload(bid.id, 'x.html', '<html><script>alert(1)</script></html>'),
    );
    expect(res.statusCode).toBe(415);
    expect(readdirSync(filesDir).filter((f) => !f.startsWith('.'))).toEqual([]);
  });
});
