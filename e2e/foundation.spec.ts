import { execFileSync } from 'node:child_process';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { E2E_DATA_DIR } from '../playwright.config.ts';
import { expectAccessible, unique } from './helpers.ts';

const PASSWORD = 'a-long-enough-password';
const ADMIN = { email: 'admin@e2e.example', password: 'admin-password-123' };

async function signUp(
  page: Page,
  input: { name: string; email?: string; business?: string; professional?: boolean },
) {
  await page.getByLabel('Your name').fill(input.name);
  if (input.email) await page.getByLabel('E-mail').fill(input.email);
  await page.getByLabel('Password').fill(PASSWORD);
  const hire = page.getByLabel('I run a business and want to hand off work');
  if (input.business) {
    await hire.check();
    await page.getByLabel('Business name').fill(input.business);
  } else {
    await hire.uncheck();
  }
  if (input.professional) await page.getByLabel(/I’m a professional/).check();
  await page.getByRole('button', { name: 'Create account' }).click();
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible();
}

/** The admin reads the dev mailbox in the app and returns the first link of the newest mail to `to`. */
async function linkFromMailbox(browser: Browser, to: string, subject: RegExp): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole('link', { name: 'Mailbox' }).click();
  await page.getByLabel('Recipient').fill(to);
  await page.getByRole('button', { name: 'Filter' }).click();
  const message = page.locator('details').filter({ hasText: subject }).first();
  await message.locator('summary').click();
  await expectAccessible(page, 'admin mailbox');
  const href = await message.getByRole('link').first().getAttribute('href');
  await context.close();
  if (!href) throw new Error(`no link in the mail to ${to}`);
  return href;
}

test.beforeAll(() => {
  execFileSync(
    'node',
    ['bin/handoff.js', 'create-admin', '--email', ADMIN.email, '--name', 'E2E Admin'],
    {
      env: { ...process.env, DATA_DIR: E2E_DATA_DIR, HANDOFF_ADMIN_PASSWORD: ADMIN.password },
      stdio: 'inherit',
    },
  );
});

test('a business owner signs up, invites a manager who joins from the e-mail link', async ({
  page,
  browser,
}) => {
  const owner = unique('owner');
  const member = unique('member');

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hand it off');
  await expectAccessible(page, 'landing page');

  await page.getByRole('link', { name: 'Create an account' }).click();
  await expectAccessible(page, 'sign-up page');
  await signUp(page, { name: 'Maria Santos', email: owner, business: 'Crumb & Co. Bakery' });
  await expect(page.getByRole('heading', { name: 'Welcome, Maria' })).toBeVisible();
  await expect(page.getByText('You are an owner')).toBeVisible();
  await expectAccessible(page, 'overview');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
  await page.getByLabel('E-mail address').fill(member);
  await page.getByLabel('Role', { exact: true }).selectOption('manager');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation for ${member} created.`)).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: member })).toContainText('manager');
  await expectAccessible(page, 'team page');

  const link = await linkFromMailbox(browser, member, /invited you to Crumb/);
  expect(link).toMatch(/\/invitations\//);

  const invitee = await browser.newContext();
  const invitePage = await invitee.newPage();
  await invitePage.goto(link);
  await expect(invitePage.getByRole('heading', { name: 'Join Crumb & Co. Bakery' })).toBeVisible();
  await expectAccessible(invitePage, 'invitation page');
  await invitePage.getByRole('link', { name: 'Create an account' }).click();
  await expect(invitePage.getByLabel('E-mail')).toHaveValue(member);
  await signUp(invitePage, { name: 'Tomás Ferreira' });
  await expect(invitePage.getByRole('heading', { name: 'Join Crumb & Co. Bakery' })).toBeVisible();
  // Joining needs a verified address: confirm it from the mailbox, then come back to the link.
  await invitePage.goto(await linkFromMailbox(browser, member, /Confirm your e-mail address/));
  await invitePage.goto(link);
  await invitePage.getByRole('button', { name: /Accept and join/ }).click();
  await expect(invitePage.getByRole('heading', { name: 'Team' })).toBeVisible();
  await expect(invitePage.getByText('Maria Santos')).toBeVisible();
  await expect(
    invitePage.getByRole('listitem').filter({ hasText: 'Tomás Ferreira' }),
  ).toContainText('manager');
  await invitee.close();

  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Role of Tomás Ferreira' })).toHaveValue(
    'manager',
  );
});

test('a professional signs up, signs out and signs back in', async ({ page }) => {
  const email = unique('pro');
  await page.goto('/sign-up?as=professional');
  await signUp(page, { name: 'Aisha Bello', email, professional: true });
  await expect(page.getByText('You have a professional profile')).toBeVisible();
  await expect(page.getByText('No business yet')).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).first().click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/app');
  await expect(page).toHaveURL(/\/sign-in/);
  await expectAccessible(page, 'sign-in page');
  await signIn(page, email, PASSWORD);
  await expect(page.getByText('You have a professional profile')).toBeVisible();

  await page.getByRole('link', { name: 'Account settings' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Aisha Bello');
  await expectAccessible(page, 'account settings');
  await page.goto('/forgot-password');
  await expectAccessible(page, 'forgot-password page');
});
