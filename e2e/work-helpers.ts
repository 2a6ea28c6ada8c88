/**
 * What the workspace journeys share: an active hourly contract seeded straight into the e2e
 * server's database (`seed-work-issues.ts`), signing its people in, and calling the API as them.
 */
import { execFileSync } from 'node:child_process';
import { expect, type Browser, type Page } from '@playwright/test';
import { E2E_DATA_DIR } from '../playwright.config.ts';

export const WORK_PASSWORD = 'a-long-enough-password';

/** An owner (Europe/Lisbon) and a professional (America/New_York) on an active hourly contract. */
export function seedWorkContract(): { contractId: string; owner: string; pro: string } {
  const out = execFileSync(
    'node',
    ['--import', 'tsx', 'e2e/seed-work-issues.ts', 'setup', WORK_PASSWORD],
    { env: { ...process.env, DATA_DIR: E2E_DATA_DIR }, encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').pop()!);
}

/** A new browser context (on `timezoneId`'s clock, if given) signed in as `email`. */
export async function signIn(browser: Browser, email: string, timezoneId?: string): Promise<Page> {
  const context = await browser.newContext(timezoneId ? { timezoneId } : {});
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(WORK_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /^Welcome/ })).toBeVisible({ timeout: 20_000 });
  return page;
}

/** A call to the API as the signed-in person of `page` (its session cookie, its origin). */
export async function api(page: Page, path: string, data: object = {}) {
  const origin = new URL(page.url()).origin;
  const res = await page.request.post(`${origin}/api/v1${path}`, { data, headers: { origin } });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return res.json();
}

/**
 * Whether the instant falls in the same Monday-first week as now in Lisbon, the seeded
 * business's zone: time can only be logged in the open week.
 */
export function sameLisbonWeek(at: Date, now: Date) {
  const monday = (d: Date) => {
    const local = new Date(d.toLocaleString('en-US', { timeZone: 'Europe/Lisbon' }));
    local.setHours(0, 0, 0, 0);
    local.setDate(local.getDate() - ((local.getDay() + 6) % 7));
    return local.getTime();
  };
  return monday(at) === monday(now);
}
