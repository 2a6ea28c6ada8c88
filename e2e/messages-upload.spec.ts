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

const file = (name: string, body: string) => ({
  name,
  mimeType: 'text/plain',
  buffer: Buffer.from(body),
});

/**
 * A message whose file is refused sends nothing (the other side sees no message), keeps what
 * was typed, and goes out with its files once the bad one is replaced.
 */
test('a refused file sends nothing, and the message goes with all its files once fixed', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const data = seed();
  const base = `/app/contracts/${data.contractId}/messages`;
  const owner = await signIn(browser, data.owner);
  await owner.goto(base);
  await owner.getByRole('textbox', { name: 'Message' }).fill('The menu and the prices.');
  // Markup in a .txt is refused by the server's type check (415).
  await owner
    .getByLabel(/Attach files/)
    .setInputFiles([
      file('menu.txt', 'Sourdough 6.50'),
      file('prices.txt', '<html><script>alert(1)</script></html>'),
    ]);
  await owner.getByRole('button', { name: 'Send' }).click();
  await expect(
    owner.getByText(/“prices\.txt” could not be uploaded, so nothing was sent/),
  ).toBeVisible();
  await expect(owner.getByRole('textbox', { name: 'Message' })).toHaveValue(
    'The menu and the prices.',
  );
  await expectAccessible(owner, 'the composer with a refused file');

  const pro = await signIn(browser, data.pro);
  await pro.goto(base);
  await expect(pro.getByText('The menu and the prices.')).toHaveCount(0);

  await owner
    .getByLabel(/Attach files/)
    .setInputFiles([file('menu.txt', 'Sourdough 6.50'), file('prices.txt', 'Rye 5.90')]);
  await owner.getByRole('button', { name: 'Send' }).click();
  await expect(owner.getByRole('textbox', { name: 'Message' })).toHaveValue('');
  const seen = pro.getByRole('list', { name: 'Messages' });
  await expect(seen.getByText('The menu and the prices.')).toBeVisible({ timeout: 15_000 });
  await expect(seen.getByRole('link', { name: /menu\.txt/ })).toBeVisible();
  await expect(seen.getByRole('link', { name: /prices\.txt/ })).toBeVisible();
});
