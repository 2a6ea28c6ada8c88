import { and, eq } from 'drizzle-orm';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorPaths } from '../../../../test/audit-factories.ts';
import { buildBusiness } from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import {
  bidder,
  confidentialJob,
  ndaUrl,
  pdfText,
  sendNdaTo,
  signNdaAs,
  squash,
} from '../../../../test/nda-kit.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';
import type { JobNdaOverview, MyNda } from '../../../core/contracts/ndas.ts';
import { businesses, ndaSignatures, notifications } from '../../db/schema/index.ts';
import { sha256 } from '../../lib/ids.ts';
import { createNotifier } from '../notifications/notify.ts';
import { sendNda } from './send.ts';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'handoff-ndas-'));
  ctx = await createTestContext({ config: { dataDir } });
  cast = await buildCast(ctx);
  // 23:30 UTC is already the next day in Auckland: the NDA's date is the business's.
  await ctx.db
    .update(businesses)
    .set({ timeZone: 'Pacific/Auckland' })
    .where(eq(businesses.id, cast.businessId));
});

const owner = () => cast.people.owner;
const B = () => cast.businessId;

async function ndaRow(jobId: string, professionalId: string) {
  const [row] = await ctx.db
    .select()
    .from(ndaSignatures)
    .where(and(eq(ndaSignatures.jobId, jobId), eq(ndaSignatures.professionalId, professionalId)));
  return row;
}
async function notificationsOf(userId: string, type: string) {
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.type, type as never)));
  return rows;
}

