import { expect, test } from '@playwright/test';
import { expectAccessible } from './helpers.ts';
import { sameLisbonWeek, seedWorkContract, signIn, api } from './work-helpers.ts';

/**
 * The professional edits an entry in a dialog and sees the week's total follow, is refused past
 * the weekly cap on the Hours field with the numbers, and Escape leaves the entry as it was.
 */
test('an entry is edited in a dialog, the week total follows, and an edit past the cap is refused on its field', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const now = new Date();
  const first = new Date(now.getTime() - 150 * 60_000);
  test.skip(
    !sameLisbonWeek(first, now),
    'The business’s week began less than three hours ago: no past time in it to edit yet.',
  );
  const data = seedWorkContract();
  const pro = await signIn(browser, data.pro, 'America/New_York');
  const owner = await signIn(browser, data.owner, 'America/New_York');
  const contract = `/contracts/${data.contractId}`;
  // A cap of two hours a week, agreed through an amendment, makes the refusal easy to reach.
  const proposal = await api(pro, `${contract}/amendments`, {
    kind: 'terms',
    changes: { weeklyCapHours: 2 },
  });
  await api(owner, `${contract}/amendments/${proposal.id}/accept`);
  await api(pro, `${contract}/time/entries`, {
    startedAt: first.toISOString(),
    minutes: 45,
    memo: 'Sketches of the order form',
  });
  await api(pro, `${contract}/time/entries`, {
    startedAt: new Date(now.getTime() - 60 * 60_000).toISOString(),
    minutes: 30,
    memo: 'Checkout copy',
  });

  await pro.goto(`/app/contracts/${data.contractId}/time`);
  const total = pro.getByTestId('week-total');
  await expect(total).toHaveText('1.25 of 2 h');
  const sketches = pro.getByRole('listitem').filter({ hasText: 'Sketches of the order form' });
  await sketches.getByRole('button', { name: /^Edit the entry/ }).click();
  const dialog = pro.getByRole('dialog', { name: 'Edit this entry' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Hours')).toHaveValue('0.75');
  await expectAccessible(pro, 'the edit dialog');

  // Escape cancels: nothing is sent, the entry keeps its memo.
  await dialog.getByLabel('Memo').fill('Not meant');
  await pro.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(sketches).toBeVisible();
  await expect(total).toHaveText('1.25 of 2 h');

  await sketches.getByRole('button', { name: /^Edit the entry/ }).click();
  await dialog.getByLabel('Hours').fill('1');
  await dialog.getByLabel('Memo').fill('Sketches and wireframes');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(total).toHaveText('1.5 of 2 h');
  await expect(pro.getByText('Sketches and wireframes')).toBeVisible();

  // 1.75 h with the other half hour passes the two-hour cap: the refusal sits on Hours.
  const edited = pro.getByRole('listitem').filter({ hasText: 'Sketches and wireframes' });
  await edited.getByRole('button', { name: /^Edit the entry/ }).click();
  await dialog.getByLabel('Hours').fill('1.75');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  const hours = dialog.getByLabel('Hours');
  await expect(hours).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText(/would pass the cap/)).toBeVisible();
  await expectAccessible(pro, 'the edit dialog with the cap refusal');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(total).toHaveText('1.5 of 2 h');

  // Deleting still asks first.
  await edited.getByRole('button', { name: /^Delete the entry/ }).click();
  const confirm = pro.getByRole('dialog', { name: 'Delete this entry?' });
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(confirm).toBeHidden();
  await expect(total).toHaveText('0.5 of 2 h');
});
