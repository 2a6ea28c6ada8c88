import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './helpers.ts';
import { seedWorkContract, signIn } from './work-helpers.ts';

const column = (page: Page, name: string) =>
  page.getByRole('region', { name: new RegExp(`^${name}`) });

/**
 * An issue is opened and flows across the board: open → in progress → in review with the
 * keyboard (each move announced), then to done with a drag; the professional sees it done.
 */
test('an issue flows across the board by keyboard and by drag', async ({ browser }) => {
  test.setTimeout(120_000);
  const data = seedWorkContract();
  const owner = await signIn(browser, data.owner);
  await owner.goto(`/app/contracts/${data.contractId}/issues`);
  await expect(owner.getByText('No issues yet')).toBeVisible();
  await expectAccessible(owner, 'the empty issue board');

  await owner.getByRole('button', { name: 'New issue' }).click();
  await owner.getByLabel('Title').fill('Add a cart page');
  await owner.getByLabel('Description').fill('Like the **checkout** sketch.');
  await owner.getByLabel('Labels').fill('ui, shop');
  await expectAccessible(owner, 'the new issue form');
  await owner.getByRole('button', { name: 'Open issue' }).click();
  await expect(
    column(owner, 'Open').getByRole('link', { name: /#1 Add a cart page/ }),
  ).toBeVisible();
  await expectAccessible(owner, 'the issue board');

  const handle = owner.getByRole('button', { name: /^Move #1 Add a cart page/ });
  await handle.focus();
  await owner.keyboard.press('ArrowRight');
  await expect(owner.getByTestId('board-announcer')).toHaveText(
    '#1 moved to In progress, position 1 of 1.',
  );
  await expect(column(owner, 'In progress').getByRole('link', { name: /#1/ })).toBeVisible();
  await expect(owner.getByRole('button', { name: /^Move #1 / })).toBeFocused();
  await owner.keyboard.press('ArrowRight');
  await expect(owner.getByTestId('board-announcer')).toHaveText(
    '#1 moved to In review, position 1 of 1.',
  );
  await expect(column(owner, 'In review').getByRole('link', { name: /#1/ })).toBeVisible();

  await owner.locator('[data-card="1"]').dragTo(owner.locator('[data-column="done"]'));
  await expect(column(owner, 'Done').getByRole('link', { name: /#1/ })).toBeVisible();
  await expect(owner.getByTestId('board-announcer')).toHaveText(
    '#1 moved to Done, position 1 of 1.',
  );

  // The professional opens it from the list and comments.
  const pro = await signIn(browser, data.pro);
  await pro.goto(`/app/contracts/${data.contractId}/issues`);
  await pro.getByRole('button', { name: 'List' }).click();
  await pro.getByLabel('Status').selectOption('done');
  await pro.getByRole('link', { name: /#1 Add a cart page/ }).click();
  await expect(pro.getByRole('heading', { name: /#1 Add a cart page/ })).toBeVisible();
  await expect(pro.getByText('checkout', { exact: true })).toBeVisible();
  await pro.getByLabel('Add a comment').fill('Shipped, see #1.');
  await pro.getByRole('button', { name: 'Comment' }).click();
  await expect(pro.getByRole('link', { name: '#1', exact: true })).toBeVisible();
  await expectAccessible(pro, 'the issue page');
});
