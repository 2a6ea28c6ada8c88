/**
 * The server compiled once: `src/cli/handoff.ts` and everything it imports from `src/`, bundled
 * by esbuild into a few ES modules in `dist/server-<hash>/`, entry `handoff.js` (packages stay
 * in node_modules and are imported from there). Loading those takes a fraction of what tsx needs
 * to transform and load some 300 TypeScript modules on every start (see docs/ARCHITECTURE.md,
 * "Start-up").
 *
 * `dist/server-build.json` names the build and every source file that went into it with a hash
 * of their contents: the build is current while those files are unchanged. A changed file means
 * a new build (a fraction of a second); a new file can only enter the server through an import
 * in a file already listed, so it is noticed too. Plain JavaScript, because it runs before
 * anything can load TypeScript.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';

const ENTRY = 'src/cli/handoff.ts';
const STAMP = 'dist/server-build.json';
/**
 * Files that change the build without being imported: esbuild reads tsconfig.json and
 * package.json, and this file holds the build's options.
 */
const SETTINGS = ['bin/server-build.js', 'package.json', 'tsconfig.json'];

/** @param {string} root @param {readonly string[]} files relative to root */
async function hashFiles(root, files) {
  const contents = await Promise.all(files.map((file) => fs.readFile(path.join(root, file))));
  const hash = createHash('sha256');
  files.forEach((file, i) => hash.update(file).update('\0').update(contents[i]).update('\0'));
  return hash.digest('hex');
}

/**
 * The compiled entry if `dist/server-build.json` matches the sources, else null (never built,
 * a source changed or went missing, an unreadable stamp).
 * @param {string} root the repository's root directory
 * @returns {Promise<string | null>}
 */
export async function currentServerBuild(root) {
  try {
    const stamp = JSON.parse(await fs.readFile(path.join(root, STAMP), 'utf8'));
    if (!Array.isArray(stamp.inputs)) return null;
    const [hash] = await Promise.all([
      hashFiles(root, stamp.inputs),
      fs.access(path.join(root, stamp.entry)),
    ]);
    return hash === stamp.hash ? path.join(root, stamp.entry) : null;
  } catch {
    return null; // no stamp, a missing source or a missing build: build again
  }
}

/**
 * Bundles the server into `dist/server-<hash>/` and records it in the stamp; returns the entry.
 * Several processes may build at once (tests start several servers): each writes a directory of
 * its own and renames it into place, and the stamp is replaced whole, so none sees half a build.
 * @param {string} root the repository's root directory
 * @returns {Promise<string>}
 */
export async function buildServer(root) {
  const { build } = await import('esbuild');
  const dist = path.join(root, 'dist');
  const scratch = path.join(dist, `.server-${process.pid}-${randomBytes(4).toString('hex')}`);
  /** @type {Map<string, Buffer>} what each source held when esbuild read it */
  const read = new Map();
  try {
    await build({
      absWorkingDir: root,
      entryPoints: [ENTRY],
      outdir: scratch,
      // Modules that `import()` others (the CLI its commands, `serve` the application) stay
      // apart, so a command loads only what it runs and the server loads its packages while
      // Postgres starts.
      splitting: true,
      chunkNames: '[name]-[hash]',
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      sourcemap: 'linked',
      logLevel: 'error',
      plugins: [
        {
          name: 'handoff-sources',
          setup(esbuild) {
            esbuild.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, async (args) => {
              const bytes = await fs.readFile(args.path);
              const file = path.relative(root, args.path).split(path.sep).join('/');
              read.set(file, bytes);
              let text = bytes.toString('utf8');
              // A module finds files beside its source (migrations, the web build) from its own
              // address: in the bundle that address must still be its source's. The bundle's
              // directory is dist/<name>/, so the way back to the sources is the same from
              // wherever the repository is.
              if (text.includes('import.meta.url')) {
                const back = `../../${file}`;
                text = text.replaceAll(
                  'import.meta.url',
                  `new URL(${JSON.stringify(back)}, import.meta.url).href`,
                );
              }
              const ext = path.extname(args.path).replace(/^\.[cm]?/, '.');
              return {
                contents: text,
                loader: /** @type {'ts'|'tsx'|'js'|'jsx'} */ (ext.slice(1)),
              };
            });
          },
        },
      ],
    });
    const inputs = [...read.keys(), ...SETTINGS].sort();
    const settings = await Promise.all(SETTINGS.map((f) => fs.readFile(path.join(root, f))));
    SETTINGS.forEach((f, i) => read.set(f, settings[i]));
    const hash = createHash('sha256');
    for (const file of inputs) hash.update(file).update('\0').update(read.get(file)).update('\0');
    const digest = hash.digest('hex');
    const name = `server-${digest.slice(0, 16)}`;
    const target = path.join(dist, name);
    await fs.rename(scratch, target).catch(async (error) => {
      if (!['ENOTEMPTY', 'EEXIST'].includes(error.code)) throw error;
      // The same sources, built by another process meanwhile: that build is this one, if whole.
      if (await isFile(path.join(target, 'handoff.js'))) return;
      await fs.rm(target, { recursive: true, force: true });
      await fs.rename(scratch, target);
    });
    const stamp = {
      entry: `dist/${name}/handoff.js`,
      hash: digest,
      builtAt: new Date().toISOString(),
      inputs,
    };
    const stampFile = path.join(root, STAMP);
    await fs.writeFile(`${stampFile}.${path.basename(scratch)}`, JSON.stringify(stamp) + '\n');
    await fs.rename(`${stampFile}.${path.basename(scratch)}`, stampFile);
    await removeOlderBuilds(dist, name);
    return path.join(root, stamp.entry);
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

/** @param {string} file */
const isFile = (file) =>
  fs.stat(file).then(
    (stat) => stat.isFile(),
    () => false,
  );

/**
 * Earlier builds, left by changed sources. A running server imported every module it needs
 * before it listened, so removing its directory does not disturb it; a one-off command started
 * the moment before could miss one it imports later, which only an edit during that moment does.
 * @param {string} dist @param {string} keep
 */
async function removeOlderBuilds(dist, keep) {
  const entries = await fs.readdir(dist);
  await Promise.all(
    entries
      .filter((e) => e.startsWith('server-') && e !== keep && !e.endsWith('.json'))
      .map((e) => fs.rm(path.join(dist, e), { recursive: true, force: true })),
  );
}
