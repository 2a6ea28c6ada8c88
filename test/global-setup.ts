/**
 * Once per test run: a real PostgreSQL (embedded in .tmp/, or TEST_DATABASE_URL's server) with
 * a migrated template database. Each test file clones the template into its own database,
 * which takes milliseconds, so files never see each other's rows.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connect } from '../src/server/db/client.ts';
import {
  startEmbeddedPostgres,
  type EmbeddedPostgres,
} from '../src/server/db/embedded-postgres.ts';
import { runMigrations } from '../src/server/db/migrate.ts';

export const TEMPLATE = 'handoff_test_template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
  }
}

let embedded: EmbeddedPostgres | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject) {
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    dataDir = path.resolve('.tmp', `test-pg-${process.pid}`);
    rmSync(dataDir, { recursive: true, force: true });
    embedded = await startEmbeddedPostgres({ dataDir });
    serverUrl = embedded.url;
  }
  const url = new URL(serverUrl);
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE}`);
  await admin.query(`create database ${TEMPLATE}`);
  await admin.end();
  url.pathname = `/${TEMPLATE}`;
  const template = connect(url.toString(), 1);
  await runMigrations(template.pool);
  await template.close();
  url.pathname = '/postgres';
  project.provide('pgServerUrl', url.toString());
}

export async function teardown() {
  await embedded?.stop();
  // As root in a folder the postgres user cannot enter, the cluster lives outside DATA_DIR.
  if (embedded && dataDir && !embedded.clusterDir.startsWith(dataDir)) {
    rmSync(path.dirname(embedded.clusterDir), { recursive: true, force: true });
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
