/**
 * `npm run bench -- audit-import [--rows N]`: streams a generated time log of N rows (default
 * 100,000; one in ten malformed) into an audit over HTTP, as the web app's import does, and
 * records while it runs: bytes sent (what the page's progress bar shows) and the server's
 * resident memory. Then imports the same file again, which must add nothing.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { Readable } from 'node:stream';
import type { Scenario } from './scenario.ts';

const TASKS = [
  'Invoices',
  'Packing orders',
  'Customer e-mails',
  'Social posts',
  'Bookkeeping',
  'Supplier calls',
  'Stock count',
  'Website updates',
];
const PERIOD_START = '2026-01-01';
const PERIOD_DAYS = 90;

/** Deterministic CSV rows: the same N gives the same file, byte for byte. */
function* csvLines(rows: number): Generator<string> {
  yield 'date,task,minutes\n';
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(2026, 0, 1 + (i % PERIOD_DAYS))).toISOString().slice(0, 10);
    const task = TASKS[(i * 7) % TASKS.length];
    const minutes = 5 + ((i * 37) % 180);
    // One row in ten is malformed, in turn: no date, a bad duration, a date outside the period.
    if (i % 10 === 9) {
      const kind = ((i / 10) % 3) | 0;
      yield kind === 0
        ? `,${task},${minutes}\n`
        : kind === 1
          ? `${day},${task},lots\n`
          : `2025-12-31,${task},${minutes}\n`;
    } else yield `${day},${task},${minutes}\n`;
  }
}

function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : 0;
}

async function api<T>(
  baseUrl: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface Upload {
  status: number;
  result: { rows: number; imported: number; duplicates: number; failed: number };
  seconds: number;
  bytes: number;
  /** Share of the file sent at each tenth of the upload's duration: the progress bar's path. */
  progressByTenth: number[];
  rssMiB: { before: number; peak: number; after: number };
}

function upload(url: URL, token: string, rows: number, pid: number): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const samples: { t: number; sent: number; rss: number }[] = [];
    let sent = 0;
    const started = performance.now();
    const before = rssMiB(pid);
    const timer = setInterval(
      () => samples.push({ t: performance.now() - started, sent, rss: rssMiB(pid) }),
      100,
    );
    const body = Readable.from(csvLines(rows));
    body.on('data', (chunk: string) => (sent += Buffer.byteLength(chunk)));
    const req = http.request(
      url,
      { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          clearInterval(timer);
          const seconds = (performance.now() - started) / 1000;
          const total = sent;
          const progressByTenth = Array.from({ length: 10 }, (_, k) => {
            const at = ((k + 1) / 10) * seconds * 1000;
            const s = samples.filter((x) => x.t <= at).at(-1);
            return Math.round(((s?.sent ?? 0) / total) * 100);
          });
          resolve({
            status: res.statusCode ?? 0,
            // The report's per-row errors are left out of the results file; their count stays.
            result: (({ rows, imported, duplicates, failed }: Upload['result']) => ({
              rows,
              imported,
              duplicates,
              failed,
            }))(JSON.parse(text) as Upload['result']),
            seconds: Math.round(seconds * 100) / 100,
            bytes: total,
            progressByTenth,
            rssMiB: {
              before,
              peak: Math.max(before, ...samples.map((x) => x.rss)),
              after: rssMiB(pid),
            },
          });
        });
      },
    );
    req.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    body.pipe(req);
  });
}

export const auditImport: Scenario = {
  name: 'audit-import',
  description:
    'Stream a generated CSV time log into an audit; progress, memory, and a second import that adds nothing',
  // One streamed upload at a time, timed and sampled as it goes: no load generator involved.
  tool: 'node:http',
  async run({ baseUrl, token, serverPid }) {
    const rows = Number(process.env.BENCH_ROWS ?? 100_000);
    const business = await api<{ id: string }>(baseUrl, token, 'POST', '/api/v1/businesses', {
      name: `Import bench ${Date.now()}`,
      currency: 'EUR',
      timeZone: 'Europe/Lisbon',
    });
    const audit = await api<{ id: string }>(
      baseUrl,
      token,
      'POST',
      `/api/v1/businesses/${business.id}/audits`,
      {
        periodStart: PERIOD_START,
        periodDays: PERIOD_DAYS,
        hourlyValue: 6000,
      },
    );
    const url = new URL(
      `/api/v1/businesses/${business.id}/audits/${audit.id}/imports?preset=generic`,
      baseUrl,
    );
    const small = await upload(url, token, Math.max(1, Math.round(rows / 10)), serverPid);
    // A fresh audit for the full-size run, so its duplicates are only its own.
    await api(baseUrl, token, 'PATCH', `/api/v1/businesses/${business.id}/audits/${audit.id}`, {
      status: 'closed',
    });
    const audit2 = await api<{ id: string }>(
      baseUrl,
      token,
      'POST',
      `/api/v1/businesses/${business.id}/audits`,
      {
        periodStart: PERIOD_START,
        periodDays: PERIOD_DAYS,
        hourlyValue: 6000,
      },
    );
    const url2 = new URL(
      `/api/v1/businesses/${business.id}/audits/${audit2.id}/imports?preset=generic`,
      baseUrl,
    );
    const first = await upload(url2, token, rows, serverPid);
    const again = await upload(url2, token, rows, serverPid);
    const rate = (u: Upload) => Math.round(u.result.rows / u.seconds).toLocaleString('en-US');
    const mem = (u: Upload) => `RSS ${u.rssMiB.before} → peak ${u.rssMiB.peak} MiB`;
    return {
      results: { rows, tenthSize: small, first, again },
      summary: [
        `  ${small.result.rows.toLocaleString('en-US')} rows: ${small.seconds} s (${rate(small)} rows/s), ${mem(small)}`,
        `  ${first.result.rows.toLocaleString('en-US')} rows: ${first.seconds} s (${rate(first)} rows/s), imported ${first.result.imported}, failed ${first.result.failed}, ${mem(first)}`,
        `  progress by tenth of the time: ${first.progressByTenth.join(' ')} %`,
        `  same file again: ${again.seconds} s, imported ${again.result.imported}, duplicates ${again.result.duplicates}, ${mem(again)}`,
      ],
    };
  },
};
