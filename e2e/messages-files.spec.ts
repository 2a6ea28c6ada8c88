import { execFileSync } from 'node:child_process';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { E2E_DATA_DIR } from '../playwright.config.ts';
import { expectAccessible } from './helpers.ts';

const PASSWORD = 'a-long-enough-password';

/** An owner and a professional on an active contract. */
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

const textFile = (name: string, body: string) => ({
  name,
  mimeType: 'text/plain',
  buffer: Buffer.from(body),
});

/**
 * The owner writes with an attachment and the professional sees it with an unread count; a
 * file uploaded twice under one name shows version 2, with version 1 still there to download.
 */
test('a message with an attachment reaches the other side, and a file keeps its versions', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const data = seed();
  const base = `/app/contracts/${data.contractId}`;
  const owner = await signIn(browser, data.owner);
  await owner.goto(`${base}/messages`);
  await expectAccessible(owner, 'the empty conversation');
  await owner.getByLabel('Message').fill('Here is the **menu** for the order page.');
  await owner.getByLabel(/Attach files/).setInputFiles(textFile('menu.txt', 'Sourdough 6.50'));
  await owner.getByRole('button', { name: 'Send' }).click();
  const messages = owner.getByRole('list', { name: 'Messages' });
  await expect(messages.getByText('menu', { exact: true })).toBeVisible();
  await expect(messages.getByRole('link', { name: /menu\.txt/ })).toBeVisible();

  const pro = await signIn(browser, data.pro);
  await pro.goto(base);
  // The Messages tab says how many are unread before it is opened.
  await expect(pro.getByRole('link', { name: /Messages.*1/ })).toBeVisible();
  await pro.getByRole('link', { name: /Messages/ }).click();
  await expect(
    pro.getByRole('list', { name: 'Messages' }).getByText(/for the order page/),
  ).toBeVisible();
  await expect(pro.getByRole('link', { name: /menu\.txt/ })).toBeVisible();
  await expectAccessible(pro, 'the conversation');

  await pro.getByRole('link', { name: 'Files', exact: true }).click();
  const upload = async (body: string, note: string) => {
    await pro.getByLabel('File', { exact: true }).setInputFiles(textFile('Order-Flow.txt', body));
    await pro.getByLabel('Note (optional)').fill(note);
    await pro.getByRole('button', { name: 'Upload' }).click();
  };
  await upload('first draft', 'First draft');
  await expect(pro.getByText('Version 1', { exact: true }).first()).toBeVisible();
  await upload('second draft, with the cart', 'Adds the cart');
  await expect(pro.getByText('Version 2 (latest)')).toBeVisible();
  const first = pro.getByRole('link', { name: /Version 1/ });
  await expect(first).toBeVisible();
  const download = await pro.request.get(
    new URL((await first.getAttribute('href')) ?? '', pro.url()).href,
  );
  expect(await download.text()).toBe('first draft');
  await expectAccessible(pro, 'the files with two versions');
});
