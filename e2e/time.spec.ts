import { expect, test } from '@playwright/test';
import { expectAccessible } from './helpers.ts';
import { sameLisbonWeek, seedWorkContract, signIn, api } from './work-helpers.ts';

/** An instant as the Day and Start fields of someone in New York type it. */
function newYorkWallClock(at: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'America/New_York',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}

/**
 * The professional runs a timer that survives a reload, types in time, is refused past the
 * weekly cap with the numbers, and the owner approves the week.
 */
test('a timer survives a reload, time past the weekly cap is refused, and the owner approves the week', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const now = new Date();
  const first = new Date(now.getTime() - 100 * 60_000);
  test.skip(
    !sameLisbonWeek(first, now),
    'The business’s week began less than two hours ago: no past time in it to log yet.',
  );
  const data = seedWorkContract();
  const timePage = `/app/contracts/${data.contractId}/time`;
  const pro = await signIn(browser, data.pro, 'America/New_York');
  const owner = await signIn(browser, data.owner, 'America/New_York');
  // A cap of one hour a week, agreed through an amendment, keeps the journey short.
  const proposal = await api(pro, `/contracts/${data.contractId}/amendments`, {
    kind: 'terms',
    changes: { weeklyCapHours: 1 },
  });
  await api(owner, `/contracts/${data.contractId}/amendments/${proposal.id}/accept`);

  await pro.goto(timePage);
  await expectAccessible(pro, 'the time page');
  await pro.getByLabel('What are you working on?').fill('Menu photos');
  await pro.getByRole('button', { name: 'Start timer' }).click();
  await expect(pro.getByRole('timer', { name: 'Elapsed time' })).toBeVisible();
  await pro.reload();
  // The server holds the timer: it is still running after a reload.
  await expect(pro.getByRole('timer', { name: 'Elapsed time' })).toBeVisible();
  await pro.getByRole('button', { name: 'Stop' }).click();
  await expect(pro.getByRole('button', { name: 'Start timer' })).toBeVisible();

  const addTime = async (start: Date, hours: string, memo: string) => {
    const wall = newYorkWallClock(start);
    await pro.getByLabel('Day').fill(wall.day);
    await pro.getByLabel('Start').fill(wall.time);
    await pro.getByLabel('Hours').fill(hours);
    await pro.getByLabel('Memo').fill(memo);
    await pro.getByRole('button', { name: 'Add time' }).click();
  };
  await addTime(first, '0.75', 'Sketches of the order form');
  await expect(pro.getByText('Time added.')).toBeVisible();
  await addTime(new Date(now.getTime() - 40 * 60_000), '0.5', 'Checkout copy');
  await expect(pro.getByText(/would pass the cap/)).toBeVisible();
  await expectAccessible(pro, 'the time page with the cap refusal');

  await owner.goto(timePage);
  await expect(owner.getByText('Sketches of the order form')).toBeVisible();
  await owner.getByRole('button', { name: 'Approve the week' }).click();
  await expect(owner.getByRole('button', { name: 'Approve the week' })).toBeHidden();
  await expect(owner.getByText('approved', { exact: true }).first()).toBeVisible();
  await expectAccessible(owner, 'the approved week');
  // The professional's open page shows the approval without a reload.
  await expect(pro.getByText('approved', { exact: true }).first()).toBeVisible({
    timeout: 15_000,
  });
  await expect(pro.getByText('pending', { exact: true })).toHaveCount(0);
});
