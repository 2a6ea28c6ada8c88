/**
 * The process lifecycle of a real `handoff serve`: each scenario spawns the CLI on a free port
 * with its own fresh DATA_DIR (so its own embedded Postgres) and drives it over HTTP and signals.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const READY = /Handoff is running at /;
const SCENARIO_TIMEOUT_MS = 120_000;
const PASSWORD = 'correct-horse-battery-staple';

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface Handoff {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  /** Everything the process printed so far, stdout and stderr interleaved. */
  output(): string;
  /** Resolves once the output matches `pattern`; rejects if the process exits first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  exited: Promise<Exit>;
}

const spawned: ChildProcess[] = [];
const dataDirs: string[] = [];

function freshDataDir(name: string): string {
  const dir = path.join(ROOT, '.tmp', `lifecycle-${process.pid}-${name}`);
  rmSync(dir, { recursive: true, force: true });
  dataDirs.push(dir);
  return dir;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function startHandoff(
  dataDir: string,
  env: Record<string, string> = {},
  command: 'serve' | 'worker' = 'serve',
): Promise<Handoff> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['DATABASE_URL', 'EMBEDDED_PG_PORT', 'AUTH_SECRET', 'SMTP_URL']) {
    delete childEnv[key];
  }
  Object.assign(childEnv, {
    PORT: String(port),
    DATA_DIR: dataDir,
    BASE_URL: baseUrl,
    AUTH_RATE_LIMIT: 'false',
    LOG_LEVEL: 'warn',
    ...env,
  });
  const child = spawn(process.execPath, ['bin/handoff.js', command], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  spawned.push(child);
  let output = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let exit: Exit | null = null;
  void exited.then((e) => {
    exit = e;
    for (const listener of listeners) listener();
  });

  const waitFor = (pattern: RegExp, timeoutMs = 60_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`No ${pattern} within ${timeoutMs} ms. Output:\n${output}`));
      }, timeoutMs);
      function check() {
        if (pattern.test(output)) {
          clearTimeout(timer);
          listeners.delete(check);
          resolve();
        } else if (exit) {
          clearTimeout(timer);
          listeners.delete(check);
          reject(
            new Error(`Exited (${JSON.stringify(exit)}) before ${pattern}. Output:\n${output}`),
          );
        }
      }
      listeners.add(check);
      check();
    });

  return { child, port, baseUrl, output: () => output, waitFor, exited };
}

function postJson(
  handoff: Handoff,
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return fetch(`${handoff.baseUrl}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: handoff.baseUrl, ...headers },
    body: JSON.stringify(body),
  });
}

function cookieOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

function readPid(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').split('\n')[0] ?? '', 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Whether the process runs; a zombie (exited, not yet reaped by its parent) does not. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

function realpathOrNull(file: string): string | null {
  try {
    return realpathSync(file);
  } catch {
    return null;
  }
}

const postmasterPidFile = (dataDir: string) => path.join(dataDir, 'postgres', 'postmaster.pid');

/** The pid of a postmaster running on this DATA_DIR, or null. */
function runningPostmaster(dataDir: string): number | null {
  const pid = readPid(postmasterPidFile(dataDir));
  return pid && isAlive(pid) ? pid : null;
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

afterAll(async () => {
  for (const child of spawned) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  for (const dir of dataDirs) {
    // A postmaster we orphaned (or a test left behind). As root it runs as `postgres`, but root
    // may signal it; SIGQUIT is Postgres's immediate shutdown, and it removes postmaster.pid.
    const pid = runningPostmaster(dir);
    if (pid) {
      process.kill(pid, 'SIGQUIT');
      await until(() => !existsSync(postmasterPidFile(dir)) || !isAlive(pid), 10_000);
    }
    // As root in a folder the postgres user cannot enter, the cluster lives outside DATA_DIR.
    const cluster = realpathOrNull(path.join(dir, 'postgres'));
    if (cluster && !cluster.startsWith(dir)) {
      rmSync(path.dirname(cluster), { recursive: true, force: true });
    }
    rmSync(dir, { recursive: true, force: true });
  }
}, 30_000);

describe('handoff serve lifecycle', () => {
  it(
    'recovers from SIGKILL: the orphaned Postgres is stopped and restarted, acknowledged writes survive',
    async () => {
      const dataDir = freshDataDir('sigkill');
      const first = await startHandoff(dataDir);
      await first.waitFor(READY);
      const email = 'survivor@lifecycle.example';
      const signUp = await postJson(first, '/api/auth/sign-up/email', {
        name: 'Survivor',
        email,
        password: PASSWORD,
      });
      expect(signUp.status).toBe(200);

      first.child.kill('SIGKILL');
      expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
      const orphan = runningPostmaster(dataDir);
      expect(orphan, 'the postmaster outlives its killed Handoff').not.toBeNull();

      const second = await startHandoff(dataDir);
      await second.waitFor(READY);
      expect(second.output()).toContain(`Stopping a PostgreSQL (pid ${orphan})`);
      expect(isAlive(orphan!)).toBe(false);

      const signIn = await postJson(second, '/api/auth/sign-in/email', {
        email,
        password: PASSWORD,
      });
      expect(signIn.status).toBe(200);
      const me = await fetch(`${second.baseUrl}/api/v1/me`, {
        headers: { cookie: cookieOf(signIn) },
      });
      expect(me.status).toBe(200);
      expect((await me.json()).user.email).toBe(email);

      second.child.kill('SIGTERM');
      expect((await second.exited).code).toBe(0);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'refuses a second Handoff on the same DATA_DIR, and the first keeps serving',
    async () => {
      const dataDir = freshDataDir('second');
      const first = await startHandoff(dataDir);
      await first.waitFor(READY);

      const second = await startHandoff(dataDir);
      const exit = await second.exited;
      expect(exit.code).not.toBe(0);
      expect(exit.code).not.toBeNull();
      expect(second.output()).toContain(
        `Another Handoff (pid ${first.child.pid}) is already using the data directory`,
      );
      expect(second.output()).not.toMatch(READY);

      // Its own process and its database are untouched: the second did not "recover" them.
      expect(readPid(path.join(dataDir, 'handoff.pid'))).toBe(first.child.pid);
      expect((await fetch(`${first.baseUrl}/healthz`)).status).toBe(200);
      expect((await fetch(`${first.baseUrl}/readyz`)).status).toBe(200);

      first.child.kill('SIGTERM');
      expect((await first.exited).code).toBe(0);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'on SIGTERM finishes the request in flight, stops Postgres and exits 0 within 10 s',
    async () => {
      const dataDir = freshDataDir('sigterm');
      // At debug level Handoff logs "incoming request" as soon as the headers are parsed, which
      // tells us the request is in flight before we send the signal.
      const handoff = await startHandoff(dataDir, { LOG_LEVEL: 'debug' });
      await handoff.waitFor(READY);
      const postmaster = runningPostmaster(dataDir);
      expect(postmaster).not.toBeNull();

      // A browser-like client: keeps its connection alive, and sends the body slowly.
      const agent = new http.Agent({ keepAlive: true });
      const body = JSON.stringify({
        name: 'Late',
        email: 'late@lifecycle.example',
        password: PASSWORD,
      });
      const request = http.request({
        host: '127.0.0.1',
        port: handoff.port,
        path: '/api/auth/sign-up/email',
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          origin: handoff.baseUrl,
        },
      });
      const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
        request.once('error', reject);
        request.once('response', (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.once('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        });
      });
      // Awaited below; handled here too so that a failure before then is not an unhandled rejection.
      response.catch(() => undefined);
      request.write(body.slice(0, 10));
      await handoff.waitFor(/"url":"\/api\/auth\/sign-up\/email".*"msg":"incoming request"/);

      const signalledAt = Date.now();
      handoff.child.kill('SIGTERM');
      await handoff.waitFor(/SIGTERM received/);
      request.end(body.slice(10));

      const answer = await response;
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body).user.email).toBe('late@lifecycle.example');

      const exit = await handoff.exited;
      const elapsed = Date.now() - signalledAt;
      agent.destroy();
      expect(exit).toEqual({ code: 0, signal: null });
      expect(elapsed).toBeLessThan(10_000);
      expect(handoff.output()).toContain('Handoff stopped.');
      expect(existsSync(postmasterPidFile(dataDir))).toBe(false);
      expect(isAlive(postmaster!)).toBe(false);
      expect(existsSync(path.join(dataDir, 'handoff.pid'))).toBe(false);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'a request still running past the grace period is dropped, and Postgres is still stopped',
    async () => {
      const dataDir = freshDataDir('grace');
      const handoff = await startHandoff(dataDir, {
        LOG_LEVEL: 'debug',
        SHUTDOWN_GRACE_SECONDS: '1',
      });
      await handoff.waitFor(READY);
      const postmaster = runningPostmaster(dataDir);
      expect(postmaster).not.toBeNull();

      // A client that starts a request and never finishes its body.
      const request = http.request({
        host: '127.0.0.1',
        port: handoff.port,
        path: '/api/auth/sign-up/email',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': 1000 },
      });
      request.on('error', () => undefined);
      request.write('{"name":');
      await handoff.waitFor(/"url":"\/api\/auth\/sign-up\/email".*"msg":"incoming request"/);

      handoff.child.kill('SIGTERM');
      const exit = await handoff.exited;
      request.destroy();
      expect(handoff.output()).toContain('Shutdown took too long');
      expect(handoff.output()).not.toContain('Called end on pool more than once');
      expect(exit).toEqual({ code: 1, signal: null });
      expect(handoff.output()).toContain('Handoff stopped.');
      expect(existsSync(postmasterPidFile(dataDir))).toBe(false);
      expect(isAlive(postmaster!)).toBe(false);
    },
    SCENARIO_TIMEOUT_MS,
  );
});

/** An SMTP server on loopback; `first` resolves with the envelope of the first message. */
async function startSmtp() {
  const received: string[][] = [];
  let onFirst: (to: string[]) => void = () => {};
  const first = new Promise<string[]>((resolve) => (onFirst = resolve));
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        received.push(to);
        onFirst(to);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, received, first, close: () => new Promise<void>((r) => server.close(r)) };
}

describe('handoff worker', () => {
  it(
    'delivers the mail a server with HANDOFF_WORKERS=false left queued, and stops on SIGTERM',
    async () => {
      const smtp = await startSmtp();
      try {
        const dataDir = freshDataDir('worker');
        const env = { HANDOFF_WORKERS: 'false', SMTP_URL: `smtp://127.0.0.1:${smtp.port}` };
        const server = await startHandoff(dataDir, env);
        await server.waitFor(READY);
        const email = 'queued@lifecycle.example';
        const signUp = await postJson(server, '/api/auth/sign-up/email', {
          email,
          name: 'Quinn Queued',
          password: PASSWORD,
        });
        expect(signUp.status).toBe(200);
        server.child.kill('SIGTERM');
        expect(await server.exited).toEqual({ code: 0, signal: null });
        // The server ran no worker: the verification e-mail waited in the outbox.
        expect(smtp.received).toEqual([]);

        const worker = await startHandoff(dataDir, env, 'worker');
        await worker.waitFor(/Handoff worker is running/);
        expect(await smtp.first).toEqual([email]);
        worker.child.kill('SIGTERM');
        expect(await worker.exited).toEqual({ code: 0, signal: null });
        expect(worker.output()).toContain('Handoff worker stopped.');
        expect(smtp.received).toHaveLength(1);
        expect(runningPostmaster(dataDir)).toBeNull();
      } finally {
        await smtp.close();
      }
    },
    SCENARIO_TIMEOUT_MS,
  );
});
