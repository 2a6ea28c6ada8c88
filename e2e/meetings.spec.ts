import { expect, test } from '@playwright/test';
import ICAL from 'ical.js';
import { expectAccessible } from './helpers.ts';
import { seedWorkContract, signIn } from './work-helpers.ts';

/** Tomorrow at 15:00 on a Lisbon clock, as a datetime-local value and as the instant. */
function tomorrowAtThreeInLisbon() {
  const day = new Date(Date.now() + 86_400_000).toLocaleDateString('en-CA', {
    timeZone: 'Europe/Lisbon',
  });
  const local = `${day}T15:00`;
  // Lisbon is UTC+0 in winter and UTC+1 in summer: find the offset that reads back as 15:00.
  const instant = [0, 1]
    .map((h) => new Date(`${day}T${String(15 - h).padStart(2, '0')}:00:00Z`))
    .find(
      (d) =>
        d.toLocaleTimeString('en-GB', {
          timeZone: 'Europe/Lisbon',
          hour: '2-digit',
          minute: '2-digit',
        }) === '15:00',
    )!;
  return { local, instant };
}

/**
 * The owner books a meeting on their Lisbon clock; the professional sees it on their New York
 * clock; the .ics parses with an independent parser at the same instant; an action item in the
 * minutes becomes an issue once.
 */
test('a meeting is booked across time zones with a valid .ics, and an action item becomes an issue', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const data = seedWorkContract();
  const base = `/app/contracts/${data.contractId}`;
  const { local, instant } = tomorrowAtThreeInLisbon();
  const owner = await signIn(browser, data.owner);
  await owner.goto(`${base}/meetings`);
  await owner.getByRole('button', { name: 'Book a meeting' }).click();
  await owner.getByLabel('Title').fill('Kick-off: the order page');
  await owner.getByLabel('Starts (your time, Europe/Lisbon)').fill(local);
  await owner.getByLabel('Call link (optional)').fill('https://meet.example/crumb');
  await expectAccessible(owner, 'the booking form');
  await owner.getByRole('button', { name: 'Book and send invitations' }).click();
  const ownerTime = owner.locator('time').first();
  await expect(ownerTime).toHaveAttribute('datetime', instant.toISOString());
  await expect(ownerTime).toContainText('3:00');

  const pro = await signIn(browser, data.pro);
  await pro.goto(`${base}/meetings`);
  await expect(pro.getByRole('heading', { name: 'Kick-off: the order page' })).toBeVisible();
  const newYork = instant.toLocaleTimeString('en-US', {
    timeZone: 'America/New_York',
    hour: 'numeric',
    minute: '2-digit',
  });
  await expect(pro.locator('time').first()).toContainText(newYork);
  await expect(pro.getByText('(your time, America/New_York)')).toBeVisible();
  await expectAccessible(pro, 'the meetings page');

  const href = await pro
    .getByRole('link', { name: /\.ics|calendar/i })
    .first()
    .getAttribute('href');
  const ics = await (await pro.request.get(new URL(href ?? '', pro.url()).href)).text();
  const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!);
  expect(event.summary).toBe('Kick-off: the order page');
  expect(event.startDate.toJSDate().toISOString()).toBe(instant.toISOString());

  await owner.getByRole('button', { name: /Write minutes/ }).click();
  await owner
    .getByLabel('Minutes of Kick-off: the order page')
    .fill('Agreed the menu.\n\n- [ ] Send the product photos');
  await owner.getByRole('button', { name: 'Save minutes' }).click();
  await owner.getByRole('button', { name: /Make an issue/ }).click();
  await expect(owner.getByRole('link', { name: /Issue #1/ })).toBeVisible();
  await owner.getByRole('link', { name: 'Issues', exact: true }).click();
  await expect(owner.getByText('Send the product photos')).toHaveCount(1);
});
