import { expect, test } from '@playwright/test';
import { expectAccessible } from './helpers.ts';
import { seedWorkContract, signIn } from './work-helpers.ts';

/**
 * A running contract changes by agreement: the professional proposes a higher rate, the owner
 * accepts it and the terms change on both pages; the owner pauses and resumes the contract and
 * the history keeps each step.
 */
test('a proposed rate is accepted by the other side; a pause and a resumption are kept in the history', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const data = seedWorkContract();
  const page = `/app/contracts/${data.contractId}`;

  const pro = await signIn(browser, data.pro);
  await pro.goto(page);
  await expect(pro.getByText('$50.00 an hour, up to 20 h a week')).toBeVisible();
  await expectAccessible(pro, 'the contract overview');
  await pro.getByRole('button', { name: 'Propose a change…' }).click();
  const dialog = pro.getByRole('dialog', { name: 'Propose a change' });
  await dialog.getByLabel('Hourly rate (USD)').fill('65');
  await dialog.getByLabel('Why (optional)').fill('The menu grew to three pages');
  await expectAccessible(pro, 'the proposal form');
  await dialog.getByRole('button', { name: 'Send the proposal' }).click();
  // The proposal's own line (the history repeats it as the event's note once the page refetches).
  await expect(
    pro.getByRole('listitem').filter({ hasText: /^Hourly rate: \$50\.00 → \$65\.00$/ }),
  ).toBeVisible();
  await expect(pro.getByText('Waiting for an answer')).toBeVisible();
  // Nothing changes until the business answers.
  await expect(pro.getByText('$50.00 an hour, up to 20 h a week')).toBeVisible();

  const owner = await signIn(browser, data.owner);
  await owner.goto(page);
  await expect(owner.getByText('“The menu grew to three pages”')).toBeVisible();
  await owner.getByRole('button', { name: 'Accept…' }).click();
  await owner
    .getByRole('dialog', { name: 'Accept this change?' })
    .getByRole('button', { name: 'Accept the change' })
    .click();
  await expect(owner.getByText('$65.00 an hour, up to 20 h a week')).toBeVisible();
  // The professional's open page hears of it without a reload.
  await expect(pro.getByText('$65.00 an hour, up to 20 h a week')).toBeVisible({
    timeout: 15_000,
  });

  await owner.getByRole('button', { name: 'Pause…' }).click();
  const pause = owner.getByRole('dialog', { name: 'Pause this contract?' });
  await pause.getByLabel('Why (optional)').fill('Waiting for the new photos');
  await expectAccessible(owner, 'the pause dialog');
  await pause.getByRole('button', { name: 'Pause the contract' }).click();
  await expect(owner.getByText('Paused', { exact: true }).first()).toBeVisible();
  await owner.getByRole('button', { name: 'Resume' }).click();
  await expect(owner.getByText('Waiting for the new photos')).toBeVisible();
  await expect(owner.getByText('Resumed', { exact: true })).toBeVisible();
  await expect(owner.getByText('Change accepted', { exact: true })).toBeVisible();
  await expectAccessible(owner, 'the contract overview after the changes');
});