describe('sending an NDA', () => {
  it('renders the template for the professional, keeps the exact text with its SHA-256 and tells them', async () => {
    ctx.clock.set('2026-12-04T23:30:00Z');
    const { job } = await confidentialJob(ctx, owner(), B(), 'MARK-SEND');
    const tpl = await call(ctx, owner(), {
      method: 'POST',
      url: `/api/v1/businesses/${B()}/nda-templates`,
      payload: {
        name: 'Ours',
        body: '# NDA\n\n**{{business}}** and **{{professional}}**, for “{{job}}”, on {{date}}.',
        isDefault: true,
      },
    });
    expect(tpl.statusCode, tpl.body).toBe(201);
    const { pro } = await bidder(ctx, job.id, 'Ana María Sousa');
    const state = await sendNdaTo(ctx, owner(), B(), job.id, pro.id);
    const row = await ndaRow(job.id, pro.id);
    const business = await ctx.db.select().from(businesses).where(eq(businesses.id, B()));
    expect(row?.renderedText).toBe(
      `# NDA\n\n**${business[0]?.name}** and **Ana María Sousa**, for “${job.brief.title}”, on 5 December 2026.`,
    );
    expect(row?.textSha256).toBe(sha256(row?.renderedText ?? ''));
    expect(state).toMatchObject({
      textSha256: row?.textSha256,
      signedAt: null,
      sentBy: { id: owner().id },
      sentAt: '2026-12-04T23:30:00.000Z',
    });
    expect(await notificationsOf(pro.id, 'nda.sent')).toHaveLength(1);
  });

  it('sendNda is idempotent per job and professional; the endpoint resends (reminds) without changing the text', async () => {
    const { job } = await confidentialJob(ctx, owner(), B(), 'MARK-IDEM');
    const { pro } = await bidder(ctx, job.id, 'Idem Potent');
    const notify = createNotifier({
      mailer: ctx.background.mailer,
      baseUrl: ctx.config.baseUrl,
      clock: ctx.clock,
    });
    const first = await ctx.db.transaction((tx) =>
      sendNda(
        tx,
        { clock: ctx.clock, notify },
        { jobId: job.id, professionalId: pro.id, sentBy: owner().id },
      ),
    );
    const second = await ctx.db.transaction((tx) =>
      sendNda(
        tx,
        { clock: ctx.clock, notify },
        { jobId: job.id, professionalId: pro.id, sentBy: null },
      ),
    );
    expect([first.created, second.created]).toEqual([true, false]);
    expect(second.nda.id).toBe(first.nda.id);
    expect(await notificationsOf(pro.id, 'nda.sent')).toHaveLength(1);
    const resent = await sendNdaTo(ctx, cast.people.manager, B(), job.id, pro.id);
    expect(resent.textSha256).toBe(first.nda.textSha256);
    expect(await notificationsOf(pro.id, 'nda.sent')).toHaveLength(2);
  });

  it('409 for a job that requires no NDA, a bid not shortlisted, or an NDA already signed; 404 without a bid', async () => {
    const { job: plain } = await confidentialJob(ctx, owner(), B(), 'MARK-PLAIN', false);
    const { pro: p1 } = await bidder(ctx, plain.id, 'Plain Bidder');
    const { job } = await confidentialJob(ctx, owner(), B(), 'MARK-409');
    const { pro: submitted } = await bidder(ctx, job.id, 'Not Yet', 'submitted');
    const { pro: signed } = await bidder(ctx, job.id, 'Signed Already');
    const { pro: nobody } = await bidder(ctx, plain.id, 'Elsewhere');
    await sendNdaTo(ctx, owner(), B(), job.id, signed.id);
    await signNdaAs(ctx, signed, job.id);
    const send = (jobId: string, proId: string) =>
      call(ctx, owner(), { method: 'POST', url: ndaUrl(B(), jobId, `/${proId}/send`) });
    const answers = await Promise.all([
      send(plain.id, p1.id),
      send(job.id, submitted.id),
      send(job.id, signed.id),
      send(job.id, nobody.id),
    ]);
    expect(answers.map((r) => r.statusCode)).toEqual([409, 409, 409, 404]);
    expect(answers[1]?.json().detail).toContain('shortlisted');
  });

  it('uses the template chosen for the job; a template of another business is a 404 naming templateId', async () => {
    const { job } = await confidentialJob(ctx, owner(), B(), 'MARK-CHOSEN');
    const chosen = await call(ctx, owner(), {
      method: 'POST',
      url: `/api/v1/businesses/${B()}/nda-templates`,
      payload: { name: 'For this job only', body: 'Special terms for {{professional}}.' },
    });
    const other = await buildBusiness(ctx, { name: 'Elsewhere Ltd' });
    const foreign = await call(ctx, other.owner, {
      method: 'POST',
      url: `/api/v1/businesses/${other.business.id}/nda-templates`,
      payload: { name: 'Theirs', body: 'Theirs' },
    });
    const put = (templateId: string | null) =>
      call(ctx, owner(), {
        method: 'PUT',
        url: `/api/v1/businesses/${B()}/jobs/${job.id}/nda-template`,
        payload: { templateId },
      });
    const refused = await put(foreign.json().id);
    expect(refused.statusCode).toBe(404);
    expect(errorPaths(refused)).toEqual(['body.templateId']);
    const set = await put(chosen.json().id);
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json<JobNdaOverview>().template).toEqual({
      id: chosen.json().id,
      name: 'For this job only',
      chosen: true,
    });
    const { pro } = await bidder(ctx, job.id, 'Chosen One');
    await sendNdaTo(ctx, owner(), B(), job.id, pro.id);
    expect((await ndaRow(job.id, pro.id))?.renderedText).toBe('Special terms for Chosen One.');
  });

  it('role matrix: owners and managers send; a viewer 403; outsiders 404', async () => {
    const { job } = await confidentialJob(ctx, owner(), B(), 'MARK-MATRIX-SEND');
    const { pro } = await bidder(ctx, job.id, 'Matrix Pro');
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'POST', url: ndaUrl(B(), job.id, `/${pro.id}/send`) }),
      200,
    );
  });
});

