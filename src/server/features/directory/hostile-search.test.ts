/**
 * Search input of any length and any characters answers results or a clear 400, never a 500:
 * the words go through `websearch_to_tsquery`, which reads any text as words and operators of its
 * own small syntax, and the contract refuses what Postgres cannot hold (NUL, lone surrogates) or
 * what is too long, naming `q`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDirectoryProfile } from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await buildDirectoryProfile(ctx, {
    name: 'Ada Lovelace',
    headline: 'C++ & Rust developer',
    skills: ['rust'],
  });
});

/** Queries as typed (encoded here), and raw query strings with bytes no browser would send. */
const TYPED = [
  '"',
  '""',
  '"unclosed phrase',
  "'",
  "O'Brien",
  '\\',
  '\\\\\\',
  'rust & ada',
  'rust | ada',
  '!rust',
  '!!!',
  'rust <-> ada',
  '<->',
  '<2>',
  'rust:*',
  ':*',
  'a:A',
  '&|!()<>:*',
  '(((((((((',
  ')))))',
  '-',
  '- - -',
  'or',
  'rust or',
  'or or or',
  '-rust',
  '"-"',
  'C++',
  'c#',
  '.NET',
  'node.js',
  "'; drop table professional_profiles; --",
  "' or 1=1 --",
  '1; select pg_sleep(10)',
  '$$',
  '$1',
  '%',
  '_',
  '*',
  '?',
  '🦀 rust',
  '👩🏽‍💻',
  'مطور برمجيات',
  'עברית rust',
  '\u202Erust\u202C',
  '\u200B',
  '日本語 エンジニア',
  'Ñandú çà',
  'ǅ',
  '\t\n\r',
  '   ',
  'the a an of',
  'x'.repeat(200),
  'rust '.repeat(40),
];

const TOO_BAD: [string, string][] = [
  ['x'.repeat(201), 'too long'],
  ['x'.repeat(10_000), 'ten thousand characters'],
  ['rust\u0000ada', 'NUL'],
];

const RAW = ['%ED%A0%80', '%FF%FE', '%C0%AF', '%', '%%', '%zz', 'a%00b', '%F0%9F%A6'];

describe('GET /api/v1/directory?q= with hostile input', () => {
  it('answers every typed query of up to 200 characters with results (200), never a 500', async () => {
    for (const q of TYPED) {
      const res = await call(ctx, null, {
        method: 'GET',
        url: `/api/v1/directory?q=${encodeURIComponent(q)}`,
      });
      expect(res.statusCode, JSON.stringify(q)).toBe(200);
    }
  });

  it('still finds with operators typed as text', async () => {
    for (const q of ['rust & ada', 'rust | ada', 'rust <-> ada', 'rust:*', '"ada lovelace"']) {
      const res = await call(ctx, null, {
        method: 'GET',
        url: `/api/v1/directory?q=${encodeURIComponent(q)}`,
      });
      expect(
        res.json<{ items: { name: string }[] }>().items.map((e) => e.name),
        q,
      ).toContain('Ada Lovelace');
    }
  });

  it('refuses what it cannot search with a 400 naming q', async () => {
    for (const [q, what] of TOO_BAD) {
      const res = await call(ctx, null, {
        method: 'GET',
        url: `/api/v1/directory?q=${encodeURIComponent(q)}`,
      });
      expect(res.statusCode, what).toBe(400);
      expect(res.body, what).toContain('querystring.q');
    }
  });

  it('answers raw bytes (lone surrogates, bad UTF-8, broken escapes) with 200 or 400', async () => {
    for (const raw of RAW) {
      const res = await call(ctx, null, { method: 'GET', url: `/api/v1/directory?q=${raw}` });
      expect([200, 400], raw).toContain(res.statusCode);
    }
  });
});
