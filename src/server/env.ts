import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ModeSchema } from '../core/contracts/accounts.ts';

const Bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Every setting Handoff reads from the environment (the README's table lists the same). */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  BASE_URL: z.url().optional(),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  HANDOFF_MODE: ModeSchema.default('marketplace'),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Handoff <no-reply@localhost>'),
  AUTH_SECRET: z.string().min(32).optional(),
  AUTH_RATE_LIMIT: Bool.default(true),
  TRUST_PROXY: Bool.default(false),
  MAX_UPLOAD_MB: z.coerce.number().min(1).max(2048).default(25),
  HANDOFF_WORKERS: Bool.default(true),
  API_RATE_LIMIT: z.coerce.number().int().min(0).default(600),
  API_RATE_LIMIT_ANONYMOUS: z.coerce.number().int().min(0).default(300),
  DIRECTORY_CACHE: Bool.default(true),
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(1).max(600).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  baseUrl: string;
  dataDir: string;
  databaseUrl?: string;
  embeddedPgPort: number;
  mode: 'marketplace' | 'workspace';
  smtpUrl?: string;
  mailFrom: string;
  authSecret: string;
  authRateLimit: boolean;
  trustProxy: boolean;
  logLevel: string;
  /** Run background jobs inside the server (HANDOFF_WORKERS); off when `handoff worker` runs them. */
  workers: boolean;
  /** Largest accepted attachment, in bytes (MAX_UPLOAD_MB). */
  maxUploadBytes: number;
  /** /api/v1 requests per minute, per account and per anonymous IP; none (off) in tests. */
  apiRateLimit?: { perAccount: number; perIp: number };
  /**
   * Keep directory pages and facet counts per search until a profile or listing changes
   * (DIRECTORY_CACHE, on by default); off, every search runs its SQL (what the benchmark's
   * cold run measures). Optional: a config built by hand caches.
   */
  directoryCache?: boolean;
  /** How long a shutdown waits for requests in flight (SHUTDOWN_GRACE_SECONDS); default 10 s. */
  shutdownGraceMs?: number;
}

/** Reads the environment; exits with a list of the bad settings rather than starting half-configured. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    baseUrl: (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    dataDir,
    databaseUrl: e.DATABASE_URL,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    mode: e.HANDOFF_MODE,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    authSecret: e.AUTH_SECRET ?? persistentSecret(dataDir),
    authRateLimit: e.AUTH_RATE_LIMIT,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    workers: e.HANDOFF_WORKERS,
    maxUploadBytes: Math.round(e.MAX_UPLOAD_MB * 1024 * 1024),
    // API_RATE_LIMIT=0 turns the limits off (e.g. behind a proxy that limits already).
    apiRateLimit:
      e.API_RATE_LIMIT === 0
        ? undefined
        : { perAccount: e.API_RATE_LIMIT, perIp: e.API_RATE_LIMIT_ANONYMOUS || e.API_RATE_LIMIT },
    directoryCache: e.DIRECTORY_CACHE,
    shutdownGraceMs: Math.round(e.SHUTDOWN_GRACE_SECONDS * 1000),
  };
}

/** Without AUTH_SECRET, a random secret is made once and kept in DATA_DIR so sessions survive restarts. */
function persistentSecret(dataDir: string): string {
  const file = path.join(dataDir, 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url') + '\n', { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
