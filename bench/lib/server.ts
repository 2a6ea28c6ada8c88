import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { BENCH_DIR } from './seed-data.ts';

const ROOT = path.resolve(BENCH_DIR, '..');
const READY = /Handoff is running at /;

export interface RunningServer {
  baseUrl: string;
  pid: number;
  /** The environment Handoff was started with, beyond the inherited one (for the results). */
  settings: Record<string, string>;
  /** SIGTERM, then the exit code once it has exited. */
  stop(): Promise<number | null>;
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

/**
 * Starts `node bin/handoff.js serve` as production does, on a free port, and resolves once it
 * says it is running. Logging is at `warn`: at `info` pino writes two lines per request, and
 * the bench would measure the pipe to this process.
 */
export async function startServer(
  env: NodeJS.ProcessEnv,
  { timeoutMs = 120_000 }: { timeoutMs?: number } = {},
): Promise<RunningServer> {
  const port = await freePort();
  const settings = {
    PORT: String(port),
    BASE_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'warn',
    // The bench is one account making thousands of requests a minute, on purpose: limits are off
    // unless BENCH_API_RATE_LIMIT sets one (set it past the load to measure the counting alone).
    API_RATE_LIMIT: env.BENCH_API_RATE_LIMIT ?? '0',
  };
  const child = spawn(process.execPath, ['bin/handoff.js', 'serve'], {
    cwd: ROOT,
    env: { ...env, ...settings },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  let ready = false;
  const onData = (chunk: Buffer) => (output += chunk.toString());
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(`did not start within ${timeoutMs} ms`), timeoutMs);
    function fail(why: string) {
      clearTimeout(timer);
      child.kill('SIGTERM');
      reject(new Error(`Handoff ${why}. Its output:\n${output}`));
    }
    child.stdout.on('data', function check() {
      if (!READY.test(output)) return;
      ready = true;
      clearTimeout(timer);
      child.stdout.off('data', check);
      resolve();
    });
    void exited.then((code) => {
      if (!ready) fail(`exited (code ${code})`);
    });
  });
  // From here on, pass its warnings through and drain the rest so it never blocks on a pipe.
  child.stdout.off('data', onData);
  child.stderr.off('data', onData);
  child.stdout.resume();
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  return {
    baseUrl: settings.BASE_URL,
    pid: child.pid!,
    settings: {
      LOG_LEVEL: settings.LOG_LEVEL,
      API_RATE_LIMIT: settings.API_RATE_LIMIT,
      ...(env.DIRECTORY_CACHE ? { DIRECTORY_CACHE: env.DIRECTORY_CACHE } : {}),
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
