import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, AuditTask } from '../../../core/contracts/audit.ts';
import {
  auditUrl,
  buildAudit,
  buildEntry,
  countEntries,
  errorPaths,
  replaceAudit,
  type BuiltAudit,
} from '../../../../test/audit-factories.ts';
import { jobsUrl } from '../../../../test/business-jobs.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildJob } from '../../../../test/job-factories.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

/** The audits here run 30 days from 6 July 2026: 2026-07-06 to 2026-08-04. */
const julyAudit = () => buildAudit(ctx, { periodStart: '2026-07-06', periodDays: 30 });

function importCsv(b: BuiltAudit, query: string, csv: string, contentType = 'text/csv') {
  return ctx.app.inject({
    method: 'POST',
    url: auditUrl(b.businessId, b.audit.id, `/imports?${query}`),
    headers: { 'content-type': contentType, authorization: `Bearer ${b.owner.token}` },
    payload: csv,
  });
}

async function entriesOf(b: BuiltAudit): Promise<AuditEntry[]> {
  const res = await call(ctx, b.owner, {
    method: 'GET',
    url: auditUrl(b.businessId, b.audit.id, '/entries?limit=200'),
  });
  return res.json().items;
}

async function tasksOf(b: BuiltAudit): Promise<AuditTask[]> {
  const res = await call(ctx, b.owner, {
    method: 'GET',
    url: auditUrl(b.businessId, b.audit.id, '/tasks'),
  });
  return res.json().items;
}

const simple = (e: AuditEntry) => [e.date, e.taskName, e.minutes, e.source];

