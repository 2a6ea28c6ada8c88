import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, unique } from './helpers.ts';

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const TASKS = [
  'Customer e-mails',
  'Supplier invoices',
  'Instagram posts',
  'Stock count',
  'Website menu',
];

/** 500 rows over the last week; every third row is broken in turn: no date, a bad duration, a day outside the audit. */
function timeLog(): string {
  const lines = ['date,task,minutes'];
  for (let i = 0; i < 500; i++) {
    const date = day(-(i % 7));
    const task = TASKS[i % TASKS.length];
    const minutes = 5 + ((i * 13) % 40);
    if (i % 3 === 2) {
      const kind = Math.floor(i / 3) % 3;
      lines.push(
        kind === 0
          ? `,${task},${minutes}`
          : kind === 1
            ? `${date},${task},lots`
            : `${day(-60)},${task},${minutes}`,
      );
    } else lines.push(`${date},${task},${minutes}`);
  }
  return lines.join('\n') + '\n';
}

async function section(page: Page, name: RegExp) {
  await page
    .getByRole('navigation', { name: 'Audit sections' })
    .getByRole('link', { name })
    .click();
}

test('an owner audits a week of work — timer, quick add, a CSV of 500 rows — and hands off the top candidate', async ({
  page,
}, testInfo) => {
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill('Rosa Marquez');
  await page.getByLabel('E-mail').fill(unique('audit-owner'));
  await page.getByLabel('Password').fill('a-long-enough-password');
  await page.getByLabel('Business name').fill('Marquez Florist');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome, Rosa' })).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Operations audit' })
    .click();
  await expectAccessible(page, 'audit start page');
  await page.getByLabel('First day').fill(day(-6));
  await page.getByLabel(/Your hourly value/).fill('60');
  await page.getByRole('button', { name: 'Start the audit' }).click();

  // The timer lives on the server: it survives a reload, and stopping it logs an entry.
  await page.getByLabel('What are you working on?').fill('Answering the phone');
  await page.getByRole('button', { name: 'Start timer' }).click();
  await expect(page.getByRole('button', { name: 'Stop and log' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Stop and log' })).toBeVisible();
  await page.getByRole('button', { name: 'Stop and log' }).click();
  await expect(page.getByText('Answering the phone').first()).toBeVisible();

  const quickAdd = page.locator('#quick-add');
  await quickAdd.getByLabel('Task').fill('Bookkeeping');
  await quickAdd.getByLabel('Date').fill(day(-2));
  await quickAdd.getByLabel('Time spent').fill('90');
  await quickAdd.getByRole('button', { name: 'Add entry' }).click();
  await expect(page.getByText('Bookkeeping').first()).toBeVisible();
  await expectAccessible(page, 'audit log section');

  const file = testInfo.outputPath('week.csv');
  writeFileSync(file, timeLog());
  await section(page, /Import/);
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.getByRole('button', { name: 'Import week.csv' }).click();
  await expect(page.getByText('Imported 334 entries from 500 rows.')).toBeVisible();
  await expect(page.getByText('no date in column “date”').first()).toBeVisible();
  await expectAccessible(page, 'import report');

  // Importing the same file again adds nothing.
  await page.getByRole('button', { name: 'Import another file' }).click();
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.getByRole('button', { name: 'Import week.csv' }).click();
  await expect(
    page.getByText('Nothing new: every good row was already in the audit.', { exact: false }),
  ).toBeVisible();

  await section(page, /Tasks/);
  await page.getByLabel('Nature of Supplier invoices').selectOption('repetitive');
  await page.getByLabel('Category of Supplier invoices').selectOption('data-entry');
  await page.getByLabel('Dislike of Supplier invoices').selectOption('5');
  await expect(page.getByLabel('Category of Supplier invoices')).toHaveValue('data-entry');

  await section(page, /Results/);
  const candidates = page
    .getByRole('region', { name: 'What to hand off' })
    .or(page.locator('section').filter({ hasText: 'What to hand off' }));
  await expect(candidates.first()).toContainText('Supplier invoices');
  await expect(page.getByRole('table', { name: 'Hours logged by category' })).toContainText(
    'Data entry',
  );
  await expect(
    page.getByRole('figure', { name: 'Hours logged by category' }).locator('svg').first(),
  ).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Pareto of candidates' })).toContainText(
    'Supplier invoices',
  );
  await expectAccessible(page, 'audit results');
  const top = page.getByRole('button', { name: /^Hand this off: / }).first();
  const topName = ((await top.getAttribute('aria-label')) ?? '').replace('Hand this off: ', '');
  expect(topName).toBe('Supplier invoices');
  await top.click();
  await expect(page.locator('section').filter({ hasText: 'Job drafts' }).first()).toContainText(
    'Supplier invoices',
  );
});
