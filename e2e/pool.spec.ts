import { execFileSync } from 'node:child_process';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { E2E_DATA_DIR } from '../playwright.config.ts';
import { expectAccessible, signUp, unique } from './helpers.ts';

const PASSWORD = 'pool-e2e-password-2026';
const ADMIN = { email: 'pool-admin@e2e.example', password: 'admin-password-123' };

test.beforeAll(() => {
  execFileSync(
    'node',
    ['bin/handoff.js', 'create-admin', '--email', ADMIN.email, '--name', 'Pool Admin'],
    {
      env: { ...process.env, DATA_DIR: E2E_DATA_DIR, HANDOFF_ADMIN_PASSWORD: ADMIN.password },
      stdio: 'inherit',
    },
  );
});

/** The first link of the newest message to `email` whose subject matches, from the dev mailbox. */
async function linkFromMailbox(browser: Browser, email: string, subject: RegExp) {
  const admin = await browser.newContext();
  const mailbox = await admin.newPage();
  await mailbox.goto('/sign-in');
  await mailbox.getByLabel('E-mail').fill(ADMIN.email);
  await mailbox.getByLabel('Password').fill(ADMIN.password);
  await mailbox.getByRole('button', { name: 'Sign in' }).click();
  await mailbox.getByRole('link', { name: 'Mailbox' }).click();
  await mailbox.getByLabel('Recipient').fill(email);
  await mailbox.getByRole('button', { name: 'Filter' }).click();
  const message = mailbox.locator('details').filter({ hasText: subject }).first();
  await message.locator('summary').click();
  const href = await message.getByRole('link').first().getAttribute('href');
  await admin.close();
  if (!href) throw new Error(`no link in the mail to ${email}`);
  return href;
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

test('an outside freelancer invited by e-mail signs up, confirms the address and joins the business’s private pool', async ({
  page,
  browser,
}) => {
  const business = `Bello Bakery ${Date.now().toString(36)}`;
  const freelancerEmail = unique('outside-freelancer');
  const marker = `met-at-the-market-${Date.now().toString(36)}`;

  await page.goto('/sign-up');
  await signUp(page, 'Ada Bello', unique('pool-owner'), { business, password: PASSWORD });
  await nav(page).getByRole('link', { name: 'Pool' }).click();
  await expectAccessible(page, 'an empty pool');

  await page.getByLabel('Name').fill('Lena Fischer');
  await page.getByLabel('E-mail address').fill(freelancerEmail);
  await page
    .getByLabel('Their profile elsewhere (optional)')
    .fill('https://elsewhere.example/lena');
  await page.getByLabel('Tags (optional)').fill('photography');
  await page.getByLabel('Private notes (optional)').fill(marker);
  await page.getByRole('button', { name: 'Add and send invitation' }).click();
  await expect(page.getByText(marker)).toBeVisible();
  await expect(page.getByText(/invited/).first()).toBeVisible();
  await expectAccessible(page, 'the pool with an invited contact');

  // The freelancer opens the e-mailed link in a browser of her own.
  const joinLink = await linkFromMailbox(browser, freelancerEmail, /invited you to work with them/);
  const freelancer = await (await browser.newContext()).newPage();
  await freelancer.goto(joinLink);
  await expect(
    freelancer.getByRole('heading', { name: `Join ${business}’s professionals` }),
  ).toBeVisible();
  await expectAccessible(freelancer, 'the join page, signed out');
  await freelancer.getByRole('link', { name: 'Create an account' }).click();
  await freelancer.getByLabel('Your name').fill('Lena Fischer');
  await expect(freelancer.getByLabel('E-mail')).toHaveValue(freelancerEmail);
  await freelancer.getByLabel('Password').fill(PASSWORD);
  await freelancer.getByRole('button', { name: 'Create account' }).click();

  // Joining needs a confirmed address: confirm it, then come back to the link.
  await expect(freelancer.getByText(/Signed in as|Welcome/).first()).toBeVisible({
    timeout: 20_000,
  });
  const confirm = await linkFromMailbox(browser, freelancerEmail, /Confirm your e-mail address/);
  await freelancer.goto(confirm);
  await freelancer.goto(joinLink);
  await freelancer.getByRole('button', { name: `Join ${business}` }).click();
  await expect(freelancer.getByText(`You are in ${business}’s pool.`)).toBeVisible();
  await expectAccessible(freelancer, 'the join page, joined');
  // Her profile never shows the business's private notes.
  await expect(freelancer.getByText(marker)).toHaveCount(0);

  await page.reload();
  await expect(page.getByText(/joined/).first()).toBeVisible();
});
