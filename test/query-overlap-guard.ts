/**
 * Fails the test during which a second query was sent to a pg client still running one — in
 * practice a `Promise.all` of queries on a transaction's `tx`. pg 8 queues such a query behind
 * the first (so it gains nothing) and warns; pg 9 will refuse it.
 *
 * Two detectors, because pg's own is narrow:
 * - pg warns ("already executing a query") through `util.deprecate` without a code — once per
 *   process — and only when a query is already waiting in its queue, i.e. from the third query
 *   at once; two at once (the first running, the second sent) pass silently. The listener below
 *   records that warning; Vitest runs each test file in a process of its own (`pool: 'forks'`,
 *   isolated), so each file can report it.
 * - So `Client.prototype.query` is wrapped too: it counts each client's queries sent and not yet
 *   answered, and records every query sent while another is out, with both statements' SQL —
 *   which names the code at fault better than a stack (Promise.all starts a drizzle query from a
 *   later tick, so the caller is not on it).
 */
import pg from 'pg';
import { afterAll, afterEach } from 'vitest';

const seen: string[] = [];

process.on('warning', (warning) => {
  if (warning.message.includes('already executing a query'))
    seen.push(warning.stack ?? warning.message);
});

type Send = (this: pg.Client, ...args: unknown[]) => unknown;
// Kept unbound on purpose: it is only ever called with `send.apply(client, …)`.
// eslint-disable-next-line @typescript-eslint/unbound-method
const send = pg.Client.prototype.query as unknown as Send;
const outstanding = new WeakMap<pg.Client, { sql: string }[]>();

function sqlOf(config: unknown): string {
  const text = typeof config === 'string' ? config : (config as { text?: unknown } | null)?.text;
  return typeof text === 'string' ? text.replace(/\s+/g, ' ').slice(0, 200) : '(no SQL text)';
}

const watched: Send = function (this, ...args) {
  const config = args[0];
  // A Submittable (cursor, stream) settles through its own events, and a pipelining client may
  // have several queries out by design: neither is counted.
  const submittable = typeof (config as { submit?: unknown } | null)?.submit === 'function';
  if (submittable || (this as { pipeline?: boolean }).pipeline) return send.apply(this, args);
  const out = outstanding.get(this) ?? [];
  outstanding.set(this, out);
  const entry = { sql: sqlOf(config) };
  if (out.length > 0) seen.push(`sent: ${entry.sql}\n  while this still ran: ${out[0]!.sql}`);
  out.push(entry);
  const done = () => {
    const at = out.indexOf(entry);
    if (at >= 0) out.splice(at, 1);
  };
  const last = args.length - 1;
  const callback = args[last];
  if (typeof callback === 'function') {
    args[last] = (...result: unknown[]) => {
      done();
      return (callback as (...r: unknown[]) => unknown)(...result);
    };
    return send.apply(this, args);
  }
  const result = send.apply(this, args);
  // Rejections stay the caller's to handle: this branch only watches for the answer.
  if (result instanceof Promise) void result.then(done, done);
  else done();
  return result;
};
pg.Client.prototype.query = watched as unknown as typeof pg.Client.prototype.query;

function failOnOverlap() {
  const found = seen.splice(0);
  if (found.length > 0)
    throw new Error(
      `Two queries at once on one database client: this test ran code that sends a query on a ` +
        `transaction while another runs (a Promise.all over tx queries?). Await them in turn.\n\n` +
        found.join('\n\n'),
    );
}

afterEach(failOnOverlap);
// Queries after the file's last test (cleanups, jobs a hook started) are caught here.
afterAll(failOnOverlap);
