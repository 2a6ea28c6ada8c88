import { expect, test } from '@playwright/test';
import { expectAccessible } from './helpers.ts';
import { seedWorkContract, signIn } from './work-helpers.ts';

/**
 * A tracker longer than one page: the list shows the first 50 and "Load more" brings the rest,
 * a filter pages too, and the board (which needs whole columns to place a card) shows them all.
 */
test('the issue list loads more than a page, filtered too, and the board shows every card', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const data = seedWorkContract();
  const owner = await signIn(browser, data.owner);
  const origin = new URL(owner.url()).origin;
  for (let n = 1; n <= 55; n++) {
    const res = await owner.request.post(`${origin}/api/v1/contracts/${data.contractId}/issues`, {
      data: { title: `Task ${n}`, labels: n % 5 === 0 ? ['copy'] : ['ui'] },
      headers: { origin },
    });
    expect(res.status(), await res.text()).toBe(201);
  }

  await owner.goto(`/app/contracts/${data.contractId}/issues`);
  // The board holds every card of the open column, past the list's page size.
  await expect(owner.getByRole('link', { name: /#55 Task 55/ })).toBeVisible();
  await expect(owner.getByRole('link', { name: /^#\d+ Task/ })).toHaveCount(55);

  await owner.getByRole('button', { name: 'List' }).click();
  const rows = owner.getByRole('table', { name: 'The contract’s issues' }).getByRole('link');
  await expect(rows).toHaveCount(50);
  await expectAccessible(owner, 'the first page of the issue list');
  await owner.getByRole('button', { name: 'Load more' }).click();
  await expect(rows).toHaveCount(55);
  await expect(owner.getByRole('button', { name: 'Load more' })).toBeHidden();

  // Newest first, labelled "ui": 44 issues, one page; clearing the label pages again.
  await owner.getByLabel('Label').selectOption('ui');
  await owner.getByLabel('Sort').selectOption('number');
  await expect(rows.first()).toHaveText(/#54 Task 54/);
  await expect(rows).toHaveCount(44);
  await expect(owner.getByRole('button', { name: 'Load more' })).toBeHidden();
  await owner.getByLabel('Label').selectOption('');
  await expect(rows).toHaveCount(50);
  await owner.getByRole('button', { name: 'Load more' }).click();
  await expect(rows).toHaveCount(55);
  await expect(rows.last()).toHaveText(/#1 Task 1$/);
});
