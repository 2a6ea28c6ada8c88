import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, afterEach, inject } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { createBackground, type Background } from '../src/server/background.ts';
import { connect, type Db } from '../src/server/db/client.ts';
import type { Config } from '../src/server/env.ts';
import type { Clock } from '../src/server/lib/clock.ts';
import { checkResponsesAgainstOpenApi } from './openapi-check.ts';

export const BASE_URL = 'http://localhost:3000';
export const ORIGIN = BASE_URL;
const TEMPLATE = 'handoff_test_template';

// Test files call createTestContext inside beforeAll, and an afterAll registered from inside a
// running hook is never run by Vitest. So the cleanups are collected here and run by one
// afterAll registered when the test file imports this module (each file gets its own copy).
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// Responses that break the OpenAPI description (an undocumented status, a body off its schema),
// collected by the app's check and failing the test that provoked them.
const offContract: string[] = [];
afterEach(() => {
  const found = offContract.splice(0);
  if (found.length > 0)
    throw new Error(`Responses not described by the OpenAPI document:\n${found.join('\n')}`);
});

export class FakeClock implements Clock {
  constructor(private current = new Date()) {}
  now() {
    return new Date(this.current);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
  /** Jumps to an instant, e.g. `set('2026-07-14T23:30:00Z')`. */
  set(to: Date | string) {
    this.current = new Date(to);
  }
}

export interface TestContext {
  app: FastifyInstance;
  db: Db;
  pool: pg.Pool;
  config: Config;
  clock: FakeClock;
  databaseUrl: string;
  /** The queue and mailer the app uses. */
  background: Background;
  /**
   * Runs every background job due by `clock` (mail deliveries, timed rules), and those they
   * add that are due too. Nothing runs by itself in tests: move the clock, then call this.
   */
  runJobs(): Promise<void>;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    baseUrl: BASE_URL,
    dataDir: '.tmp/unused',
    embeddedPgPort: 0,
    mode: 'marketplace',
    mailFrom: 'Handoff <no-reply@localhost>',
    authSecret: 'test-secret-that-is-long-enough-for-better-auth',
    authRateLimit: false,
    trustProxy: false,
    logLevel: 'silent',
    maxUploadBytes: 25 * 1024 * 1024,
    workers: false,
    ...overrides,
  };
}

/**
 * A fresh database cloned from the migrated template, and an app on it; dropped after the file.
 * Background jobs run when the test calls `ctx.runJobs()`; with `worker: true` a real worker
 * runs them as they come instead (and `runJobs` is refused).
 */
export async function createTestContext(
  options: { config?: Partial<Config>; worker?: boolean } = {},
): Promise<TestContext> {
  const serverUrl = new URL(inject('pgServerUrl'));
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query(`create database ${name} template ${TEMPLATE}`);
  await admin.end();
  serverUrl.pathname = `/${name}`;
  const databaseUrl = serverUrl.toString();
  const { db, pool } = connect(databaseUrl, 5);
  const config = testConfig(options.config);
  const clock = new FakeClock();
  const worker = options.worker ?? false;
  const background = createBackground({ db, pool, config, clock, manual: !worker, log: () => {} });
  const app = await buildApp({ db, pool, config, clock, background, logger: false });
  checkResponsesAgainstOpenApi(app, (problem) => offContract.push(problem));
  if (worker) await background.queue.start();
  cleanups.push(async () => {
    await background.queue.stop();
    await app.close();
    await pool.end();
    serverUrl.pathname = '/postgres';
    const dropper = new pg.Client({ connectionString: serverUrl.toString() });
    await dropper.connect();
    await dropper.query(`drop database if exists ${name} with (force)`);
    await dropper.end();
  });
  const runJobs = () => background.queue.runDue();
  return { app, db, pool, config, clock, databaseUrl, background, runJobs };
}

/**
 * Resolves once `n` sessions of the test's database wait for a lock: requests lined up behind a
 * row a test holds from its own connection, so the test decides when they go.
 */
export async function waitForLockWaiters(ctx: TestContext, n: number, what = 'the lock') {
  for (let tries = 0; tries < 200; tries++) {
    const { rows } = await ctx.pool.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`,
    );
    if ((rows[0]?.n ?? 0) >= n) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${n} requests never queued up behind ${what}`);
}

/** Someone who can call the API: by API token, by session cookie, or not at all. */
export interface Principal {
  token?: string;
  cookie?: string;
}

export function call(
  ctx: TestContext,
  who: Principal | null,
  options: InjectOptions,
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...(options.headers as Record<string, string>) };
  if (who?.token) headers.authorization = `Bearer ${who.token}`;
  if (who?.cookie) {
    headers.cookie = who.cookie;
    headers.origin ??= ORIGIN;
  }
  return ctx.app.inject({ ...options, headers });
}

/** The cookie header a browser would send back after this response. */
export function cookieFrom(response: LightMyRequestResponse): string {
  return response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/** A business's team as `who` sees it through the API. */
export async function listMembers(ctx: TestContext, businessId: string, who: Principal) {
  const res = await call(ctx, who, {
    method: 'GET',
    url: `/api/v1/businesses/${businessId}/members`,
  });
  if (res.statusCode !== 200) throw new Error(`listing members answered ${res.statusCode}`);
  return res.json().items as { userId: string; role: string }[];
}
