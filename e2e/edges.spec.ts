import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signUp, unique } from './helpers.ts';

const PHONE = { width: 390, height: 844 };
const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A JSON call from inside the page: same origin, with the session cookie, as the app makes it. */
async function apiCall<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(`/api/v1${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as T;
    },
    { method, path, body },
  );
}

test('a visitor skips to the content, finds the job board from the landing page, and keeps its links on a phone', async ({
  page,
}) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  await page.getByRole('banner').getByRole('link', { name: 'Job board' }).click();
  await expect(page).toHaveURL(/\/jobs$/);

  await page.setViewportSize(PHONE);
  const header = page.getByRole('banner');
  await expect(header.getByRole('link', { name: 'Job board' })).toBeVisible();
  await expect(header.getByRole('link', { name: 'Create an account' })).toBeVisible();
  await expectAccessible(page, 'job board on a phone');
});

test('a new owner gets a first-run guide, a double click on “Hand this off” makes one draft, and the phone menu closes with Escape', async ({
  page,
}) => {
  await page.goto('/sign-up');
  await signUp(page, 'Nora Quinn', unique('edges-owner'), {
    business: 'Quinn Bakery',
    password: 'a-long-enough-password',
  });
  const guide = page.locator('section').filter({ hasText: 'Get started with Quinn Bakery' });
  await expect(guide).toContainText('0 of 3 done.');
  await expect(guide.getByRole('link', { name: 'Start an operations audit' })).toBeVisible();
  await expectAccessible(page, 'overview with the first-run guide');

  const me = await apiCall<{ memberships: { businessId: string }[] }>(page, 'GET', '/me');
  const businessId = me.memberships[0]!.businessId;
  const audit = await apiCall<{ id: string }>(page, 'POST', `/businesses/${businessId}/audits`, {
    periodStart: day(-6),
    hourlyValue: 6000,
  });
  await apiCall(page, 'POST', `/businesses/${businessId}/audits/${audit.id}/entries`, {
    taskName: 'Bookkeeping',
    date: day(-1),
    minutes: 120,
  });

  await page.goto(`/app/businesses/${businessId}/audit?section=results`);
  const handOff = page.getByRole('button', { name: 'Hand this off: Bookkeeping' });
  await handOff.dblclick();
  await expect(page.getByText(/Job draft “Bookkeeping” created/)).toBeVisible();
  const drafts = await apiCall<{ items: unknown[] }>(
    page,
    'GET',
    `/businesses/${businessId}/job-drafts`,
  );
  expect(drafts.items).toHaveLength(1);

  await page.goto('/app');
  await expect(guide).toContainText('1 of 3 done.');
  await page.setViewportSize(PHONE);
  const menuButton = page.getByRole('button', { name: 'Open menu' });
  await menuButton.click();
  const menu = page.locator('#mobile-nav');
  await expect(menu).toBeVisible();
  await menu.getByRole('link', { name: 'Account settings' }).focus();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(menuButton).toBeFocused();

  await guide.getByRole('button', { name: 'Hide this guide' }).click();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Welcome, Nora' })).toBeVisible();
  await expect(page.getByText('Get started with Quinn Bakery')).toHaveCount(0);
});