describe('signing', () => {
  it('a professional reads only their own NDA; the others’ are 404', async () => {
    const { job } = await confidentialJob(ctx, owner(), B(), 'MARK-OWN');
    const { pro: a } = await bidder(ctx, job.id, 'Alice Own');
    const { pro: b } = await bidder(ctx, job.id, 'Bob Other');
    await sendNdaTo(ctx, owner(), B(), job.id, a.id);
    const mine = await call(ctx, a, { method: 'GET', url: `/api/v1/jobs/${job.id}/nda` });
    expect(mine.statusCode).toBe(200);
    expect(mine.json<MyNda>().text).toContain('Alice Own');
    const theirs = await call(ctx, b, { method: 'GET', url: `/api/v1/jobs/${job.id}/nda` });
    expect(theirs.statusCode).toBe(404);
    const sign = await call(ctx, b, {
      method: 'POST',
      url: `/api/v1/jobs/${job.id}/nda/sign`,
      payload: { name: 'Bob Other', agree: true, textSha256: mine.json<MyNda>().textSha256 },
    });
    expect(sign.statusCode).toBe(404);
  });

  it('refuses a hash of another text (409), a name other than the account’s (400 on name) and no “I agree” (400)', async () => {
    const { job } = await confidentialJob(ctx, owner(), B(), 'MARK-REFUSE');
    const { pro } = await bidder(ctx, job.id, "Zoë O'Neil");
    const { textSha256 } = await sendNdaTo(ctx, owner(), B(), job.id, pro.id);
    const sign = (payload: object) =>
      call(ctx, pro, { method: 'POST', url: `/api/v1/jobs/${job.id}/nda/sign`, payload });
    const changed = await sign({ name: "Zoë O'Neil", agree: true, textSha256: 'a'.repeat(64) });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().detail).toContain('not the one you were shown');
    const wrongName = await sign({ name: 'Zoe', agree: true, textSha256 });
    expect(wrongName.statusCode).toBe(400);
    expect(errorPaths(wrongName)).toEqual(['body.name']);
    const noAgree = await sign({ name: "Zoë O'Neil", agree: false, textSha256 });
    expect(noAgree.statusCode).toBe(400);
    expect(errorPaths(noAgree)).toEqual(['body.agree']);
    expect((await ndaRow(job.id, pro.id))?.signedAt).toBeNull();
  });

  it('records name, time, IP, user agent; tells the owners and managers; a second signature is 409', async () => {
    ctx.clock.set('2026-12-05T09:15:00Z');
    const { job } = await confidentialJob(ctx, owner(), B(), 'MARK-SIGN');
    const { pro } = await bidder(ctx, job.id, "Zoë O'Neil");
    const { textSha256 } = await sendNdaTo(ctx, owner(), B(), job.id, pro.id);
    const before = (await notificationsOf(cast.people.manager.id, 'nda.signed')).length;
    const res = await call(ctx, pro, {
      method: 'POST',
      url: `/api/v1/jobs/${job.id}/nda/sign`,
      headers: { 'user-agent': 'TestBrowser/2.0' },
      remoteAddress: '203.0.113.7',
      payload: { name: 'zoe oneil', agree: true, textSha256 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      signedAt: '2026-12-05T09:15:00.000Z',
      signedName: 'zoe oneil',
    });
    expect(await ndaRow(job.id, pro.id)).toMatchObject({
      signedName: 'zoe oneil',
      signedAt: new Date('2026-12-05T09:15:00Z'),
      signerIp: '203.0.113.7',
      signerUserAgent: 'TestBrowser/2.0',
      textSha256,
    });
    expect(await notificationsOf(cast.people.manager.id, 'nda.signed')).toHaveLength(before + 1);
    expect(await notificationsOf(cast.people.viewer.id, 'nda.signed')).toHaveLength(0);
    const again = await call(ctx, pro, {
      method: 'POST',
      url: `/api/v1/jobs/${job.id}/nda/sign`,
      payload: { name: "Zoë O'Neil", agree: true, textSha256 },
    });
    expect(again.statusCode).toBe(409);
  });
});

