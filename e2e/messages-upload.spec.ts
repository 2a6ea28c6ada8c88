import { expect, test } from '@playwright/test';
import { expectAccessible } from './helpers.ts';
import { seedWorkContract, signIn } from './work-helpers.ts';

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
  const data = seedWorkContract();
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
