/**
 * Builds the web app only when its sources changed since the last build. `npm start` and
 * `npm install` (the `prepare` script) call it, so a restart serves the existing build at once
 * instead of spending seconds and a screenful of Vite output on an identical one.
 *
 * The stamp `dist/web-build.json` holds a hash of everything the build reads; it is written only
 * after a build succeeded, so a failed or interrupted build is tried again on the next start.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * What the web build reads: its sources, the shared core (contracts, rules) it imports, and the
 * build's configuration and dependency versions. Paths are relative to the repository root.
 */
const INPUTS = [
  'src/web',
  'src/core',
  'vite.config.ts',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
];

const STAMP = 'dist/web-build.json';
const BUILT_ENTRY = 'dist/web/index.html';

async function filesUnder(root: string, relative: string): Promise<string[]> {
  const full = path.join(root, relative);
  let stat;
  try {
    stat = await fs.stat(full);
  } catch {
    return []; // an input that does not exist (yet) changes nothing
  }
  if (!stat.isDirectory()) return [relative];
  const entries = await fs.readdir(full, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

/** A hash of the names and contents of every build input: mtimes change on a mere checkout. */
export async function webSourcesHash(root = ROOT): Promise<string> {
  const files = (await Promise.all(INPUTS.map((input) => filesUnder(root, input)))).flat().sort();
  const hash = createHash('sha256');
  for (const file of files) {
    // Tests beside the web code (*.test.ts) are not part of the bundle.
    if (/\.test\.tsx?$/.test(file)) continue;
    hash.update(file.split(path.sep).join('/')).update('\0');
    hash.update(await fs.readFile(path.join(root, file))).update('\0');
  }
  return hash.digest('hex');
}

async function readStamp(root: string): Promise<string | null> {
  try {
    const stamp = JSON.parse(await fs.readFile(path.join(root, STAMP), 'utf8')) as {
      sources?: unknown;
    };
    return typeof stamp.sources === 'string' ? stamp.sources : null;
  } catch {
    return null;
  }
}

/** Runs the package's `build` script (whatever it holds), its output kept unless it fails. */
function runBuildScript(root: string): Promise<void> {
  // Inside `npm start` npm tells us which npm it is; elsewhere the one on PATH.
  const npmCli = process.env.npm_execpath;
  const [command, args] = npmCli?.endsWith('.js')
    ? [process.execPath, [npmCli, 'run', 'build', '--silent']]
    : ['npm', ['run', 'build', '--silent']];
  return new Promise((resolve, reject) => {
    // Its own process group: npm runs the script through a shell that forwards no signal, so a
    // stop during the build signals the whole group, Vite included.
    const child = spawn(command, args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const stop = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
      process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    const done = () => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
    };
    child.once('error', (error) => {
      done();
      reject(error);
    });
    child.once('exit', (code, signal) => {
      done();
      if (code === 0) resolve();
      else reject(new Error(`The web app did not build (${signal ?? `exit ${code}`}):\n${output}`));
    });
  });
}

export type WebBuildResult = 'up to date' | 'built';

/**
 * Builds the web app if it was never built or its inputs changed since; says one line when it
 * builds, nothing otherwise.
 */
export async function ensureWebBuild({
  root = ROOT,
  log = (m: string) => console.log(m),
}: { root?: string; log?: (m: string) => void } = {}): Promise<WebBuildResult> {
  const sources = await webSourcesHash(root);
  if (existsSync(path.join(root, BUILT_ENTRY)) && (await readStamp(root)) === sources) {
    return 'up to date';
  }
  const startedAt = Date.now();
  log('Building the web app (first start, or its sources changed)…');
  await fs.rm(path.join(root, STAMP), { force: true });
  await runBuildScript(root);
  await fs.mkdir(path.dirname(path.join(root, STAMP)), { recursive: true });
  await fs.writeFile(
    path.join(root, STAMP),
    JSON.stringify({ sources, builtAt: new Date().toISOString() }) + '\n',
  );
  log(`Web app built in ${((Date.now() - startedAt) / 1000).toFixed(1)} s.`);
  return 'built';
}
