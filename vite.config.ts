import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type Rolldown } from 'vite';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/;
/** Below this a compressed copy saves less than its headers cost. */
const COMPRESS_FROM_BYTES = 1024;

/**
 * Writes `x.br` and `x.gz` beside every text file of the build, at the highest settings (made
 * once here, not per request), for the server to pick by Accept-Encoding
 * (src/server/public-pages). A copy that is not smaller is not written.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'handoff-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = (await readdir(outDir, { recursive: true })).filter((f) =>
        COMPRESSIBLE.test(f),
      );
      await Promise.all(
        files.map(async (file) => {
          const full = path.join(outDir, file);
          const body = await readFile(full);
          if (body.length < COMPRESS_FROM_BYTES) return;
          const [br, gz] = await Promise.all([
            promisify(brotliCompress)(body, {
              params: {
                [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
                [zlib.BROTLI_PARAM_SIZE_HINT]: body.length,
              },
            }),
            promisify(gzip)(body, { level: 9 }),
          ]);
          if (br.length < body.length) await writeFile(`${full}.br`, br);
          if (gz.length < body.length) await writeFile(`${full}.gz`, gz);
        }),
      );
    },
  };
}

/** The page's entry, and the app's module it imports once the page is painted. */
const ENTRY_MODULE = path.resolve(import.meta.dirname, 'src/web/boot.ts');
const APP_MODULE = path.resolve(import.meta.dirname, 'src/web/main.tsx');

/** `from` and every module it imports statically, directly or not. */
function staticClosure(from: string, ctx: Rolldown.ChunkingContext): Set<string> {
  const found = new Set([from]);
  const queue = [from];
  while (queue.length > 0) {
    for (const next of ctx.getModuleInfo(queue.pop()!)?.importedIds ?? []) {
      if (found.has(next)) continue;
      found.add(next);
      queue.push(next);
    }
  }
  return found;
}

/**
 * Names "app" every module main.tsx imports statically, directly or not, so that the first load
 * is one file: left to itself the bundler splits off each module a lazy route shares with it,
 * about twenty files of a few hundred bytes, each a request and each about 1 KiB of response
 * headers (the public pages' budget counts both). Every lazy route loads after main.tsx, so it
 * takes them from that one file at no cost. What the entry itself imports (Vite's preload helper)
 * stays with the entry, which must not wait for this file.
 */
function appChunk() {
  let app: Set<string> | null = null;
  return (id: string, ctx: Rolldown.ChunkingContext): string | null => {
    if (!app) {
      const entry = staticClosure(ENTRY_MODULE, ctx);
      app = new Set([...staticClosure(APP_MODULE, ctx)].filter((m) => !entry.has(m)));
    }
    return app.has(id) ? 'app' : null;
  };
}

export default defineConfig({
  root: 'src/web',
  plugins: [react(), tailwindcss(), precompress()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Not the captured modules' imports as well: they are captured already, but for the
          // entry's preload helper, which would otherwise move to 'app' and be imported from it.
          groups: [{ name: appChunk(), includeDependenciesRecursively: false }],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' } },
});
