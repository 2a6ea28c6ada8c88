import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3123);
export const E2E_BASE_URL = `http://localhost:${PORT}`;
export const E2E_DATA_DIR = '.tmp/e2e-data';

/**
 * End-to-end journeys in Debian's Chromium (never a downloaded browser) against a real Handoff
 * started on a fresh DATA_DIR with its own embedded Postgres.
 */
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? 'list' : 'line',
  use: {
    baseURL: E2E_BASE_URL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `rm -rf ${E2E_DATA_DIR} && exec node bin/handoff.js serve`,
    // SIGTERM, not Playwright's default SIGKILL, so Handoff stops its Postgres cleanly.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    url: `${E2E_BASE_URL}/readyz`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: {
      PORT: String(PORT),
      BASE_URL: E2E_BASE_URL,
      DATA_DIR: E2E_DATA_DIR,
      LOG_LEVEL: 'warn',
      AUTH_RATE_LIMIT: 'false',
    },
  },
});