describe('POST …/audits/:auditId/imports', () => {
  it('reads a Toggl export with ?preset=toggl (BOM, h:mm:ss durations, project when no description)', async () => {
    const b = await julyAudit();
    const csv =
      '\uFEFFUser,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags\n' +
      'Ana,ana@example.com,,Admin,,Invoices,No,2026-07-07,09:00:00,2026-07-07,10:30:00,01:30:00,\n' +
      'Ana,ana@example.com,,Admin,,Emails,No,2026-07-08,11:00:00,2026-07-08,11:20:00,00:20:00,\n' +
      'Ana,ana@example.com,,Website,,,No,2026-07-08,14:00:00,2026-07-08,14:45:00,00:45:00,\n';
    const res = await importCsv(b, 'preset=toggl', csv);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      rows: 3,
      imported: 3,
      duplicates: 0,
      failed: 0,
      errors: [],
      errorsTruncated: false,
    });
    expect((await entriesOf(b)).map(simple).sort()).toEqual([
      ['2026-07-07', 'Invoices', 90, 'import'],
      ['2026-07-08', 'Emails', 20, 'import'],
      ['2026-07-08', 'Website', 45, 'import'],
    ]);
  });

  it('reads columns named in the query: decimal hours, day/month/year dates', async () => {
    const b = await julyAudit();
    const csv =
      'Work date,What,Hours\n' +
      '16/07/2026,Payroll,1.5\n' +
      '17/07/2026,payroll,"0,25"\n' +
      '03/08/2026,Stock count,2\n';
    const res = await importCsv(
      b,
      'date=Work%20date&task=What&duration=Hours&durationUnit=hours&dateOrder=dmy',
      csv,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rows: 3, imported: 3, failed: 0 });
    expect((await entriesOf(b)).map(simple)).toEqual([
      ['2026-08-03', 'Stock count', 120, 'import'],
      ['2026-07-17', 'Payroll', 15, 'import'],
      ['2026-07-16', 'Payroll', 90, 'import'],
    ]);
  });

  it('reads a semicolon-separated export with decimal commas when told delimiter=semicolon', async () => {
    const b = await julyAudit();
    const csv = 'Datum;Aufgabe;Stunden\n16.07.2026;Buchhaltung;1,5\n17.07.2026;Buchhaltung;0,25\n';
    const res = await importCsv(
      b,
      'date=Datum&task=Aufgabe&duration=Stunden&durationUnit=hours&dateOrder=dmy&delimiter=semicolon',
      csv,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rows: 2, imported: 2, failed: 0 });
    expect((await entriesOf(b)).map(simple).sort()).toEqual([
      ['2026-07-16', 'Buchhaltung', 90, 'import'],
      ['2026-07-17', 'Buchhaltung', 15, 'import'],
    ]);
  });

  it('reads start and end columns instead of a duration', async () => {
    const b = await julyAudit();
    const csv =
      'date,task,from,to\n2026-07-09,Deliveries,09:15,10:05\n2026-07-09,Night bake,23:30,01:00\n';
    const res = await importCsv(b, 'date=date&task=task&start=from&end=to', csv);
    expect(res.json()).toMatchObject({ imported: 2, failed: 0 });
    expect((await tasksOf(b)).map((t) => [t.name, t.totalMinutes])).toEqual([
      ['Deliveries', 50],
      ['Night bake', 90],
    ]);
  });

  it('adds to the tasks already logged, whatever the case of their names', async () => {
    const b = await julyAudit();
    const logged = await buildEntry(ctx, b, { taskName: 'Invoices', minutes: 30 });
    await importCsv(b, 'preset=generic', 'date,task,minutes\n2026-07-10,  INVOICES ,45\n');
    expect(await tasksOf(b)).toEqual([
      expect.objectContaining({ id: logged.taskId, totalMinutes: 75, entryCount: 2 }),
    ]);
  });

  describe('a 500-row file of which one row in three is malformed', () => {
    /** A small seeded generator (mulberry32), so that the file is the same on every run. */
    function seeded(seed: number) {
      let s = seed;
      return () => {
        s = (s + 0x6d2b79f5) | 0;
        let t = Math.imul(s ^ (s >>> 15), 1 | s);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    }

    // Each kind of malformed row, and a fragment of the reason it must be reported with.
    const BAD = [
      { date: '2026-02-30', task: 'Invoices', minutes: '30', reason: 'is not a date' },
      { date: '', task: 'Invoices', minutes: '30', reason: 'no date' },
      { date: '2026-06-30', task: 'Invoices', minutes: '30', reason: 'outside the audit period' },
      { date: '2026-07-10', task: '', minutes: '30', reason: 'no task name' },
      { date: '2026-07-10', task: 'Emails', minutes: 'soon', reason: 'is not a duration' },
      { date: '2026-07-10', task: 'Emails', minutes: '0', reason: 'under one minute' },
      { date: '2026-07-10', task: 'Emails', minutes: '1500', reason: 'over a day' },
    ];
    const NAMES = ['Invoices', 'invoices', 'Emails', 'Ordering stock', 'Social posts', 'Payroll'];

    function generate() {
      const random = seeded(20260706);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
      const lines = ['date,task,minutes'];
      const bad: { row: number; reason: string }[] = [];
      let goodMinutes = 0;
      for (let row = 1; row <= 500; row++) {
        if (row % 3 === 0) {
          const kind = pick(BAD);
          lines.push(`${kind.date},${kind.task},${kind.minutes}`);
          bad.push({ row, reason: kind.reason });
        } else {
          // A narrow range of values, so that some good rows repeat exactly.
          const day = 6 + Math.floor(random() * 7);
          const minutes = 15 * (1 + Math.floor(random() * 4));
          lines.push(`2026-07-${String(day).padStart(2, '0')},${pick(NAMES)},${minutes}`);
          goodMinutes += minutes;
        }
      }
      return { csv: `${lines.join('\n')}\n`, bad, goodMinutes };
    }

    it('keeps the good rows and reports every bad one with its row number and reason', async () => {
      const b = await julyAudit();
      const { csv, bad, goodMinutes } = generate();
      const res = await importCsv(b, 'preset=generic', csv);
      expect(res.statusCode).toBe(200);
      const result = res.json();
      expect(result).toMatchObject({
        rows: 500,
        imported: 334,
        duplicates: 0,
        failed: 166,
        errorsTruncated: false,
      });
      expect(result.errors).toEqual(
        bad.map(({ row, reason }) => ({ row, reason: expect.stringContaining(reason) })),
      );
      expect(await countEntries(ctx, b.audit.id)).toBe(334);
      const tasks = await tasksOf(b);
      expect(tasks.reduce((sum, t) => sum + t.totalMinutes, 0)).toBe(goodMinutes);
      // "Invoices" and "invoices" are one task.
      expect(tasks.map((t) => t.name)).toEqual([
        'Emails',
        'Invoices',
        'Ordering stock',
        'Payroll',
        'Social posts',
      ]);
    });

    it('imports nothing the second time: every good row is a duplicate', async () => {
      const b = await julyAudit();
      const { csv } = generate();
      await importCsv(b, 'preset=generic', csv);
      const again = await importCsv(b, 'preset=generic', csv);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({
        rows: 500,
        imported: 0,
        duplicates: 334,
        failed: 166,
      });
      expect(await countEntries(ctx, b.audit.id)).toBe(334);
    });
  });

  it('imports two genuinely identical rows of one file as two entries, and neither again', async () => {
    const b = await julyAudit();
    const csv = 'date,task,minutes\n2026-07-07,Coffee run,10\n2026-07-07,Coffee run,10\n';
    expect((await importCsv(b, 'preset=generic', csv)).json()).toMatchObject({
      imported: 2,
      duplicates: 0,
    });
    expect((await importCsv(b, 'preset=generic', csv)).json()).toMatchObject({
      imported: 0,
      duplicates: 2,
    });
    expect(await countEntries(ctx, b.audit.id)).toBe(2);
  });

  it('answers 400 naming a mapped column the file lacks, and imports nothing', async () => {
    const b = await julyAudit();
    const csv = 'date,task,mins\n2026-07-07,Invoices,30\n2026-07-08,Emails,20\n';
    const res = await importCsv(b, 'preset=generic', csv);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toContain('“minutes”');
    expect(res.json().errors).toEqual([
      { path: 'querystring', message: 'Missing column(s): minutes' },
    ]);
    expect(await countEntries(ctx, b.audit.id)).toBe(0);
  });

  it('answers 400 for a header-only file that lacks a mapped column', async () => {
    const b = await julyAudit();
    const res = await importCsv(b, 'preset=generic', 'date,task\n');
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('“minutes”');
  });

  it('answers an empty file with nothing imported', async () => {
    const b = await julyAudit();
    const res = await importCsv(b, 'preset=generic', '');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rows: 0, imported: 0, failed: 0 });
  });

  it('answers 400 naming each query field an incomplete mapping lacks', async () => {
    const b = await julyAudit();
    const res = await importCsv(b, 'date=When', 'When,What\n2026-07-07,Invoices\n');
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(['querystring.task', 'querystring.duration']);
    expect(await countEntries(ctx, b.audit.id)).toBe(0);
  });

  it('answers 400 naming a preset or option it does not know', async () => {
    const b = await julyAudit();
    const res = await importCsv(b, 'preset=excel&durationUnit=days', 'a\n1\n');
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(
      expect.arrayContaining(['querystring.preset', 'querystring.durationUnit']),
    );
  });

  it('imports the good rows around an unclosed quote and names the bad row and its line', async () => {
    const b = await julyAudit();
    const csv =
      'date,task,minutes\n2026-07-07,Invoices,30\n2026-07-08,"Emails,20\n2026-07-09,Calls,15\n';
    const res = await importCsv(b, 'preset=generic', csv);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      rows: 3,
      imported: 2,
      duplicates: 0,
      failed: 1,
      errors: [{ row: 2, reason: 'line 3: a quote (") opened on this row is never closed' }],
      errorsTruncated: false,
    });
    expect((await entriesOf(b)).map(simple)).toEqual([
      ['2026-07-09', 'Calls', 15, 'import'],
      ['2026-07-07', 'Invoices', 30, 'import'],
    ]);
  });

  it('keeps every good row of a long file with a stray quote in the middle', async () => {
    const b = await julyAudit();
    const good = Array.from({ length: 2500 }, (_, i) => `2026-07-${10 + (i % 9)},Task ${i},5`);
    const csv = `date,task,minutes\n${good.slice(0, 1200).join('\n')}\n2026-07-08,"Emails,20\n${good.slice(1200).join('\n')}\n`;
    const res = await importCsv(b, 'preset=generic', csv);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rows: 2501, imported: 2500, failed: 1 });
    expect(res.json().errors).toEqual([
      { row: 1201, reason: 'line 1202: a quote (") opened on this row is never closed' },
    ]);
    expect(await countEntries(ctx, b.audit.id)).toBe(2500);
  });

  it('refuses a file that is not text (a PNG) with 415 before reading any row', async () => {
    const b = await julyAudit();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const res = await ctx.app.inject({
      method: 'POST',
      url: auditUrl(b.businessId, b.audit.id, '/imports?preset=generic'),
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${b.owner.token}` },
      payload: png,
    });
    expect(res.statusCode).toBe(415);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toMatch(/^This file is a PNG image, not a CSV text file/);
    expect(await countEntries(ctx, b.audit.id)).toBe(0);
  });

  it('answers a JSON body with a problem+json 4xx, never 500', async () => {
    const b = await julyAudit();
    const res = await importCsv(
      b,
      'preset=generic',
      JSON.stringify({ csv: 'date,task,minutes\n2026-07-07,Invoices,30\n' }),
      'application/json',
    );
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(await countEntries(ctx, b.audit.id)).toBe(0);
  });

  it('accepts the Excel content type Windows browsers give .csv files', async () => {
    const b = await julyAudit();
    const res = await importCsv(
      b,
      'preset=generic',
      'date,task,minutes\n2026-07-07,Invoices,30\n',
      'application/vnd.ms-excel',
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().imported).toBe(1);
  });

  it('role matrix: owners and managers import; viewers 403; outsiders 404', async () => {
    const audit = await replaceAudit(ctx, cast.businessId, cast.people.owner);
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'POST',
        url: auditUrl(cast.businessId, audit.id, '/imports?preset=generic'),
        headers: { 'content-type': 'text/csv' },
        payload: `date,task,minutes\n${audit.periodStart},Invoices,30\n`,
      }),
      200,
    );
  });
});

describe('the CSV body parser', () => {
  it('takes a CSV body on the import route only: any other answers 415 and changes nothing', async () => {
    const job = await buildJob(ctx, { businessId: cast.businessId });
    const url = jobsUrl(cast.businessId, job.id);
    for (const contentType of ['text/csv', 'application/vnd.ms-excel']) {
      for (const [method, rest] of [
        ['POST', '/archive'],
        ['PATCH', ''],
      ] as const) {
        const res = await call(ctx, cast.people.owner, {
          method,
          url: `${url}${rest}`,
          headers: { 'content-type': contentType },
          payload: 'visibility\ninvite-only\n',
        });
        expect(res.statusCode, `${method} ${rest} ${contentType}`).toBe(415);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json()).toMatchObject({ status: 415 });
      }
    }
    const read = await call(ctx, cast.people.owner, { method: 'GET', url });
    expect(read.json()).toMatchObject({ status: 'open', visibility: 'public' });
  });
});
