import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { E2E_DATA_DIR } from '../playwright.config.ts';
import { expectAccessible } from './helpers.ts';

const ADMIN = { email: 'catalog-admin@e2e.example', password: 'admin-password-123' };

test.beforeAll(() => {
  execFileSync(
    'node',
    ['bin/handoff.js', 'create-admin', '--email', ADMIN.email, '--name', 'Catalog Admin'],
    {
      env: { ...process.env, DATA_DIR: E2E_DATA_DIR, HANDOFF_ADMIN_PASSWORD: ADMIN.password },
      stdio: 'inherit',
    },
  );
});

test('an admin re-rates a category and adds one, and both are kept after a reload', async ({
  page,
}) => {
  // Unique per run, so the test passes again against the same data.
  const name = `Video editing ${Date.now().toString(36)}`;
  const slug = name.toLowerCase().replaceAll(' ', '-');

  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Categories & rates' })
    .click();
  await expect(page.getByRole('heading', { name: 'Categories & rates' })).toBeVisible();
  await expect(page.getByLabel('Rate per hour of Data entry')).toHaveValue('15.00');
  await expectAccessible(page, 'categories & rates');

  await page.getByLabel('Rate per hour of Data entry').fill('18.00');
  await page.getByLabel('Currency of Data entry').selectOption('USD');
  await page.getByRole('button', { name: 'Save Data entry' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved Data entry' })).toBeVisible();

  const add = page.getByRole('form', { name: 'Add a category' });
  await add.getByLabel('Name', { exact: true }).fill(name);
  // The slug follows the name until it is edited.
  await expect(add.getByLabel('Slug')).toHaveValue(slug);
  await add.getByLabel('Market rate per hour').fill('55');
  await add.getByLabel('Currency of the rate').selectOption('EUR');
  await add.getByRole('button', { name: 'Add category' }).click();
  await expect(add.getByText(`Added ${name}.`)).toBeVisible();

  // A slug already taken is refused at once, beside the field.
  await add.getByLabel('Name', { exact: true }).fill('Another');
  await add.getByLabel('Slug').fill('data-entry');
  await add.getByLabel('Market rate per hour').fill('10');
  await add.getByRole('button', { name: 'Add category' }).click();
  await expect(add.getByText('Another category has this slug.')).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Rate per hour of Data entry')).toHaveValue('18.00');
  await expect(page.getByLabel('Currency of Data entry')).toHaveValue('USD');
  await expect(page.getByLabel(`Name of ${name}`)).toHaveValue(name);
  await expect(page.getByLabel(`Rate per hour of ${name}`)).toHaveValue('55.00');
  await expect(page.getByLabel(`Currency of ${name}`)).toHaveValue('EUR');
  await expectAccessible(page, 'categories & rates after changes');
});
