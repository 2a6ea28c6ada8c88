import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page } from '@playwright/test';
import { E2E_DATA_DIR } from '../playwright.config.ts';

/** Scans the page with axe-core and fails on any serious or critical violation, naming them. */
export async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  expect(bad, `accessibility of ${what}`).toEqual([]);
}

export const unique = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}@e2e.example`;

/**
 * Signs up in the open sign-up form: as the owner of a new business when `business` is given,
 * else as a professional; ends on the welcome page.
 */
export async function signUp(
  page: Page,
  name: string,
  email: string,
  { business, password }: { business?: string; password: string },
) {
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  const hire = page.getByLabel('I run a business and want to hand off work');
  if (business) {
    await hire.check();
    await page.getByLabel('Business name').fill(business);
  } else {
    await hire.uncheck();
    await page.getByLabel(/I’m a professional/).check();
  }
  await page.getByRole('button', { name: 'Create account' }).click();
  // The first sign-up of a fresh server (password hashing, the first migrations' caches) can
  // take past the 5 s default on a loaded two-core machine.
  await expect(page.getByRole('heading', { name: /^Welcome/ })).toBeVisible({ timeout: 20_000 });
}

export interface E2eAdmin {
  email: string;
  password: string;
  name: string;
}

/** Makes an admin in the e2e server's data with the CLI, as an operator would. */
export function createAdmin(admin: E2eAdmin) {
  execFileSync(
    'node',
    ['bin/handoff.js', 'create-admin', '--email', admin.email, '--name', admin.name],
    {
      env: { ...process.env, DATA_DIR: E2E_DATA_DIR, HANDOFF_ADMIN_PASSWORD: admin.password },
      stdio: 'inherit',
    },
  );
}

/** Opens the address-confirmation link from the dev mailbox (no SMTP in e2e) in `page`. */
export async function confirmAddress(browser: Browser, page: Page, email: string, admin: E2eAdmin) {
  const context = await browser.newContext();
  const mailbox = await context.newPage();
  await mailbox.goto('/sign-in');
  await mailbox.getByLabel('E-mail').fill(admin.email);
  await mailbox.getByLabel('Password').fill(admin.password);
  await mailbox.getByRole('button', { name: 'Sign in' }).click();
  await mailbox.getByRole('link', { name: 'Mailbox' }).click();
  await mailbox.getByLabel('Recipient').fill(email);
  await mailbox.getByRole('button', { name: 'Filter' }).click();
  const message = mailbox
    .locator('details')
    .filter({ hasText: /Confirm your e-mail address/ })
    .first();
  await message.locator('summary').click();
  const href = await message.getByRole('link').first().getAttribute('href');
  await context.close();
  if (!href) throw new Error(`no confirmation link in the mail to ${email}`);
  await page.goto(href);
}

/**
 * A word no other run's data has, for a full-text search to find one run's jobs: letters only
 * (the search leaves digits out of words), the clock's reading in base 26 with its digits spelt
 * as letters past `p`. Dropping the digits instead can make two readings one word (`a1b` and
 * `a2b` both give `ab`).
 */
export const uniqueWord = (prefix: string) =>
  `${prefix}${Date.now()
    .toString(26)
    .replace(/\d/g, (d) => String.fromCharCode('q'.charCodeAt(0) + Number(d)))}`;
