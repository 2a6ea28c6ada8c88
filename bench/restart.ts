/**
 * `npm run bench:restart [-- --runs N] [--command start|serve]`
 *
 * How long a restart on existing data takes to be ready: starts Handoff once on
 * .tmp/bench-restart (creating its cluster and building the web app if needed, not measured),
 * then N times spawns `npm start` (or `node bin/handoff.js serve`), times it from spawn to
 * "Handoff is running at", sends SIGTERM to the spawned process and times the stop. Writes
 * bench/results/restart/<date>-<command>.json with the command, the machine's load and each run,
 * with when each start-up phase ended (HANDOFF_STARTUP_TIMING, timed from the Handoff process's
 * own start, so npm's time is not in them).
 * A benchmark, not a test: the numbers depend on the machine and what else runs on it.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { positiveInt } from './lib/args.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATA_DIR = '.tmp/bench-restart';
const READY = /Handoff is running at /;
const PHASE = /^start-up: (.+) at (\d+) ms$/gm;

const { values } = parseArgs({
  options: {
    runs: { type: 'string' },
    command: { type: 'string', default: 'start' },
  },
});
const runs = positiveInt('runs', values.runs, 10);
const [command, args] =
  values.command === 'serve'
    ? [process.execPath, ['bin/handoff.js', 'serve']]
    : ['npm', ['start', '--silent']];

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
 * CPU time a process and its waited-for children (pg_ctl, initdb) used so far, in milliseconds:
 * on a busy machine the wall time mostly measures the other processes, this does not.
 */
function cpuMs(pid: number): number {
  try {
    // Fields after the command's closing parenthesis; utime is the 14th field of the line.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
    return ticks * 10; // USER_HZ is 100 on Linux
  } catch {
    return 0;
  }
}

/** One start to "ready" and one SIGTERM to exit, in milliseconds. */
interface Run {
  readyMs: number;
  cpuMs: number;
  stopMs: number;
  exitCode: number | null;
  phases: Record<string, number>;
}

async function once(): Promise<Run> {
  const port = await freePort();
  const startedAt = performance.now();
  const child = spawn(command, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      HANDOFF_STARTUP_TIMING: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (READY.test(output)) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`exited (${code}) before ready:\n${output}`)));
  });
  const readyMs = performance.now() - startedAt;
  // npm's own process and the Handoff it runs (the same process for `serve`).
  const server = Number(readFileSync(path.join(ROOT, DATA_DIR, 'handoff.pid'), 'utf8'));
  const cpu = cpuMs(child.pid!) + (server === child.pid ? 0 : cpuMs(server));
  const stoppingAt = performance.now();
  child.kill('SIGTERM');
  const exitCode = await exited;
  const phases = Object.fromEntries(
    [...output.matchAll(PHASE)].map((m) => [m[1]!, Number(m[2])] as const),
  );
  return { readyMs, cpuMs: cpu, stopMs: performance.now() - stoppingAt, exitCode, phases };
}

const round = (n: number) => Math.round(n);
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

console.log(`Warming up on ${DATA_DIR} (first start, not measured)…`);
await once();
const loadAtStart = os.loadavg()[0]!;
const results: Run[] = [];
for (let i = 0; i < runs; i++) {
  const run = await once();
  console.log(
    `run ${i + 1}: ready in ${round(run.readyMs)} ms (${run.cpuMs} ms of CPU), ` +
      `stopped in ${round(run.stopMs)} ms`,
  );
  results.push({
    readyMs: round(run.readyMs),
    cpuMs: run.cpuMs,
    stopMs: round(run.stopMs),
    exitCode: run.exitCode,
    phases: run.phases,
  });
}
const ready = results.map((r) => r.readyMs);
const git = (...a: string[]) => execFileSync('git', a, { cwd: ROOT, encoding: 'utf8' }).trim();
const report = {
  benchmark: 'restart',
  description: `${[path.basename(command), ...args].join(' ')} on existing data: spawn → "Handoff is running at", then SIGTERM → exit`,
  startedAt: new Date().toISOString(),
  command: `npm run bench:restart -- --runs ${runs} --command ${values.command}`,
  git: { commit: git('rev-parse', 'HEAD'), dirty: git('status', '--porcelain') !== '' },
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    loadAverage1mAtStart: loadAtStart,
    loadAverage1mAtEnd: os.loadavg()[0],
    node: process.version,
    platform: `${os.platform()}-${os.arch()}`,
  },
  summary: {
    readyMedianMs: round(median(ready)),
    readyMinMs: Math.min(...ready),
    readyMaxMs: Math.max(...ready),
    cpuMedianMs: round(median(results.map((r) => r.cpuMs))),
    stopMedianMs: round(median(results.map((r) => r.stopMs))),
    // Each phase's median end, in the order they happen.
    phasesMedianMs: Object.fromEntries(
      Object.keys(results[0]?.phases ?? {}).map((phase) => [
        phase,
        round(median(results.map((r) => r.phases[phase] ?? Number.NaN))),
      ]),
    ),
  },
  runs: results,
};
const dir = path.join(ROOT, 'bench', 'results', 'restart');
await mkdir(dir, { recursive: true });
const file = path.join(dir, `${report.startedAt.slice(0, 10)}-${values.command}.json`);
await writeFile(file, JSON.stringify(report, null, 2) + '\n');
console.log(JSON.stringify(report.summary), `\nWritten to ${path.relative(ROOT, file)}`);
