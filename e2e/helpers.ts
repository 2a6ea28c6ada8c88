import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

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
