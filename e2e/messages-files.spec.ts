import { expect, test } from '@playwright/test';
import { expectAccessible } from './helpers.ts';
import { seedWorkContract, signIn } from './work-helpers.ts';

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
  const data = seedWorkContract();
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
