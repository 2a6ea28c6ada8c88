/**
 * Fails the test during which a second query was sent to a pg client still running one — in
 * practice a `Promise.all` of queries on a transaction's `tx`. pg 8 queues such a query behind
 * the first (so it gains nothing) and warns; pg 9 will refuse it.
 *
 * pg emits that warning through `util.deprecate` without a code: once per process, on the first
 * offence only. Vitest runs each test file in a process of its own (`pool: 'forks'`, isolated),
 * so this listener, registered in every file's process, sees the first offence of each file; fix
 * it and the next run shows the next one.
 */
import { afterAll, afterEach } from 'vitest';

const OVERLAP = 'already executing a query';

const seen: string[] = [];
process.on('warning', (warning) => {
  if (warning.message.includes(OVERLAP)) seen.push(warning.stack ?? warning.message);
});

function failOnOverlap() {
  const found = seen.splice(0);
  if (found.length > 0)
    throw new Error(
      `Two queries at once on one database client: this test ran code that sends a query on a ` +
        `transaction while another runs (a Promise.all over tx queries?). Await them in turn. ` +
        // Promise.all calls a drizzle query's then() a tick later, so the caller is not in it.
        `pg's warning, whose stack ends in drizzle:\n${found.join('\n\n')}`,
    );
}

afterEach(failOnOverlap);
// Queries after the file's last test (cleanups, jobs a hook started) are caught here.
afterAll(failOnOverlap);
