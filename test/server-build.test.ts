/**
 * The server compiled once (bin/server-build.js): built in a copy of the repository, so these
 * tests neither wait for nor disturb the build in this checkout's dist/.
 */
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer, currentServerBuild } from '../bin/server-build.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const copies: string[] = [];

/** bin/, src/ and the settings copied; node_modules linked. */
function copyOfRepository(): string {
  const copy = mkdtempSync(path.join(os.tmpdir(), 'handoff-server-build-'));
  copies.push(copy);
  for (const entry of ['bin', 'src', 'package.json', 'tsconfig.json']) {
    cpSync(path.join(ROOT, entry), path.join(copy, entry), { recursive: true });
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
  return copy;
}

const builds = (root: string) =>
  readdirSync(path.join(root, 'dist')).filter((e) => /^server-[0-9a-f]+$/.test(e));

afterAll(() => {
  for (const copy of copies) rmSync(copy, { recursive: true, force: true });
});

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

describe('the compiled server', () => {
  it('is built once, stays current while its sources do, and is built again when one changes', async () => {
    const root = copyOfRepository();
    expect(await currentServerBuild(root)).toBeNull();

    const entry = await buildServer(root);
    expect(existsSync(entry)).toBe(true);
    expect(await currentServerBuild(root)).toBe(entry);

    // A source the server imports, changed: the build is stale, and the next one replaces it.
    const health = path.join(root, 'src/server/features/health/index.ts');
    writeFileSync(health, readFileSync(health, 'utf8') + '\n// changed\n');
    expect(await currentServerBuild(root)).toBeNull();
    const rebuilt = await buildServer(root);
    expect(rebuilt).not.toBe(entry);
    expect(await currentServerBuild(root)).toBe(rebuilt);
    expect(builds(root)).toEqual([path.basename(path.dirname(rebuilt))]);

    // A source gone (renamed, deleted) is a change too.
    rmSync(path.join(root, 'src/cli/prompt.ts'));
    expect(await currentServerBuild(root)).toBeNull();
  });

  it('ignores files the server does not import (web app, tests)', async () => {
    const root = copyOfRepository();
    const entry = await buildServer(root);
    writeFileSync(path.join(root, 'src/web/unrelated.ts'), 'export const x = 1;\n');
    writeFileSync(path.join(root, 'src/server/unrelated.test.ts'), 'export {};\n');
    expect(await currentServerBuild(root)).toBe(entry);
  });

  it('is what `handoff serve` runs: built on the first start, it finds its migrations, answers /healthz and stops on SIGTERM', async () => {
    const root = copyOfRepository();
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const key of ['DATABASE_URL', 'EMBEDDED_PG_PORT', 'AUTH_SECRET', 'SMTP_URL']) {
      delete env[key];
    }
    const child = spawn(process.execPath, ['bin/handoff.js', 'serve'], {
      cwd: root,
      env: {
        ...env,
        PORT: String(port),
        BASE_URL: `http://127.0.0.1:${port}`,
        DATA_DIR: path.join(root, 'data'),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      await new Promise<void>((resolve, reject) => {
        const append = (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('Handoff is running at')) resolve();
        };
        child.stdout.on('data', append);
        child.stderr.on('data', append);
        void exited.then((code) => reject(new Error(`exited (${code}):\n${output}`)));
      });
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      expect(output).not.toContain('Could not compile');
      // Built by that start, and current: what it ran.
      expect(await currentServerBuild(root)).not.toBeNull();
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('Handoff stopped.');
  }, 120_000);
});
