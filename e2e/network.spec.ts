import { execFileSync } from 'node:child_process';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { E2E_DATA_DIR } from '../playwright.config.ts';
import { expectAccessible, signUp, unique } from './helpers.ts';

const PASSWORD = 'network-e2e-password-2026';
const ADMIN = { email: 'listings-admin@e2e.example', password: 'admin-password-123' };

test.beforeAll(() => {
  execFileSync(
    'node',
    ['bin/handoff.js', 'create-admin', '--email', ADMIN.email, '--name', 'Listings Admin'],
    {
      env: { ...process.env, DATA_DIR: E2E_DATA_DIR, HANDOFF_ADMIN_PASSWORD: ADMIN.password },
      stdio: 'inherit',
    },
  );
});

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

test('an agency’s listing waits for an admin’s approval, and its owner sees it approved', async ({
  page,
  browser,
}) => {
  const firm = `Ruiz Studio ${Date.now().toString(36)}`;
  await page.goto('/sign-up?as=professional');
  await signUp(page, 'Mateo Ruiz', unique('agency'), { password: PASSWORD });

  await nav(page).getByRole('link', { name: 'Business listing' }).click();
  await expect(page.getByRole('heading', { name: 'Business listing' })).toBeVisible();
  await page.getByLabel('Name of the firm').fill(firm);
  await page.getByLabel('Description').fill('Four people setting up online shops.');
  await page.getByLabel('Services').fill('Shopify store set-up\nSpeed fixes');
  await page.getByLabel('Web development').check();
  await page.getByLabel('Team size').fill('4');
  await page.getByLabel('Website').fill('https://ruiz.example');
  await page.getByLabel('Countries served').fill('ar, us');
  await page.getByLabel('Time zones served').fill('America/Argentina/Buenos_Aires');
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByText('Waiting for review')).toBeVisible();
  await expectAccessible(page, 'the professional’s listing, pending');

  const admin = await newPage(browser);
  await admin.goto('/sign-in');
  await admin.getByLabel('E-mail').fill(ADMIN.email);
  await admin.getByLabel('Password').fill(ADMIN.password);
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await nav(admin).getByRole('link', { name: 'Business listings' }).click();
  await expect(admin.getByRole('heading', { name: firm })).toBeVisible();
  await expect(admin.getByText('Shopify store set-up, Speed fixes')).toBeVisible();
  await expectAccessible(admin, 'the admin’s review queue');
  await admin.getByRole('button', { name: `Approve ${firm}` }).click();
  await expect(admin.getByRole('heading', { name: firm })).toHaveCount(0);

  await page.reload();
  await expect(page.getByText('Approved: in the directory')).toBeVisible();
  // An edit of an approved listing says, before saving, that it goes back for review.
  await expect(page.getByText('Saving a change sends it back for review')).toBeVisible();
});

test('two businesses connect as trusted colleagues, and one’s recommendation shows to the other', async ({
  page,
  browser,
}) => {
  const ownerA = unique('colleague-a');
  const ownerB = unique('colleague-b');
  const note = `Aisha redid our labels in two weeks ${Date.now().toString(36)}`;

  // The professional, whose page the businesses look at.
  const pro = await newPage(browser);
  await pro.goto('/sign-up?as=professional');
  await signUp(pro, 'Aisha Bello', unique('recommended'), { password: PASSWORD });
  const proId = ((await (await pro.request.get('/api/v1/me')).json()) as { user: { id: string } })
    .user.id;

  const b = await newPage(browser);
  await b.goto('/sign-up');
  await signUp(b, 'Bea Owner', ownerB, { business: 'Bea Prints', password: PASSWORD });

  await page.goto('/sign-up');
  await signUp(page, 'Ana Owner', ownerA, { business: 'Ana Bakery', password: PASSWORD });
  await nav(page).getByRole('link', { name: 'Colleagues' }).click();
  await expect(page.getByRole('heading', { name: 'Colleagues', exact: true })).toBeVisible();
  await expect(page.getByText('No colleagues yet')).toBeVisible();
  await page.getByLabel('E-mail address of one of its owners').fill(ownerB);
  await page.getByRole('button', { name: 'Ask to connect' }).click();
  await expect(page.getByText(/its owners have been asked to connect/)).toBeVisible();
  await expectAccessible(page, 'the colleagues page');
  const businessA = /businesses\/([^/]+)\/colleagues/.exec(page.url())?.[1];

  await b.reload();
  await nav(b).getByRole('link', { name: 'Colleagues' }).click();
  await b.getByRole('button', { name: 'Accept Ana Bakery' }).click();
  await expect(b.getByText('Ana Bakery', { exact: true })).toBeVisible();
  await expect(b.getByRole('button', { name: 'Remove Ana Bakery' })).toBeVisible();
  const businessB = /businesses\/([^/]+)\/colleagues/.exec(b.url())?.[1];

  await b.goto(`/app/businesses/${businessB}/recommendations/${proId}`);
  await b.getByLabel('Recommend them to your colleagues').fill(note);
  await b.getByRole('button', { name: 'Recommend', exact: true }).click();
  await expect(b.getByRole('button', { name: 'Edit your recommendation' })).toBeVisible();

  await page.goto(`/app/businesses/${businessA}/recommendations/${proId}`);
  await expect(
    page.getByRole('heading', { name: 'Recommended by 1 business you trust' }),
  ).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: note })).toContainText('Bea Prints');
  await expectAccessible(page, 'a professional’s recommendations seen by a colleague');
});
