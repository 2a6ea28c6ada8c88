import { execFileSync } from 'node:child_process';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { E2E_DATA_DIR } from '../playwright.config.ts';
import { expectAccessible } from './helpers.ts';

const PASSWORD = 'a-long-enough-password';

function seed(): { contractId: string; owner: string; pro: string } {
  const out = execFileSync(
    'node',
    ['--import', 'tsx', 'e2e/seed-work-issues.ts', 'setup', PASSWORD],
    { env: { ...process.env, DATA_DIR: E2E_DATA_DIR }, encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').pop()!);
}

async function signIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /^Welcome/ })).toBeVisible({ timeout: 20_000 });
  return page;
}

/**
 * A tracker longer than one page: the list shows the first 50 and "Load more" brings the rest,
 * a filter pages too, and the board (which needs whole columns to place a card) shows them all.
 */
test('the issue list loads more than a page, filtered too, and the board shows every card', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const data = seed();
  const owner = await signIn(browser, data.owner);
  const origin = new URL(owner.url()).origin;
  for (let n = 1; n <= 55; n++) {
    const res = await owner.request.post(`${origin}/api/v1/contracts/${data.contractId}/issues`, {
      data: { title: `Task ${n}`, labels: n % 5 === 0 ? ['copy'] : ['ui'] },
      headers: { origin },
    });
    expect(res.status(), await res.text()).toBe(201);
  }

  await owner.goto(`/app/contracts/${data.contractId}/issues`);
  // The board holds every card of the open column, past the list's page size.
  await expect(owner.getByRole('link', { name: /#55 Task 55/ })).toBeVisible();
  await expect(owner.getByRole('link', { name: /^#\d+ Task/ })).toHaveCount(55);

  await owner.getByRole('button', { name: 'List' }).click();
  const rows = owner.getByRole('table', { name: 'The contract’s issues' }).getByRole('link');
  await expect(rows).toHaveCount(50);
  await expectAccessible(owner, 'the first page of the issue list');
  await owner.getByRole('button', { name: 'Load more' }).click();
  await expect(rows).toHaveCount(55);
  await expect(owner.getByRole('button', { name: 'Load more' })).toBeHidden();

  // Newest first, labelled "ui": 44 issues, one page; clearing the label pages again.
  await owner.getByLabel('Label').selectOption('ui');
  await owner.getByLabel('Sort').selectOption('number');
  await expect(rows.first()).toHaveText(/#54 Task 54/);
  await expect(rows).toHaveCount(44);
  await expect(owner.getByRole('button', { name: 'Load more' })).toBeHidden();
  await owner.getByLabel('Label').selectOption('');
  await expect(rows).toHaveCount(50);
  await owner.getByRole('button', { name: 'Load more' }).click();
  await expect(rows).toHaveCount(55);
  await expect(rows.last()).toHaveText(/#1 Task 1$/);
});
