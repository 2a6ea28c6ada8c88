/**
 * The public pages (landing, board, a job, the directory, a profile) must stay light: the router
 * loads everything else on demand. This walks the static imports from the web app's entry — what
 * the first page load fetches whatever the page — and fails when a heavy library is among them,
 * naming the chain that brought it (a zod contract imported for one constant did, once).
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ENTRY = path.resolve('src/web/main.tsx');
const HEAVY = ['zod', 'react-hook-form', 'markdown-it', 'recharts', 'better-auth', 'diff'];

/** Static value imports of a module (not `import type`, not `import()`). */
function staticImports(source: string): string[] {
  const found: string[] = [];
  const re = /^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  for (const m of source.matchAll(re)) if (m[1]) found.push(m[1]);
  return found;
}

function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const file = path.resolve(path.dirname(from), spec);
  return existsSync(file) ? file : null;
}

/** Each heavy package reached from the entry, with the chain of files that reached it. */
function heavyReached(): Map<string, string[]> {
  const reached = new Map<string, string[]>();
  const seen = new Map<string, string[]>([[ENTRY, [ENTRY]]]);
  const queue = [ENTRY];
  while (queue.length > 0) {
    const file = queue.shift()!;
    const chain = seen.get(file)!;
    if (!/\.(ts|tsx)$/.test(file)) continue;
    for (const spec of staticImports(readFileSync(file, 'utf8'))) {
      const pkg = HEAVY.find((h) => spec === h || spec.startsWith(`${h}/`));
      if (pkg && !reached.has(pkg)) reached.set(pkg, [...chain, spec]);
      const local = resolveLocal(file, spec);
      if (local && !seen.has(local)) {
        seen.set(local, [...chain, local]);
        queue.push(local);
      }
    }
  }
  return reached;
}

describe('the first page load', () => {
  it('brings none of the heavy libraries (they load with the pages that need them)', () => {
    const reached = heavyReached();
    const report = [...reached].map(
      ([pkg, chain]) => `${pkg}: ${chain.map((f) => path.relative(process.cwd(), f)).join(' → ')}`,
    );
    expect(report).toEqual([]);
  });

  it('would notice one: the contracts the app uses are built on zod', () => {
    expect(staticImports(readFileSync('src/core/contracts/common.ts', 'utf8'))).toContain('zod');
  });
});