describe('the signed NDA as PDF', () => {
  it('prints the exact text and a signature block whose SHA-256 is the stored text’s, for both sides', async () => {
    ctx.clock.set('2026-12-05T10:00:00Z');
    const { job } = await confidentialJob(ctx, owner(), B(), 'MARK-PDF');
    const { pro } = await bidder(ctx, job.id, 'Pedro Falcão');
    await sendNdaTo(ctx, owner(), B(), job.id, pro.id);
    await signNdaAs(ctx, pro, job.id);
    const row = await ndaRow(job.id, pro.id);
    const texts: string[] = [];
    for (const [who, url] of [
      [owner(), ndaUrl(B(), job.id, `/${pro.id}/pdf`)],
      [pro, `/api/v1/jobs/${job.id}/nda/pdf`],
    ] as const) {
      const res = await call(ctx, who, { method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      texts.push(await pdfText(res.rawPayload));
    }
    for (const text of texts) {
      expect(text).toContain(squash(row?.renderedText ?? 'missing'));
      const printed = /SHA-256 of the text above: ([0-9a-f]{64})/.exec(text)?.[1];
      expect(printed).toBe(sha256(row?.renderedText ?? ''));
      expect(text).toContain('Signed by: Pedro Falcão');
      expect(text).toContain('Signed at (UTC): 2026-12-05T10:00:00.000Z');
      expect(text).toContain('User agent: VitestBrowser/1.0');
      expect(text).toMatch(/IP address: \S+/);
    }
  });

  it('404 before it is signed; role matrix: members download, outsiders 404', async () => {
    const { job } = await confidentialJob(ctx, owner(), B(), 'MARK-PDF-MATRIX');
    const { pro } = await bidder(ctx, job.id, 'Matrix Signer');
    await sendNdaTo(ctx, owner(), B(), job.id, pro.id);
    const early = await call(ctx, owner(), {
      method: 'GET',
      url: ndaUrl(B(), job.id, `/${pro.id}/pdf`),
    });
    expect(early.statusCode).toBe(404);
    await signNdaAs(ctx, pro, job.id);
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: ndaUrl(B(), job.id, `/${pro.id}/pdf`) }),
      200,
    );
  });
});

describe('the business’s view of a job’s NDAs', () => {
  it('lists the shortlisted with their NDA state, and anyone else sent one', async () => {
    const { job } = await confidentialJob(ctx, owner(), B(), 'MARK-OVERVIEW');
    const { pro: signer } = await bidder(ctx, job.id, 'Sam Signer');
    const { pro: waiting } = await bidder(ctx, job.id, 'Wanda Waiting');
    await bidder(ctx, job.id, 'Sid Submitted', 'submitted');
    await sendNdaTo(ctx, owner(), B(), job.id, signer.id);
    await signNdaAs(ctx, signer, job.id);
    const res = await call(ctx, cast.people.viewer, { method: 'GET', url: ndaUrl(B(), job.id) });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json<JobNdaOverview>();
    expect(view.job).toMatchObject({ id: job.id, ndaRequired: true, specVersion: 1 });
    expect(
      view.people.map((p) => [p.professional.name, p.bidStatus, p.nda?.signedName ?? null]),
    ).toEqual([
      ['Sam Signer', 'shortlisted', 'Sam Signer'],
      ['Wanda Waiting', 'shortlisted', null],
    ]);
    expect(view.people[1]?.professional.id).toBe(waiting.id);
  });

  it('role matrix: every member reads; outsiders 404', async () => {
    const { job } = await confidentialJob(ctx, owner(), B(), 'MARK-OV-MATRIX');
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: ndaUrl(B(), job.id) }), 200);
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'PUT',
        url: `/api/v1/businesses/${B()}/jobs/${job.id}/nda-template`,
        payload: { templateId: null },
      }),
      200,
    );
  });
});

describe('a professional’s own NDA routes: role matrix', () => {
  it('only the professional it was sent to reads, signs and downloads it', async () => {
    const { job } = await confidentialJob(ctx, owner(), B(), 'MARK-PRO-MATRIX');
    const pro = cast.people.professional;
    await bidder(ctx, job.id, pro.name, 'shortlisted', pro);
    const { textSha256 } = await sendNdaTo(ctx, owner(), B(), job.id, pro.id);
    const others = { owner: 404, manager: 404, viewer: 404, otherBusiness: 404, admin: 404 };
    const why = 'an NDA is its professional’s own: anyone else’s does not exist for them';
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: `/api/v1/jobs/${job.id}/nda` }),
      { ok: 200, except: others, why },
    );
    await expectRoleMatrix(
      ctx,
      cast,
      (role) => ({
        method: 'POST',
        url: `/api/v1/jobs/${job.id}/nda/sign`,
        payload: { name: role === 'professional' ? pro.name : 'Someone', agree: true, textSha256 },
      }),
      { ok: 200, except: others, why },
    );
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: `/api/v1/jobs/${job.id}/nda/pdf` }),
      { ok: 200, except: others, why },
    );
  });
});
