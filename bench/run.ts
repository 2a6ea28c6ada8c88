/**
 * `npm run bench [-- <scenario>] [--duration S] [--warmup S] [--connections C] [--scale N]`
 *
 * Starts Handoff (`node bin/handoff.js serve`) on a free port with the bench's DATA_DIR
 * (default .tmp/bench-data; DATABASE_URL is passed through), seeds it first if it holds no bench
 * data (scale 1000 unless --scale), runs the scenario (default `foundation`), writes
 * bench/results/<date>-<scenario>.json and stops the server with SIGTERM.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/server/db/open.ts';
import type { Config } from '../src/server/env.ts';
import { positiveInt } from './lib/args.ts';
import { benchConfig, readBenchToken, seedBench } from './lib/seed-bench.ts';
import { BENCH_DIR, DEFAULT_SCALE, DEFAULT_SEED, benchScale } from './lib/seed-data.ts';
import { startServer, type RunningServer } from './lib/server.ts';
import { scenarios } from './scenarios/index.ts';

const log = (m: string) => console.log(m);

/** The bench data's scale and a working token for it, seeding or issuing a token as needed. */
async function prepareData(
  config: Config,
  server: RunningServer,
  options: { scale: number | undefined; seed: number },
): Promise<{ scale: number; token: string }> {
  // Attaches to the embedded Postgres the server just started (or DATABASE_URL's).
  const database = await openDatabase(config, { attach: true });
  try {
    const existing = await benchScale(database.db);
    if (existing !== null && options.scale !== undefined && options.scale !== existing) {
      throw new Error(
        `${config.databaseUrl ? 'DATABASE_URL' : config.dataDir} holds bench data at scale ` +
          `${existing}, not ${options.scale}; remove it to bench another scale.`,
      );
    }
    const saved = await readBenchToken();
    if (existing !== null && saved && (await tokenWorks(server.baseUrl, saved))) {
      return { scale: existing, token: saved };
    }
    if (existing === null) log('No bench data yet: seeding it.');
    const result = await seedBench(database.db, config, {
      scale: existing ?? options.scale ?? DEFAULT_SCALE,
      seed: options.seed,
      log,
    });
    return { scale: result.scale, token: result.token };
  } finally {
    await database.shutdown();
  }
}

async function tokenWorks(baseUrl: string, token: string): Promise<boolean> {
  const response = await fetch(`${baseUrl}/api/v1/me`, {
    headers: { authorization: `Bearer ${token}` },
  });
  await response.body?.cancel();
  return response.ok;
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: BENCH_DIR, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadAverage1mAtStart: Math.round(os.loadavg()[0]! * 100) / 100,
    node: process.version,
    platform: `${os.platform()}-${os.arch()}`,
    kernel: os.release(),
  };
}

/** How this run was started, as the person typed it when npm ran it. */
function commandLine(args: string[]): string {
  const script = process.env.npm_lifecycle_event;
  const tail = args.length > 0 ? ` ${args.join(' ')}` : '';
  // A rate limit set for the run is part of the command that reproduces it.
  const limit = process.env.BENCH_API_RATE_LIMIT;
  // So is a directory cache turned off (the directory scenario's cold run).
  const cache = process.env.DIRECTORY_CACHE;
  const writes = process.env.BENCH_DIRECTORY_WRITES;
  const fresh = process.env.BENCH_DIRECTORY_NEW;
  const env = [
    limit ? `BENCH_API_RATE_LIMIT=${limit} ` : '',
    cache ? `DIRECTORY_CACHE=${cache} ` : '',
    writes ? `BENCH_DIRECTORY_WRITES=${writes} ` : '',
    fresh ? `BENCH_DIRECTORY_NEW=${fresh} ` : '',
  ].join('');
  return `${env}${script ? `npm run ${script}${tail ? ` --${tail}` : ''}` : `tsx bench/run.ts${tail}`}`;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      scale: { type: 'string' },
      seed: { type: 'string' },
      tag: { type: 'string' },
      // The lighthouse scenario's measurements per page.
      runs: { type: 'string' },
    },
  });
  const name = positionals[0] ?? 'foundation';
  const scenario = scenarios[name];
  if (!scenario) {
    console.error(`Unknown scenario "${name}". Known: ${Object.keys(scenarios).join(', ')}.`);
    return 2;
  }
  const load = {
    durationSec: positiveInt('duration', values.duration, 10),
    warmupSec: values.warmup === '0' ? 0 : positiveInt('warmup', values.warmup, 2),
    connections: positiveInt('connections', values.connections, 50),
  };
  const config = benchConfig();
  const startedAt = new Date();
  const machineAtStart = machine();

  log(`Starting Handoff on ${config.databaseUrl ? 'DATABASE_URL' : config.dataDir}…`);
  const server = await startServer({ ...process.env, DATA_DIR: config.dataDir });
  const interrupt = () => void server.stop().finally(() => process.exit(130));
  process.once('SIGINT', interrupt);
  let outcome: Awaited<ReturnType<typeof scenario.run>>;
  let scale: number;
  try {
    const data = await prepareData(config, server, {
      scale: values.scale === undefined ? undefined : positiveInt('scale', values.scale, 0),
      seed: positiveInt('seed', values.seed, DEFAULT_SEED),
    });
    scale = data.scale;
    log(
      `Scenario ${scenario.name} at scale ${scale}: ${load.connections} connections, ` +
        `${load.warmupSec} s warm-up + ${load.durationSec} s per endpoint…`,
    );
    outcome = await scenario.run({
      baseUrl: server.baseUrl,
      token: data.token,
      load,
      serverPid: server.pid,
    });
  } finally {
    process.off('SIGINT', interrupt);
    const code = await server.stop();
    if (code !== 0) console.error(`Handoff exited with code ${code} on SIGTERM.`);
  }

  const report = {
    scenario: scenario.name,
    description: scenario.description,
    startedAt: startedAt.toISOString(),
    command: commandLine(args),
    argv: ['tsx', 'bench/run.ts', ...args],
    git: { commit: git(['rev-parse', 'HEAD']), dirty: Boolean(git(['status', '--porcelain'])) },
    machine: machineAtStart,
    database: config.databaseUrl
      ? { kind: 'DATABASE_URL' }
      : { kind: 'embedded', dataDir: path.relative(process.cwd(), config.dataDir) },
    scale,
    server: { command: 'node bin/handoff.js serve', env: server.settings },
    load: { tool: scenario.tool, ...load },
    results: outcome.results,
  };
  const file = path.join(
    BENCH_DIR,
    'results',
    // --tag names a variant of the same scenario (e.g. rate-limited) so it does not overwrite it.
    `${startedAt.toISOString().slice(0, 10)}-${scenario.name}${values.tag ? `-${values.tag}` : ''}.json`,
  );
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(report, null, 2) + '\n');

  log(
    `\n${scenario.name} @ scale ${scale} — ${machineAtStart.cpus} CPUs, node ${machineAtStart.node}`,
  );
  for (const line of outcome.summary) log(line);
  log(`Results: ${path.relative(process.cwd(), file)}`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
